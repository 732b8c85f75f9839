"""The alert rules as pure functions: does a new observation fire a subscription, and does it re-arm it."""

from __future__ import annotations

from dataclasses import dataclass

from data.alerts_store import Obs

# ---------------------------------------------------------------- pure rules


@dataclass(frozen=True)
class Decision:
    fire: bool
    armed: bool
    change_pct: float | None = None


def change_pct(latest: Obs, previous: Obs | None) -> float | None:
    if previous is None or previous.value <= 0:
        return None
    return (latest.value - previous.value) / previous.value * 100.0


def decide(rule: str, threshold: float | None, direction: str, armed: bool, latest: Obs,
           previous: Obs | None) -> Decision:
    """One subscription against the newest observation of its series.

    above/below fire once per crossing: they fire when armed and the condition holds, then stay disarmed until
    the price is back on the other side of the threshold. change compares with the previous period of the same
    series. digest fires on every new period."""
    pct = change_pct(latest, previous)
    if rule in ("above", "below"):
        assert threshold is not None
        met = latest.value >= threshold if rule == "above" else latest.value <= threshold
        return Decision(fire=armed and met, armed=not met, change_pct=pct)
    if rule == "change":
        assert threshold is not None
        if pct is None:
            return Decision(False, armed, None)
        hit = (pct >= threshold if direction == "up" else pct <= -threshold if direction == "down"
               else abs(pct) >= threshold)
        return Decision(hit, armed, pct)
    if rule == "digest":
        return Decision(True, armed, pct)
    raise ValueError(f"unknown rule {rule!r}")


def condition_met(rule: str, threshold: float | None, value: float) -> bool:
    """Whether a threshold rule already holds (at creation, such a rule starts disarmed)."""
    if rule == "above" and threshold is not None:
        return value >= threshold
    if rule == "below" and threshold is not None:
        return value <= threshold
    return False
