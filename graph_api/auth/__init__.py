"""Bearer tokens and who they name: validation (tokens, jwks), the development identity provider
(dev), the request's Identiteit (identify) and the registration of Gebruikers (gebruikers).

See docs/identity.md.
"""

from graph_api.auth.errors import AuthenticationError
from graph_api.auth.identify import Authenticator, bearer_token, identiteit_voor

__all__ = ["AuthenticationError", "Authenticator", "bearer_token", "identiteit_voor"]
