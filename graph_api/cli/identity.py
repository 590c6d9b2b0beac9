"""Identity: development tokens and Gebruikers (graph_api/auth, docs/identity.md).

`graph-api dev-token`, `graph-api gebruiker add` and `graph-api gebruiker deactiveer`.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from graph_api.cli.reporting import console, load_settings, reported
from graph_api.errors import AuthenticationError, DevTokenRefused
from graph_api.runtime import open_runtime

gebruiker_app = typer.Typer(
    help="Gebruikers: an identity provider's users and machine clients.", no_args_is_help=True
)

OrganisatieOption = Annotated[
    str,
    typer.Option("--organisatie", help="The organisation's id (vng-realisatie), or a gemeente's CBS code."),
]


def dev_token(
    organisatie: OrganisatieOption,
    rol: Annotated[
        str,
        typer.Option("--rol", help="The role, as key (GEBRUIK_RAADPLEGER) or label (gebruik-raadpleger)."),
    ],
    naam: Annotated[str | None, typer.Option("--naam", help="The development Gebruiker's name.")] = None,
    minuten: Annotated[
        int, typer.Option("--minuten", min=1, max=24 * 60, help="How many minutes the token is valid.")
    ] = 60,
) -> None:
    """Print a development access token for a role in an organisation (the token only).

    Only while no identity provider is configured (GRAPH_API_OIDC_ISSUER): the API then trusts
    tokens signed with the local development key, which this command makes on first use.
    """
    from graph_api.auth.dev import key_path, mint_token, signing_key
    from graph_api.domain.gebruikers import registreer_dev

    settings = load_settings()

    async def run():
        async with open_runtime(settings) as runtime:
            return await registreer_dev(
                runtime.store, organisatie_sleutel=organisatie, rol_waarde=rol, naam=naam
            )

    with reported():
        if settings.identity.issuer is not None:
            raise DevTokenRefused(
                "an identity provider is configured "
                f"(GRAPH_API_OIDC_ISSUER={settings.identity.issuer}); the API accepts only its tokens, "
                "so get a token there"
            )
        if minuten * 60 > settings.identity.max_lifetime_s:
            # The very refusal the API would answer the token with.
            raise AuthenticationError(
                "TOKEN_LIFETIME_TOO_LONG",
                f"the API accepts tokens valid for at most {settings.identity.max_lifetime_s} s "
                "(GRAPH_API_OIDC_MAX_LIFETIME_S); ask for fewer --minuten",
            )
        registratie = asyncio.run(run())
        key = signing_key(key_path(settings))
    token = mint_token(
        key,
        subject=registratie.subject,
        audience=settings.identity.audience,
        naam=registratie.naam,
        minuten=minuten,
    )
    print(token)  # plain: `TOKEN=$(graph-api dev-token ...)` must get exactly the token


@gebruiker_app.command("add")
def gebruiker_add(
    subject: Annotated[
        str,
        typer.Option(
            "--subject", help="The identity provider's `sub` (for a machine client: its client id)."
        ),
    ],
    naam: Annotated[str, typer.Option("--naam", help="The person's or client's name.")],
    email: Annotated[
        str, typer.Option("--email", help="E-mail address (for a machine client: who runs it).")
    ],
    organisatie: OrganisatieOption,
    rol: Annotated[
        list[str], typer.Option("--rol", help="A role (repeatable); the membership gets exactly these.")
    ],
    machine: Annotated[
        bool, typer.Option("--machine", help="A machine client (F008): one organisation only.")
    ] = False,
) -> None:
    """Register a user or machine client of the identity provider, or update it (idempotent)."""
    from graph_api.domain.gebruikers import registreer_extern
    from graph_api.model import keuzes

    settings = load_settings()

    async def run():
        async with open_runtime(settings) as runtime:
            return await registreer_extern(
                runtime.store,
                subject=subject,
                naam=naam,
                email=email,
                organisatie_sleutel=organisatie,
                rollen=rol,
                machine=machine,
            )

    with reported():
        registratie = asyncio.run(run())
    rollen = ", ".join(keuzes.ROLLEN[key] for key in registratie.rollen)
    console.print(
        f"{registratie.subject} ({registratie.soort.lower()}, Gebruiker {registratie.gebruiker}): "
        f"{rollen} in {registratie.organisatie.naam} ({registratie.organisatie.id})",
        highlight=False,
        soft_wrap=True,
    )


@gebruiker_app.command("deactiveer")
def gebruiker_deactiveer(
    subject: Annotated[str, typer.Option("--subject", help="The identity provider's `sub`.")],
) -> None:
    """Deactivate a Gebruiker: its tokens keep validating but carry a bezoeker's rights only."""
    from graph_api.domain.gebruikers import deactiveer

    settings = load_settings()

    async def run() -> str:
        async with open_runtime(settings) as runtime:
            return await deactiveer(runtime.store, subject)

    with reported():
        gebruiker = asyncio.run(run())
    console.print(f"{subject} (Gebruiker {gebruiker}) is deactivated", highlight=False, soft_wrap=True)
