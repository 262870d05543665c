"""Timing shared by the benchmarks."""

import time
from contextlib import contextmanager


@contextmanager
def timed(results, key):
    """Add the time spent in the block to ``results[key]``."""
    start = time.perf_counter()
    yield
    results[key] = results.get(key, 0.0) + time.perf_counter() - start
