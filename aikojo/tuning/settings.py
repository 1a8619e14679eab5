"""Tuning's view of the platform settings: the tracker and training knobs live in :class:`aikojo.settings.Settings`
(``KOJO_*`` variables or ``kojo.yaml``), read here without requiring the rest of a home."""

from __future__ import annotations

from aikojo.settings import Settings, load_settings

TuningSettings = Settings


def tuning_settings() -> Settings:
    return load_settings()
