"""What operators expect of the HTTP API (docs/operations.md): metrics (metrics.py), a request id
and structured logs (logs.py), per-client rate limits by estimated cost (ratelimit.py)."""
