"""Test doubles shipped with the package (used by tests, benchmarks and the red-team end-to-end run)."""
