"""The tuning engine: dataset checks, recipes (prompt, lora, qlora, full), evaluation, spectrum report, export.

Public entry point (the factory's workers call it)::

    from aikojo.tuning.runner import load_recipe, run_recipe, TuneResult
"""
