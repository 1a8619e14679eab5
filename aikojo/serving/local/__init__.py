"""Parts of the embedded engine (aikojo.serving.local_engine.LocalEngine), one seam each:

- batch.py     the running batch: left-padded rows over one KV cache, prefill, step, join, drop
- adapters.py  PEFT LoRA adapters: on-demand loading, bounded LRU, per-row routing (DoRA apart)
- sampling.py  per-row greedy / temperature / top_p / seeded sampling
- text.py      incremental detokenisation (whole characters only) and stop strings
- random_adapter.py  random-weight LoRA adapters for tests and demos
"""
