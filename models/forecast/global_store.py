"""The trained global model on disk: one artefact per (data version, code version), trained in the background
after a data refresh and loaded once per worker process.

An artefact holds two models trained on the same panel: `holdout`, trained only on targets before the last
HOLDOUT weeks, whose forecasts for those weeks' origins are honest backtest errors (model selection and conformal
intervals), and `full`, trained on everything, which makes the forecast a user sees. Files live in their own
folder (var/models/forecast/ by default), written to a temporary name and renamed: the mirror and any user data
are never touched. The code version is a hash of the modelling code and the lightgbm version, so a code change
retrains instead of loading a model whose features no longer match.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from data.panel import WeeklyPanel
from models.forecast.globalmodel import MAX_H, Frames, GlobalModel, fit, make_vocab

HOLDOUT = 52 + MAX_H  # a year of backtest origins whose targets (up to MAX_H weeks ahead) the holdout never saw
KEEP = 2  # artefacts kept per code version (the newest data versions)
_LOCK = threading.Lock()
_LOADED: dict[Path, Artifact] = {}


def code_version() -> str:
    import lightgbm

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(lightgbm.__version__.encode())
    for name in ("globalmodel.py", "crossfeatures.py", "global_store.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:10]


@dataclass
class Artifact:
    data_version: str
    code_version: str
    holdout: GlobalModel
    full: GlobalModel
    n_series: int
    seconds: float  # wall time of the whole training (panel excluded)


def train(panel: WeeklyPanel) -> Artifact:
    t0 = time.perf_counter()
    frames = Frames.build(panel, make_vocab(panel))
    holdout = fit(panel, max(1, panel.n_weeks - HOLDOUT), frames=frames)
    full = fit(panel, frames=frames)
    return Artifact(panel.version, code_version(), holdout, full, len(panel.products), time.perf_counter() - t0)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)[:80] or "sin-version"


def path_for(folder: Path, data_version: str, code: str | None = None) -> Path:
    return Path(folder) / f"forecast-global-{_safe(data_version)}-{code or code_version()}.pkl"


def save(artifact: Artifact, folder: Path) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = path_for(folder, artifact.data_version, artifact.code_version)
    fd, tmp = tempfile.mkstemp(prefix=".forecast-global-", suffix=".tmp", dir=folder)
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(artifact, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)
    # forget old artefacts of this code version (only files this module names; nothing else in the folder)
    mine = sorted(folder.glob(f"forecast-global-*-{artifact.code_version}.pkl"), key=lambda p: p.stat().st_mtime)
    for old in mine[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def load(folder: Path | None, data_version: str) -> Artifact | None:
    """The artefact for this data version, else the newest one of this code version (trained on older data: still
    no look-ahead), else None. Cached per process."""
    if folder is None or not Path(folder).is_dir():
        return None
    code = code_version()
    exact = path_for(Path(folder), data_version, code)
    candidates = [exact] if exact.exists() else sorted(Path(folder).glob(f"forecast-global-*-{code}.pkl"),
                                                       key=lambda p: p.stat().st_mtime, reverse=True)[:1]
    if not candidates:
        return None
    with _LOCK:
        found = _LOADED.get(candidates[0])
        if found is None:
            with candidates[0].open("rb") as fh:
                found = pickle.load(fh)  # our own file, written by save() above
            _LOADED.clear()
            _LOADED[candidates[0]] = found
        return found


def ensure_trained(db_path: str | Path, folder: Path) -> str:
    """Train and save the artefact for the mirror's current data version unless it exists. Returns a log line.
    Runs in a forecasting worker process (CPU-bound), never on the bot's event loop."""
    from data.panel import mirror_panel, mirror_version

    version = mirror_version(str(db_path))
    target = path_for(folder, version)
    if target.exists():
        return f"modelo global ya entrenado para la versión {version}"
    t0 = time.perf_counter()
    panel = mirror_panel(str(db_path))
    if not panel.products:
        return "sin precios semanales: no se entrena el modelo global"
    read_s = time.perf_counter() - t0
    artifact = train(panel)
    saved = save(artifact, folder)
    return (f"modelo global entrenado: {artifact.n_series} series, lectura {read_s:.1f} s, entrenamiento "
            f"{artifact.seconds:.1f} s -> {saved.name}")
