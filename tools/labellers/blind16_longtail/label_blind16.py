"""Label the blind long-tail set b16t (chat-style questions) from the raw SIPSA CSV with pandas.

    /work/main/.venv/bin/python label_blind16.py

Reuses only the Data class / fold helpers / MAIN list of tools/label_questions.py (name mapping of the raw CSV to
canonical names). Every rule applied here is re-stated from tests/questions/LABELS.md.
Writes blind16-longtail.jsonl next to this file and prints a review table of every resolved value.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, "/work/main/tools")
from label_questions import CSV, MAIN, Data, fold  # noqa: E402

from questions16 import QUESTIONS  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "blind16-longtail.jsonl"
TODAY = dt.date(2025, 11, 3)
SET = "blind16-longtail"
BULTO_OK = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
            "Garbanzo", "Arveja seca", "Azúcar")
UNIT_KG = {"libra": 0.5, "arroba": 12.5, "bulto": 50.0}
MAIN_OF = dict(MAIN)


class Labeller:
    def __init__(self) -> None:
        self.d = Data(CSV)
        self.df = self.d.df
        weeks = sorted(self.df["week"].unique())
        self.weeks = weeks
        self.latest = weeks[-1]
        self.last8 = weeks[-8:]
        self.names = set(self.d.units)  # canonical product names (products.csv)

    # ---- series helpers -------------------------------------------------------------------------------------
    def s(self, p: str, m: str):
        return self.d.series(p, m)

    def priced(self, p: str, m: str, week: str) -> float | None:
        return self.d.week_price(p, m, week)

    def latest_of(self, p: str, m: str) -> tuple[str, float]:
        found = self.d.latest_price(p, m)
        assert found, (p, m)
        return found

    def kinds_in(self, word: str, m: str) -> list[str]:
        """Products whose first words are `word` priced in market m in the newest week of the table."""
        w = fold(word).split()
        rows = self.df[(self.df["market"] == m) & (self.df["week"] == self.latest)]
        return sorted({p for p in rows["product"] if fold(p).split()[:len(w)] == w})

    def whole_name_recent(self, word: str, m: str) -> bool:
        names = [n for n in self.names if fold(n) == fold(word)]
        if not names:
            return False
        s = self.s(names[0], m)
        return bool((s["week"].isin(self.last8)).any())

    # ---- places ---------------------------------------------------------------------------------------------
    def market_for(self, p: str, at: str | None) -> str:
        if at is None:  # first main market that priced the product in the product's newest week
            week = self.d.product_week[p]
            rows = set(self.df[(self.df["product"] == p) & (self.df["week"] == week)]["market"])
            for _, m in MAIN:
                if m in rows:
                    return m
            raise AssertionError(f"no main market for {p}")
        kind, name = at.split(":", 1)
        if kind == "m":
            return name
        # a city: its main market (must price the product now), else the city's only market pricing it
        main = MAIN_OF.get(name)
        if main and self.priced(p, main, self.latest) is not None:
            return main
        cands = [m for m, c in self.d.cities.items() if c == name and self.priced(p, m, self.latest) is not None]
        assert len(cands) == 1 and (main is None or self.s(p, main).empty), (p, name, cands)
        return cands[0]

    @staticmethod
    def week_of(day: dt.date) -> str:
        return (day - dt.timedelta(days=(day.weekday() - 5) % 7)).isoformat()

    def day_price(self, p: str, m: str, day: str, back: int = 0) -> tuple[str, float]:
        s = self.s(p, m)
        hit = s[(s["week"] <= day) & (s["week_end"] >= day)]
        if not hit.empty:
            return str(hit.iloc[-1]["week"]), float(hit.iloc[-1]["price"])
        assert back, (p, m, day)
        wk = dt.date.fromisoformat(self.week_of(dt.date.fromisoformat(day)))
        for k in range(1, back + 1):
            w = (wk - dt.timedelta(weeks=k)).isoformat()
            v = self.priced(p, m, w)
            if v is not None:
                return w, v
        raise AssertionError((p, m, day))

    def period(self, p: str, m: str, start: str, end: str):
        s = self.s(p, m)
        w = s[(s["week"] >= start) & (s["week"] <= end)]
        assert not w.empty, (p, m, start, end)
        return w


def val(kind: str, v: float, market: str | None, date: str | None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "value": round(float(v), 4), "market": market, "date": date}
    out.update(extra)
    return out


def month_bounds(ym: str) -> tuple[str, str]:
    y, m = map(int, ym.split("-"))
    start = dt.date(y, m, 1)
    end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


def shift_months(day: dt.date, months: int) -> dt.date:
    import calendar
    total = day.year * 12 + day.month - 1 - months
    y, mo = divmod(total, 12)
    return dt.date(y, mo + 1, min(day.day, calendar.monthrange(y, mo + 1)[1]))


def label(L: Labeller, item: dict[str, Any]) -> tuple[dict[str, Any], str]:
    t = item["t"]
    tags = [SET, *item.get("tags", [])]
    rec: dict[str, Any] = {"id": "", "q": item["q"], "prev": [], "family": item.get("family", "lookup"),
                           "expect": "answer", "values": [], "forbid": [], "tags": tags}
    note = ""
    if t == "clarify":
        rec["expect"] = "clarify"
        chk = item["check"]
        if chk[0] == "family":  # several kinds priced in the market asked, whole name not priced in 8 weeks
            word, at = chk[1], chk[2]
            m = at[2:] if at.startswith("m:") else MAIN_OF[at[2:]]
            kinds = L.kinds_in(word, m)
            assert len(kinds) >= 2 and not L.whole_name_recent(word, m), (item["q"], kinds)
            note = f"clarify family '{word}' @ {m}: {kinds}"
        else:
            note = f"clarify {chk}"
        return rec, note
    if t == "no_numbers":
        rec["expect"] = "no_numbers"
        return rec, "no_numbers " + item.get("why", "")
    p = item["p"]
    if "fam" in item:  # a family word with exactly one kind priced in the market asked
        m = L.market_for(p, item.get("at"))
        kinds = L.kinds_in(item["fam"], m)
        assert kinds == [p] and not L.whole_name_recent(item["fam"], m), (item["q"], kinds)
    if "whole" in item:  # a whole product name: must be priced there in the last 8 weeks
        m = L.market_for(p, item.get("at"))
        assert L.whole_name_recent(p, m), (item["q"], p, m)
    if t in ("cheapest", "priciest"):
        week = L.d.product_week[p]
        rows = L.df[(L.df["product"] == p) & (L.df["week"] == week)]
        if item.get("city"):
            rows = rows[rows["market"].map(lambda m: L.d.cities.get(m) == item["city"])]
        rows = rows.sort_values(["price", "market"])
        assert len(rows) >= 2
        row = rows.iloc[0] if t == "cheapest" else rows.iloc[-1]
        other = rows.iloc[1] if t == "cheapest" else rows.iloc[-2]
        assert other["price"] != row["price"], "tie"
        rec["values"] = [val("price", row["price"], row["market"], week)]
        return rec, f"{t} {p}: {row['market']} {row['price']:.0f} ({len(rows)} markets, week {week})"
    m = L.market_for(p, item.get("at"))
    assert (p, m) not in L.d.conflicted, (p, m)
    if t == "now":
        week, v = L.latest_of(p, m)
        rec["values"] = [val("price", v, m, week)]
        note = f"now {p} @ {m}: {v:.2f} ({week})"
    elif t == "trade":
        week, v = L.latest_of(p, m)
        unit = item["unit"]
        rec["values"] = [val("price", v, m, week)]
        if L.d.units[p] in ("unidad", "litro") or (unit == "bulto" and not p.startswith(BULTO_OK)):
            rec["forbid"] = ["trade_price"]
            note = f"trade {unit} {p} @ {m}: price only {v:.2f} ({week})"
        else:
            tp = v * UNIT_KG[unit]
            rec["values"].append(val("trade_price", tp, m, week, unit=unit))
            note = f"trade {unit} {p} @ {m}: {v:.2f} -> {tp:.2f} ({week})"
    elif t == "day":
        if "day" in item:
            day = item["day"]
        elif "days_ago" in item:
            day = (TODAY - dt.timedelta(days=item["days_ago"])).isoformat()
        else:
            day = shift_months(TODAY, item["months_ago"]).isoformat()
        week, v = L.day_price(p, m, day)
        rec["values"] = [val("price", v, m, week)]
        note = f"day {day} {p} @ {m}: {v:.2f} ({week})"
    elif t == "month":
        start, end = month_bounds(item["month"]) if "month" in item else (f"{item['year']}-01-01",
                                                                           f"{item['year']}-12-31")
        w = L.period(p, m, start, end)
        rec["values"] = [val("price", w["price"].mean(), m, None)]
        note = f"period {start}..{end} {p} @ {m}: mean {w['price'].mean():.2f} over {len(w)} weeks"
    elif t in ("max", "min", "mean"):
        w = L.period(p, m, item["start"], item["end"])
        if t == "mean":
            rec["values"] = [val("mean", w["price"].mean(), m, None)]
            note = f"mean {p} @ {m}: {w['price'].mean():.2f} ({len(w)} weeks)"
        else:
            target = w["price"].max() if t == "max" else w["price"].min()
            tied = sorted(w.loc[w["price"] == target, "week"].astype(str))
            extra = {"dates": tied} if len(tied) > 1 else {}
            rec["values"] = [val(t, target, m, tied[-1], **extra)]
            note = f"{t} {p} @ {m}: {target:.2f} on {tied} ({len(w)} weeks)"
    elif t == "chg_months":
        (a0, a1), (b0, b1) = item["old"], item["new"]
        old = L.period(p, m, a0, a1)["price"].mean()
        new = L.period(p, m, b0, b1)["price"].mean()
        pct = (new / old - 1) * 100
        rec["values"] = [val("change_pct", pct, m, None), val("price", old, m, None), val("price", new, m, None)]
        note = f"chg months {p} @ {m}: {old:.2f} -> {new:.2f} = {pct:.2f}%"
    elif t in ("chg_days", "since"):
        w1, v1 = L.day_price(p, m, item["d1"], back=4)
        if t == "since":
            w2, v2 = L.latest_of(p, m)
        else:
            w2, v2 = L.day_price(p, m, item["d2"], back=4)
        pct = (v2 / v1 - 1) * 100
        rec["values"] = [val("price", v1, m, w1), val("price", v2, m, w2), val("change_pct", pct, m, None)]
        note = f"{t} {p} @ {m}: {v1:.2f} ({w1}) -> {v2:.2f} ({w2}) = {pct:.2f}%"
    elif t == "yoy":
        w2, v2 = L.latest_of(p, m)
        target = dt.date.fromisoformat(w2) - dt.timedelta(days=364)
        s = L.s(p, m)
        v1 = L.priced(p, m, target.isoformat())
        w1 = target.isoformat()
        if v1 is None:
            best = None
            for _, r in s.iterrows():
                gap = (dt.date.fromisoformat(r["week"]) - target).days
                if abs(gap) <= 14:
                    key = (abs(gap), gap > 0)
                    if best is None or key < best[0]:
                        best = (key, r["week"], float(r["price"]))
            assert best
            w1, v1 = best[1], best[2]
        pct = (v2 / v1 - 1) * 100
        rec["values"] = [val("price", v2, m, w2), val("price", v1, m, w1), val("change_pct", pct, m, None)]
        note = f"yoy {p} @ {m}: {v1:.2f} ({w1}) -> {v2:.2f} ({w2}) = {pct:.2f}%"
    else:
        raise ValueError(t)
    return rec, note


def main() -> None:
    L = Labeller()
    assert L.latest == "2025-10-25"
    records = []
    for i, item in enumerate(QUESTIONS, 1):
        rec, note = label(L, item)
        rec["id"] = f"b16t-{i:03d}"
        records.append(rec)
        print(f"{rec['id']} [{rec['expect']}/{rec['family']}] {rec['q']}\n      -> {note}")
        for v in rec["values"]:
            if v.get("date") and v["kind"] in ("price", "trade_price") and item["t"] in ("now", "trade"):
                if v["date"] != L.latest:
                    print(f"      !! not priced in the newest week: {v['date']}")
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {OUT}")


if __name__ == "__main__":
    main()
