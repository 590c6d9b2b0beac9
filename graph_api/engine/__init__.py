"""The embedded graph engine graph_api runs when no Neo4j server is configured."""

from graph_api.engine.embedded import Binaries, EmbeddedEngine, EngineError

__all__ = ["Binaries", "EmbeddedEngine", "EngineError"]
