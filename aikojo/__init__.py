"""aikojo (AI工場): a governed LLM-as-a-Service gateway, guardrails and tuning factory."""

__version__ = "0.1.0"
