"""Peak memory of a block of work. ``ru_maxrss`` is a process-lifetime high-water mark, usually set while
torch and transformers are imported, so it cannot tell one training method from another; this samples the
current RSS in a background thread and reports the peak during the block and the rise above its start."""

from __future__ import annotations

import resource
import sys
import threading
from pathlib import Path

_STATUS = Path("/proc/self/status")


def current_rss_mb() -> float:
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # no /proc (macOS): the lifetime peak instead
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


class PeakRss:
    """``with PeakRss() as m: ...`` then ``m.peak_mb`` (highest RSS seen) and ``m.rise_mb`` (peak − start)."""

    def __init__(self, interval_s: float = 0.01) -> None:
        self.interval_s = interval_s
        self.start_mb = self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PeakRss:
        self.start_mb = self.peak_mb = current_rss_mb()
        self._thread = threading.Thread(target=self._sample, daemon=True, name="peak-rss")
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.peak_mb = max(self.peak_mb, current_rss_mb())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.peak_mb = max(self.peak_mb, current_rss_mb())

    @property
    def rise_mb(self) -> float:
        return self.peak_mb - self.start_mb
