"""Live delivery of meldingen (issue 19, item 3): one listener per API process notices new
Melding nodes, whichever process wrote them, and hands each to the subscriptions of its
recipient in this process (docs/meldingen.md, "Live delivery")."""

from graph_api.meldingen_live.luisteraar import Abonnement, Luisteraar

__all__ = ["Abonnement", "Luisteraar"]
