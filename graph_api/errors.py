"""Every error graph_api reports, with its code: the catalogue (docs/operations.md, "Error codes").

An error's class says what went wrong and carries a machine-readable `code`, the HTTP `status`
it answers with where it decides a response's status, and for a bad argument its name
(`argument`). Each class derives from one of four kinds, and each surface maps the kinds once:

- `Invalid`: what was asked or configured cannot be used as it is; the asker can fix it.
- `Conflict`: asked right, but what the graph holds stands in the way.
- `Unavailable`: something graph_api needs does not answer; the same request may work later.
- `TimedOut`: a time limit ran out; ask for less, or try again.

Anything else is internal: a GraphQL answer or an HTTP client sees `INTERNAL_SERVER_ERROR` and
a fixed message, never the message itself (it may name hosts, files or queries). The surfaces:
graph_api/graphql/errors.py (`extensions.code` in answers), graph_api/graphql/endpoint.py
(the HTTP status of a request refused before it runs) and graph_api/cli/reporting.py (a
command's exit status and `error CODE: message`).

A class raised with one of several codes lists them in `codes`, each with its status, and is
given the code when raised: `ClientError("NOT_FOUND", ...)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


class GraphApiError(Exception):
    """A failure graph_api knows: a code, a status, a message, and the argument it concerns."""

    code: str = "INTERNAL_SERVER_ERROR"
    status: int = 500
    # What a client is told instead of the message; None: the message is written for the client.
    public: ClassVar[str | None] = "internal server error"
    codes: ClassVar[Mapping[str, int]] = {}

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        argument: str | None = None,
        details: Mapping[str, Any] | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.argument = argument
        # What a client needs to act on the error besides its code (the current versie of a
        # conflict, the transitions allowed): GraphQL answers carry it in `extensions`.
        self.details: Mapping[str, Any] = details or {}
        if code is not None:
            if code not in self.codes:
                raise ValueError(f"{type(self).__name__} has no code {code}")
            self.code, self.status = code, self.codes[code]

    @property
    def client_message(self) -> str:
        return self.message if self.public is None else self.public


# --- the kinds ---


class Invalid(GraphApiError):
    status = 400
    public: ClassVar[str | None] = None


class Conflict(GraphApiError):
    status = 409
    public: ClassVar[str | None] = None


class Unavailable(GraphApiError):
    status = 503
    public: ClassVar[str | None] = None


class TimedOut(GraphApiError):
    status = 504
    public: ClassVar[str | None] = None


KINDS: tuple[type[GraphApiError], ...] = (Invalid, Conflict, Unavailable, TimedOut)


def kind_of(cls: type[GraphApiError]) -> type[GraphApiError] | None:
    """The kind of a class of errors, None for an internal one. A class of two kinds is of the
    one it names first: a provider away (`IdentityProviderUnavailable`) is unavailable, though
    it is an `AuthenticationError` too."""
    return next((kind for kind in cls.__mro__ if kind in KINDS), None)


# --- the store: both engines' failures mapped onto the same classes (store/falkordb.py, store/neo4j.py) ---


class StoreError(GraphApiError):
    """A failure of the store; the classes below say which, this one is the rest."""

    code = "STORE_ERROR"
    public = "the request could not be completed"


class EngineUnavailable(Unavailable, StoreError):
    code = "ENGINE_UNAVAILABLE"
    public = "the graph engine does not answer; try again shortly"
    # What a client is told to wait: the API restarts a dead engine within a second, and one of
    # scale 1 reads its files back in about another (bench/RESULTS.md, "Seeding").
    retry_after_s = 2


class QueryTimeout(TimedOut, StoreError):
    code = "QUERY_TIMEOUT"
    public = "the query took longer than its time limit; ask for less"


class EngineBudgetExhausted(TimedOut, StoreError):
    """The request's statements used up its engine time together (store/budget.py)."""

    code = "ENGINE_BUDGET_EXHAUSTED"
    public = "the request used up its engine time; ask for less in one request"


class ConstraintViolation(Conflict, StoreError):
    """A write would break a uniqueness constraint; nothing of it was written."""

    code = "CONSTRAINT_VIOLATION"
    # The engine's message names the query, the label and the property.
    public = "the change conflicts with what the graph holds: a value that must be unique is taken"


class QueryFailed(StoreError):
    """The engine rejected the query text itself: a defect in cypher/, never user input."""

    code = "QUERY_FAILED"


class RawGraphValue(QueryFailed):
    """A query returned a node, relationship or path instead of a map projection."""


class UnknownQuery(StoreError):
    code = "UNKNOWN_QUERY"


class SchemaInstallFailed(StoreError):
    code = "SCHEMA_INSTALL_FAILED"


class SeedRefused(Conflict):
    """`graph-api seed` would mix two landscapes, or was asked for what the reference data lacks."""

    code = "SEED_REFUSED"


# --- running graph_api: the embedded engine, the configuration, GraphiQL's assets ---


class EngineError(GraphApiError, RuntimeError):
    """The embedded engine cannot be started, reached or stopped; the message names the cause."""

    code = "ENGINE_ERROR"


class ConfigurationError(Invalid, ValueError):
    """A setting has a value graph_api cannot use: the operator's to fix."""

    code = "CONFIGURATION"
    status = 500  # should it ever answer a client, a server configured wrong is not the client's fault


class NpmAssetsError(GraphApiError, RuntimeError):
    code = "NPM_ASSETS"


# --- GraphQL over HTTP (graphql/endpoint.py) and the arguments of fields ---


class RequestError(Invalid):
    """The request cannot be executed at all: there will be no `data` entry."""

    codes: ClassVar[Mapping[str, int]] = {
        "BAD_REQUEST": 400,
        "METHOD_NOT_ALLOWED": 405,
        "BODY_TOO_SLOW": 408,
        "REQUEST_TOO_LARGE": 413,
        "UNSUPPORTED_MEDIA_TYPE": 415,
        "REQUEST_TIMEOUT": 504,
    }

    def __init__(self, code: str, message: str):
        super().__init__(message, code=code)


class MalformedRequest(RequestError):
    """Not a well-formed GraphQL-over-HTTP request: 400 whatever the client accepts."""

    codes: ClassVar[Mapping[str, int]] = {
        "BAD_REQUEST": 400,
        "BATCHING_NOT_SUPPORTED": 400,
        "INVALID_TEXT": 400,
    }


class ClientError(Invalid):
    """A field's arguments the API refuses for a reason the client can fix."""

    codes: ClassVar[Mapping[str, int]] = {
        "INVALID_ARGUMENT": 400,
        "INVALID_ARGUMENTS": 400,
        "INVALID_CURSOR": 400,
        "INVALID_DEPTH": 400,
        "INVALID_GROUP_SIZE": 400,
        "INVALID_ID": 400,
        "INVALID_PAGE_SIZE": 400,
        "INVALID_PAGINATION": 400,
        "INVALID_SEARCH": 400,
        "NOT_FOUND": 404,
        "NOT_SAME_LANDSCAPE": 400,
        "PAGE_SIZE_TOO_LARGE": 400,
        "RETIRED": 409,
    }

    def __init__(self, code: str, message: str, *, argument: str | None = None):
        super().__init__(message, code=code, argument=argument)


# --- identity: tokens (auth/), Gebruikers (domain/gebruikers.py), development tokens (auth/dev.py) ---


class AuthenticationError(Invalid):
    """The request carries credentials that are not accepted (docs/identity.md)."""

    codes: ClassVar[Mapping[str, int]] = dict.fromkeys(
        (
            "MALFORMED_AUTHORIZATION",
            "INVALID_TOKEN",
            "UNSUPPORTED_ALGORITHM",
            "UNKNOWN_KEY",
            "WRONG_ISSUER",
            "WRONG_AUDIENCE",
            "TOKEN_EXPIRED",
            "TOKEN_NOT_YET_VALID",
            "TOKEN_LIFETIME_TOO_LONG",
        ),
        401,
    )

    def __init__(self, code: str, message: str):
        super().__init__(message, code=code)


class IdentityProviderUnavailable(Unavailable, AuthenticationError):
    """The issuer's keys cannot be fetched: the token may be fine, the API cannot tell."""

    code = "IDENTITY_PROVIDER_UNAVAILABLE"

    def __init__(self, message: str):
        GraphApiError.__init__(self, message)


class RegistratieFout(Invalid):
    """A registration that cannot be done as asked; `code` says why."""

    codes: ClassVar[Mapping[str, int]] = {
        "INVALID_EMAIL": 400,
        "INVALID_NAME": 400,
        "INVALID_SUBJECT": 400,
        "MACHINE_CLIENT_HAS_ONE_ORGANISATION": 400,
        "ROLE_NOT_FOR_ORGANISATION": 400,
        "ROLE_NOT_FOR_MACHINE_CLIENT": 400,
        "UNKNOWN_GEBRUIKER": 404,
        "UNKNOWN_ORGANISATION": 404,
        "UNKNOWN_ROLE": 400,
    }

    def __init__(self, code: str, message: str, *, argument: str | None = None):
        super().__init__(message, code=code, argument=argument)


class RoleNotForOrganisation(RegistratieFout):
    """A role given, by a mutation, to an organisation of a kind where it means nothing; the
    argument names the input's field."""

    codes: ClassVar[Mapping[str, int]] = {"ROLE_NOT_FOR_ORGANISATION": 400}

    def __init__(self, message: str, *, argument: str):
        GraphApiError.__init__(self, message, code="ROLE_NOT_FOR_ORGANISATION", argument=argument)


class DevTokenRefused(Invalid):
    """`graph-api dev-token` with a real identity provider configured: its tokens would be refused."""

    code = "ISSUER_CONFIGURED"


class KeyFileError(GraphApiError):
    """The development signing key cannot be read or written."""

    code = "KEY_FILE"


# --- writes: mutations (graph_api/domain/landschap/, docs/architecture.md "The write path") ---


class Unauthenticated(Invalid):
    """A write asked for without signing in: every write needs a known identity."""

    code = "UNAUTHENTICATED"
    status = 401


class SubscriberTooSlow(Invalid):
    """A subscription whose client read too slowly: more meldingen waited for it than its queue
    holds, so it was ended (graph_api/meldingen_live/luisteraar.py)."""

    code = "SUBSCRIBER_TOO_SLOW"
    status = 429


class RateLimited(Invalid):
    """A client that asked for more than its rate limit allows (graph_api/http/ratelimit.py):
    `details["retryAfter"]` is the seconds until this request would pass, also sent as the
    `Retry-After` header; nothing was run."""

    code = "RATE_LIMITED"
    status = 429

    def __init__(self, message: str, *, retry_after_s: int):
        super().__init__(message, details={"retryAfter": retry_after_s})
        self.retry_after_s = retry_after_s


class Forbidden(Invalid):
    """The asker is known, but no role it holds allows this write."""

    code = "FORBIDDEN"
    status = 403


class VersionConflict(Conflict):
    """`verwachteVersie` is not the object's versie: someone changed it since it was read.
    `details["huidigeVersie"]` is the versie now; nothing was written."""

    code = "VERSION_CONFLICT"

    def __init__(self, message: str, *, huidige_versie: int, argument: str | None = None):
        super().__init__(message, argument=argument, details={"huidigeVersie": huidige_versie})


class TransitionNotAllowed(Conflict):
    """A status change the lifecycle does not allow from the current status;
    `details["toegestaan"]` lists the statuses it may go to from there."""

    code = "TRANSITION_NOT_ALLOWED"

    def __init__(self, message: str, *, toegestaan: list[str], argument: str | None = None):
        super().__init__(message, argument=argument, details={"toegestaan": toegestaan})


class InUse(Conflict):
    """An object others depend on (a Gebruik koppelingen use) cannot go without them."""

    code = "IN_USE"


class Duplicate(Conflict):
    """The object to create exists already in the same place."""

    code = "DUPLICATE"


class Merged(Conflict):
    """An application named that was merged into another (voegApplicatiesSamen);
    `details["samengevoegdMet"]` is the one kept."""

    code = "MERGED"

    def __init__(self, message: str, *, samengevoegd_met: str, argument: str | None = None):
        super().__init__(message, argument=argument, details={"samengevoegdMet": samengevoegd_met})


class DelegationRefused(Invalid):
    """A delegation that cannot be granted as asked (docs/access.md, "Delegation"); `code` says
    which rule it breaks, `argument` which field of the input."""

    codes: ClassVar[Mapping[str, int]] = {
        "DELEGATION_TO_SELF": 400,
        "INVALID_PERIOD": 400,
        "PERIOD_TOO_LONG": 400,
    }

    def __init__(self, code: str, message: str, *, argument: str):
        super().__init__(message, code=code, argument=argument)


class IdempotencyKeyReused(Conflict):
    """An `idempotencyKey` the asker used before for another write or other input: the earlier
    write stands, nothing was written now."""

    code = "IDEMPOTENCY_KEY_REUSED"


# --- people: invitations and memberships (graph_api/domain/organisaties/, docs/access.md) ---


class UitnodigingOnbruikbaar(Invalid):
    """An invitation the asker cannot accept: no invitation has this code, or the asker's
    verified e-mail is not the one it was sent to."""

    codes: ClassVar[Mapping[str, int]] = {
        "INVITATION_NOT_FOUND": 404,
        "EMAIL_MISMATCH": 403,
    }

    def __init__(self, code: str, message: str, *, argument: str | None = None):
        super().__init__(message, code=code, argument=argument)


class UitnodigingGesloten(Conflict):
    """An invitation that can be accepted no more: expired, used or withdrawn."""

    codes: ClassVar[Mapping[str, int]] = dict.fromkeys(
        ("INVITATION_EXPIRED", "INVITATION_USED", "INVITATION_WITHDRAWN"), 409
    )

    def __init__(self, code: str, message: str, *, argument: str | None = None):
        super().__init__(message, code=code, argument=argument)


class LaatsteBeheerder(Conflict):
    """The write would leave an organisation without an active organisatie-beheerder."""

    code = "LAST_ORGANISATIE_BEHEERDER"


class DeelnameNietToegestaan(Invalid):
    """A membership the kinds or statuses of the two organisations do not allow: only gemeenten
    join a samenwerking, no community joins a community, and both must be active
    (graph_api/domain/organisaties/deelname.py)."""

    code = "MEMBERSHIP_NOT_ALLOWED"


# --- the etalage: uploaded files and the file store they are kept in (graph_api/etalage/) ---


class BestandGeweigerd(Invalid):
    """An uploaded file the etalage does not keep; `code` says why. Nothing of it was kept."""

    codes: ClassVar[Mapping[str, int]] = {
        "FILE_TOO_LARGE": 413,
        "UNSUPPORTED_TYPE": 415,
        "NOT_AN_IMAGE": 400,
        "NOT_A_PDF": 400,
        "IMAGE_TOO_LARGE": 400,
    }

    def __init__(self, code: str, message: str, *, argument: str = "input.bestand"):
        super().__init__(message, code=code, argument=argument)


class FileStoreError(GraphApiError):
    """The file store failed in a way graph_api cannot explain to a client: a bucket that does not
    exist, credentials refused, a directory it may not write."""

    code = "FILE_STORE_ERROR"


class FileStoreUnavailable(Unavailable, FileStoreError):
    """The file store does not answer (S3 unreachable); the same request may work later."""

    code = "FILE_STORE_UNAVAILABLE"
    public = "the file store does not answer; try again shortly"


# --- coming in: registering a leverancier, asking for access (graph_api/domain/organisaties/) ---


class AlBekend(Conflict):
    """The person signing up is known here already: its subject or its e-mail is a Gebruiker's
    (invitations and roles then go through that Gebruiker's organisatie-beheerder)."""

    codes: ClassVar[Mapping[str, int]] = {"ALREADY_REGISTERED": 409, "EMAIL_IN_USE": 409}

    def __init__(self, code: str, message: str):
        super().__init__(message, code=code)


class EmailNotVerified(Invalid):
    """The token carries no e-mail its identity provider verified: a Gebruiker is made only
    from one, since invitations and contact go to it."""

    code = "EMAIL_NOT_VERIFIED"
    status = 403

    def __init__(self, message: str, *, argument: str | None = None):
        super().__init__(message, argument=argument)


# --- imports: a landscape read from a file (graph_api/uitwisseling/invoer/, docs/exchange.md) ---


class InvoerGeweigerd(Invalid):
    """A file refused as a whole before any row of it is planned: too large, a zip that would
    unpack to far more than it weighs, unreadable, or of a format no reader takes."""

    codes: ClassVar[Mapping[str, int]] = {
        "IMPORT_TOO_LARGE": 413,
        "TOO_MANY_ROWS": 413,
        "ROW_TOO_LARGE": 413,
        "ZIP_BOMB": 413,
        "UNREADABLE_FILE": 400,
        "XML_FORBIDDEN": 400,
        "UNSUPPORTED_FORMAT": 415,
    }

    def __init__(self, code: str, message: str, *, argument: str = "bestand"):
        super().__init__(message, code=code, argument=argument)


class InvoerOngeldig(Invalid):
    """A file applied while rows of it are in error: nothing was written; the report names them."""

    code = "IMPORT_INVALID"
    status = 422


class LandschapGewijzigd(Conflict):
    """The landscape changed between the plan an import was checked against and its write:
    nothing was written; plan again."""

    code = "LANDSCAPE_CHANGED"


class WerkboekGeweigerd(BestandGeweigerd):
    """A CMDB export (an .xlsx workbook, graph_api/uitwisseling/cmdb/topdesk.py) refused before
    anything of it is read into the graph: too large, a zip bomb, not a workbook, too many rows,
    or without the columns it needs. `argument` names the file, or the sheet and column."""

    codes: ClassVar[Mapping[str, int]] = {
        "FILE_TOO_LARGE": 413,
        "NOT_A_WORKBOOK": 400,
        "WORKBOOK_TOO_LARGE": 413,
        "WORKBOOK_TOO_MANY_ROWS": 413,
        "WORKBOOK_MISSING_COLUMNS": 400,
    }

    def __init__(self, code: str, message: str, *, argument: str = "bestand"):
        super().__init__(code, message, argument=argument)
