# The API as a container, for deployments against Neo4j (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph_api ./graph_api
COPY cypher ./cypher
COPY seeds ./seeds
RUN pip install --no-cache-dir . && useradd --system graph-api
USER graph-api
ENV GRAPH_API_HOST=0.0.0.0 GRAPH_API_PORT=8000
EXPOSE 8000
CMD ["graph-api", "serve"]
