"""Limits on what one request may ask, checked before any resolver runs (docs/operations.md,
"Hardening"): its shape, the lengths of its arguments, its estimated cost, introspection."""

from graph_api.graphql.limits.cost import ANALYTICS_WEIGHTS, estimate_cost
from graph_api.graphql.limits.extension import QueryLimits, parsed, variables_refusal
from graph_api.graphql.limits.rules import NUL_REFUSED

__all__ = ["ANALYTICS_WEIGHTS", "NUL_REFUSED", "QueryLimits", "estimate_cost", "parsed", "variables_refusal"]
