"""Process set-up for forecasting work: one BLAS thread per process and darts imported once.

OpenBLAS's own threads spin while waiting; on a busy two-core machine a statsmodels fit that takes 0.1 s
single-threaded was measured at 2 s with the default thread pool, so every forecasting process pins it to 1.
"""

from __future__ import annotations

_READY = False


def init_worker() -> None:
    """Limit BLAS/OpenMP to one thread and import the darts models (idempotent)."""
    global _READY
    if _READY:
        return
    from threadpoolctl import threadpool_limits

    from models.forecast.candidates import make

    make("ets", "W")  # imports darts, statsmodels, scipy and sklearn now rather than inside the first request
    threadpool_limits(1)  # after the imports: it limits the BLAS libraries loaded at this point
    _READY = True
