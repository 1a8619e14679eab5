"""The ``kojo`` command: one module per command group."""
