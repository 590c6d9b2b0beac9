"""Tests that need no engine: what can be checked from the code and the declarations alone."""
