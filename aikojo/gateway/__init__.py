"""The gateway: FastAPI app, OpenAI-compatible API, admin API, request pipeline, limits, audit, metrics."""
