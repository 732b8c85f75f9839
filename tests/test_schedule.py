"""Refresh schedule: DANE's publication calendar in Bogotá time, configuration, missed-run catch-up."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from models import schedule

BOG = ZoneInfo("America/Bogota")
UTC = dt.UTC


def jobs(text: str = "") -> dict[str, schedule.RefreshJob]:
    return {j.name: j for j in schedule.parse_schedule(text)}


def test_default_schedule_follows_dane_publication_in_bogota_time() -> None:
    friday_3pm_bogota = dt.datetime(2026, 11, 27, 20, 0, tzinfo=UTC)  # 15:00 in Bogotá (UTC-5)
    j = jobs()
    assert set(j) == {"daily", "weekly", "monthly", "supply"}
    daily = j["daily"].next_runs(friday_3pm_bogota, BOG, 3)
    # after 2 p.m. publication, Monday to Saturday, at 14:30 Bogotá = 19:30 UTC; Sunday skipped
    assert [d.astimezone(UTC) for d in daily] == [
        dt.datetime(2026, 11, 28, 19, 30, tzinfo=UTC), dt.datetime(2026, 11, 30, 19, 30, tzinfo=UTC),
        dt.datetime(2026, 12, 1, 19, 30, tzinfo=UTC)]
    assert all(d.astimezone(BOG).hour == 14 and d.astimezone(BOG).minute == 30 for d in daily)
    assert all(d.astimezone(BOG).hour >= 14 for d in j["weekly"].next_runs(friday_3pm_bogota, BOG, 4))
    monthly = j["monthly"].next_runs(friday_3pm_bogota, BOG, 4)
    assert [d.astimezone(BOG).day for d in monthly] == [8, 9, 10, 8]
    assert monthly[0].astimezone(BOG).date() == dt.date(2026, 12, 8)
    supply = j["supply"].next_runs(friday_3pm_bogota, BOG, 1)[0].astimezone(BOG)
    assert (supply.date(), supply.hour) == (dt.date(2026, 12, 10), 16)
    assert j["daily"].datasets == ("daily-city", "daily") and j["supply"].datasets == ("supply",)


def test_schedule_is_configurable() -> None:
    j = jobs("daily=mon-fri@15:05; supply=off; monthly=9@08:00")
    assert "supply" not in j
    assert (j["daily"].day_of_week, j["daily"].hour, j["daily"].minute) == ("mon-fri", 15, 5)
    assert j["monthly"].day == "9" and j["weekly"].day_of_week == "sat,mon"
    assert schedule.parse_schedule("off") == []
    for bad in ("daily=mon-sat", "hourly=mon@10:00", "daily=lun@10:00", "monthly=32@10:00", "daily=mon@25:00"):
        with pytest.raises(schedule.ScheduleError):
            schedule.parse_schedule(bad)


def test_runs_missed_while_down_are_caught_up_once() -> None:
    j = jobs()
    now = dt.datetime(2026, 11, 27, 17, 0, tzinfo=BOG)  # Friday 5 p.m.: today's 14:30 daily run is due
    assert j["daily"].previous_run(now, BOG) == dt.datetime(2026, 11, 27, 14, 30, tzinfo=BOG)
    stale = {"daily-city": dt.datetime(2026, 11, 26, 14, 31, tzinfo=BOG), "daily": None}
    assert [x.name for x in schedule.missed([j["daily"]], now, BOG, stale)] == ["daily"]
    fresh = {"daily-city": dt.datetime(2026, 11, 27, 14, 31, tzinfo=BOG),
             "daily": dt.datetime(2026, 11, 27, 14, 40, tzinfo=BOG)}
    assert schedule.missed([j["daily"]], now, BOG, fresh) == []
    much_later = dt.datetime(2026, 11, 27, 23, 0, tzinfo=BOG)  # past the 6 h grace: wait for tomorrow
    assert schedule.missed([j["daily"]], much_later, BOG, stale) == []
