"""The GraphQL schema: types and resolvers by domain area."""
