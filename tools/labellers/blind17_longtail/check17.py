"""Blind set 17 (long tail): independent check.

Recomputes every expected value of blind17-longtail.jsonl straight from the raw gzip CSV with the csv module
(no pandas, no code from tools/label_questions.py): its own name folding and alias tables from data/vocab/*.csv,
its own week arithmetic and statistics. The question -> calculation map (SPECS) is read from label17.py with
`ast` (no code of label17.py is executed).

    /work/main/.venv/bin/python check17.py
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import gzip
import json
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = Path("/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz")
VOCAB = Path("/work/main/data/vocab")
MAIN_MARKETS = {  # LABELS.md: a city stands for its main wholesale market (list MAIN, restated here)
    "Bogotá": "Bogotá, D.C., Corabastos", "Medellín": "Medellín, Central Mayorista de Antioquia",
    "Cali": "Cali, Cavasa", "Barranquilla": "Barranquilla, Barranquillita",
    "Bucaramanga": "Bucaramanga, Centroabastos", "Cúcuta": "Cúcuta, Cenabastos", "Pereira": "Pereira, Mercasa",
    "Armenia": "Armenia, Mercar", "Manizales": "Manizales, Centro Galerías", "Ibagué": "Ibagué, Plaza La 21",
    "Neiva": "Neiva, Surabastos", "Pasto": "Pasto, El Potrerillo", "Villavicencio": "Villavicencio, CAV",
    "Tunja": "Tunja, Complejo de Servicios del Sur", "Valledupar": "Valledupar, Mercabastos",
    "Montería": "Montería, Mercado del Sur", "Cartagena": "Cartagena, Bazurto",
    "Sincelejo": "Sincelejo, Nuevo Mercado", "Popayán": "Popayán, Plaza de mercado del barrio Bolívar",
    "Ipiales": "Ipiales (Nariño), Ipiales somos todos",
}
MAIN_ORDER = list(MAIN_MARKETS.values())
TOL = {"price": 0.5, "mean": 0.5, "median": 0.5, "max": 0.5, "min": 0.5, "trade_price": 0.5,
       "change_pct": 0.05, "count": 0, "month": 0, "years": 0, "position": 0}


def norm(s: str) -> str:
    s = s.replace("\xa0", " ").strip().rstrip("*").strip().lower()
    out = []
    for ch in s:
        if ch == "ñ":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)
        base = "".join(b for b in base if unicodedata.category(b) != "Mn")
        out.append(base)
    s = "".join(out)
    s = "".join(c if c.isalnum() else " " for c in s)
    return " ".join(s.split())


def read_vocab(name: str) -> tuple[dict[str, str], list[dict]]:
    rows = list(csv.DictReader(open(VOCAB / name, encoding="utf-8")))
    table: dict[str, str] = {}
    for r in rows:  # canonical names win over aliases
        table[norm(r["name"])] = r["name"]
    for r in rows:
        for a in r["aliases"].split("|"):
            if a.strip() and norm(a) not in table:
                table[norm(a)] = r["name"]
    return table, rows


def load_specs() -> list[dict]:
    tree = ast.parse((HERE / "label17.py").read_text(encoding="utf-8"))
    consts: dict[str, object] = {}
    specs = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name.isupper() and isinstance(node.value, ast.Constant):
                consts[name] = node.value.value
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "SPECS":
            specs = node.value

    def ev(n):
        if isinstance(n, ast.Constant):
            return n.value
        if isinstance(n, ast.Name):
            return consts[n.id]
        if isinstance(n, ast.Tuple):
            return tuple(ev(e) for e in n.elts)
        if isinstance(n, ast.List):
            return [ev(e) for e in n.elts]
        if isinstance(n, ast.JoinedStr):
            raise ValueError("f-string")
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add):
            return ev(n.left) + ev(n.right)
        if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "dict":
            return {k.arg: ev(k.value) for k in n.keywords}
        raise ValueError(ast.dump(n))

    return [ev(e) for e in specs.elts]


class Table:
    def __init__(self) -> None:
        self.pmap, prows = read_vocab("products.csv")
        self.mmap, mrows = read_vocab("markets.csv")
        self.group = {r["name"]: r["group"] for r in prows}
        self.unit = {r["name"]: r["unit"] for r in prows}
        self.city = {r["name"]: r["city"] for r in mrows if r["kind"] == "market"}
        self.mdept = {r["name"]: r["department"] for r in mrows}
        self.raw_group: dict[str, set] = defaultdict(set)
        cells: dict[tuple, list] = defaultdict(list)
        self.week_end: dict[str, str] = {}
        with gzip.open(RAW, "rt", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                try:
                    price = float(r["precio_medio_cop_kg"])
                except ValueError:
                    continue
                if not price > 0:
                    continue
                p = self.pmap.get(norm(r["producto"]))
                m = self.mmap.get(norm(r["mercado"]))
                if p is None or m is None:
                    continue
                w = r["semana_inicio"]
                self.week_end[w] = r["semana_fin"]
                cells[(p, m, w)].append(price)
                self.raw_group[p].add(r["grupo"])
        self.conflict_pairs = set()
        self.s: dict[tuple, dict[str, float]] = defaultdict(dict)  # (product, market) -> {week: price}
        for (p, m, w), prices in cells.items():
            if len(prices) > 1:
                self.conflict_pairs.add((p, m))
                continue
            self.s[(p, m)][w] = prices[0]
        self.weeks = sorted(self.week_end)
        self.latest = self.weeks[-1]
        self.by_week: dict[str, list] = defaultdict(list)
        for (p, m), ser in self.s.items():
            for w, v in ser.items():
                self.by_week[w].append((p, m, v))

    # ---------------------------------------------------------------- helpers
    def week_of_day(self, day: str) -> str:
        d = dt.date.fromisoformat(day)
        found = [w for w in self.weeks if dt.date.fromisoformat(w) <= d <= dt.date.fromisoformat(self.week_end[w])]
        assert len(found) == 1, (day, found)
        return found[0]

    def ser(self, p: str, m: str) -> dict[str, float]:
        assert (p, m) not in self.conflict_pairs, (p, m)
        return self.s.get((p, m), {})

    def newest(self, p: str, m: str) -> tuple[str, float]:
        ser = self.ser(p, m)
        w = max(ser)
        return w, ser[w]

    def period_weeks(self, p: str, m: str, period: tuple) -> dict[str, float]:
        ser = self.ser(p, m)
        if period[0] == "all":
            return dict(ser)
        if period[0] == "range":
            return {w: v for w, v in ser.items() if period[1] <= w <= period[2]}
        if period[0] == "last":
            keep = set(self.weeks[len(self.weeks) - period[1]:])
            return {w: v for w, v in ser.items() if w in keep}
        if period[0] == "since":
            first = self.week_of_day(period[1])
            return {w: v for w, v in ser.items() if w >= first}
        raise ValueError(period)

    def city_market(self, city: str, p: str) -> str:
        main = MAIN_MARKETS.get(city)
        if main and self.s.get((p, main)):
            return main
        options = [(max(self.s[(p, m)]), m) for m, c in self.city.items() if c == city and self.s.get((p, m))]
        return max(options)[1]

    def default_market(self, p: str) -> str:
        newest = max(w for (pp, m), ser in self.s.items() if pp == p for w in ser)
        priced = {m for (pp, m), ser in self.s.items() if pp == p and newest in ser}
        for m in MAIN_ORDER:
            if m in priced:
                return m
        raise AssertionError(p)


def V(kind, value, market=None, date=None, **extra):
    out = {"kind": kind, "value": value, "market": market, "date": date}
    out.update(extra)
    return out


def compute(t: Table, spec: dict) -> tuple[list[dict], list[str]]:
    c = spec["calc"]
    k = c[0]
    if k == "now":
        w, v = t.newest(c[1], c[2])
        return [V("price", v, c[2], w)], []
    if k == "now_default":
        m = t.default_market(c[1])
        w, v = t.newest(c[1], m)
        return [V("price", v, m, w)], []
    if k == "day":
        w = t.week_of_day(c[3])
        return [V("price", t.ser(c[1], c[2])[w], c[2], w)], []
    if k == "period_price":
        vals = list(t.period_weeks(c[1], c[2], ("range", c[3], c[4])).values())
        return [V("price", sum(vals) / len(vals), c[2], None)], []
    if k == "trade":
        w, v = t.newest(c[1], c[2])
        return [V("price", v, c[2], w), V("trade_price", v * c[4], c[2], w, unit=c[3])], []
    if k == "unit_only":
        w, v = t.newest(c[1], c[2])
        assert t.unit[c[1]] != "kg"
        return [V("price", v, c[2], w)], ["trade_price"]
    if k == "market_extreme":
        p, which, city = c[1], c[2], c[3]
        newest = max(w for (pp, m), ser in t.s.items() if pp == p for w in ser)
        rows = [(ser[newest], m) for (pp, m), ser in t.s.items() if pp == p and newest in ser
                and (city is None or t.city.get(m) == city)]
        rows.sort()
        best = rows[0] if which == "min" else rows[-1]
        return [V("price", best[0], best[1], newest)], []
    if k == "stat":
        p, m, stat, period = c[1], c[2], c[3], c[4]
        wk = t.period_weeks(p, m, period)
        vals = list(wk.values())
        if stat in ("max", "min"):
            target = max(vals) if stat == "max" else min(vals)
            tied = sorted(w for w, v in wk.items() if v == target)
            return [V(stat, target, m, tied[-1], dates=tied)], []
        if stat == "mean":
            return [V("mean", statistics.fmean(vals), m, None)], []
        return [V("median", statistics.median(vals), m, None)], []
    if k == "chg_days":
        p, m = c[1], c[2]
        ser = t.ser(p, m)
        out = []
        for day in (c[3], c[4]):
            w = t.week_of_day(day)
            if w not in ser:
                lo = (dt.date.fromisoformat(w) - dt.timedelta(days=28)).isoformat()
                w = max(x for x in ser if lo <= x < w)
            out.append((w, ser[w]))
        (w1, v1), (w2, v2) = out
        return [V("price", v1, m, w1), V("price", v2, m, w2), V("change_pct", 100 * (v2 - v1) / v1, m, None)], []
    if k == "chg_periods":
        p, m, (a1, b1), (a2, b2) = c[1], c[2], c[3], c[4]
        x = statistics.fmean(t.period_weeks(p, m, ("range", a1, b1)).values())
        y = statistics.fmean(t.period_weeks(p, m, ("range", a2, b2)).values())
        return [V("change_pct", 100 * (y - x) / x, m, None)], []
    if k == "since":
        p, m = c[1], c[2]
        w1 = t.week_of_day(c[3])
        v1 = t.ser(p, m)[w1]
        w2, v2 = t.newest(p, m)
        return [V("price", v1, m, w1), V("price", v2, m, w2), V("change_pct", 100 * (v2 - v1) / v1, m, None)], []
    if k == "yoy":
        p, m = c[1], c[2]
        ser = t.ser(p, m)
        w2, v2 = t.newest(p, m)
        target = dt.date.fromisoformat(w2) - dt.timedelta(weeks=52)
        cands = sorted((abs((dt.date.fromisoformat(w) - target).days), w) for w in ser
                       if abs((dt.date.fromisoformat(w) - target).days) <= 14)
        w1 = cands[0][1]
        v1 = ser[w1]
        return [V("price", v1, m, w1), V("price", v2, m, w2), V("change_pct", 100 * (v2 - v1) / v1, m, None)], []
    if k == "season":
        p, m, which = c[1], c[2], c[3]
        buckets: dict[tuple, list] = defaultdict(list)
        for w, v in t.ser(p, m).items():
            buckets[(int(w[:4]), int(w[5:7]))].append(v)
        monthly: dict[int, dict[int, float]] = defaultdict(dict)
        for (y, mo), vs in buckets.items():
            monthly[y][mo] = sum(vs) / len(vs)
        used = [y for y in monthly if len(monthly[y]) >= 6]
        ratios: dict[int, list] = defaultdict(list)
        for y in used:
            base = sum(monthly[y].values()) / len(monthly[y])
            for mo, v in monthly[y].items():
                ratios[mo].append(v / base)
        index = {mo: sum(r) / len(r) for mo, r in ratios.items() if len(r) >= 2}
        month = (min if which == "min" else max)(index, key=index.get)
        return [V("month", month, m, None), V("years", len(used), m, None)], []
    if k == "position":
        p, m = c[1], c[2]
        w, v = t.newest(p, m)
        per_year: dict[str, list] = defaultdict(list)
        for ww, vv in t.ser(p, m).items():
            if ww[5:7] == w[5:7] and ww[:4] < w[:4]:
                per_year[ww[:4]].append(vv)
        means = [sum(x) / len(x) for x in per_year.values()]
        pos = -1 if v < min(means) else 1 if v > max(means) else 0
        return [V("price", v, m, w), V("position", pos, m, None)], []
    if k == "rank":
        m, group, which, week, n = c[1], c[2], c[3], c[4], c[5]
        week = week or t.latest
        rows = [(v, p) for p, mm, v in t.by_week[week] if mm == m and t.unit.get(p) == "kg"
                and (group is None or group in t.raw_group[p])]
        assert not any((p, m) in t.conflict_pairs for _, p in rows)
        if which == "min":
            rows.sort(key=lambda r: (r[0], r[1]))
        else:
            rows.sort(key=lambda r: (-r[0], r[1]))
        return [V("price", v, m, week, product=p) for v, p in rows[:n]], []
    if k == "movers":
        m, direction, group, periods = c[1], c[2], c[3], c[4]
        if periods is None:
            prev = t.weeks[-2]
            spans = ((prev, prev), (t.latest, t.latest))
            date = t.latest
        else:
            spans = periods
            date = None
        per: list[dict] = []
        for lo, hi in spans:
            acc: dict[tuple, list] = defaultdict(list)
            for w in t.weeks:
                if lo <= w <= hi:
                    for p, mm, v in t.by_week[w]:
                        if m is None or mm == m:
                            acc[(p, mm)].append(v)
            per.append({key: sum(v) / len(v) for key, v in acc.items()})
        a, b = per
        common = set(a) & set(b)
        prods: dict[str, list] = defaultdict(list)
        for key in common:
            prods[key[0]].append(key)
        changes = []
        for p, keys in prods.items():
            if group is not None and group not in t.raw_group[p]:
                continue
            if any(key in t.conflict_pairs for key in keys):
                raise AssertionError(("conflicted pair in movers", p))
            xa = sum(a[kk] for kk in keys) / len(keys)
            xb = sum(b[kk] for kk in keys) / len(keys)
            changes.append((100 * (xb - xa) / xa, p))
        changes.sort(reverse=(direction == "up"))
        chg, p = changes[0]
        return [V("change_pct", chg, m, date, product=p)], []
    if k == "count_markets":
        p, period = c[1], c[2]
        if period is None:
            ms = {mm for pp, mm, v in t.by_week[t.latest] if pp == p}
        else:
            ms = {mm for w in t.weeks if period[0] <= w <= period[1] for pp, mm, v in t.by_week[w] if pp == p}
        return [V("count", len(ms), None, None)], []
    if k == "count_products":
        m = c[1]
        ps = {pp for pp, mm, v in t.by_week[t.latest] if mm == m}
        return [V("count", len(ps), m, None)], []
    if k == "family":
        word, m = norm(c[1]), c[2]
        kinds = {pp for pp, mm, v in t.by_week[t.latest] if mm == m and norm(pp).split()[0] == word}
        assert len(kinds) >= 2, (c, kinds)
        return [], []
    if k == "unknown_place":
        names = {norm(x) for x in list(t.city.values()) + list(t.mdept.values()) + list(t.mdept.keys())}
        assert norm(c[1]) not in names
        return [], []
    if k == "two_places":
        assert len([m for m, cc in t.city.items() if cc == c[1]]) == 2
        return [], []
    if k == "untracked":
        blob = " ".join(t.pmap.keys())
        assert norm(c[1]) not in blob
        return [], []
    return [], []


def same(a: dict, b: dict) -> bool:
    if a["kind"] != b["kind"] or a.get("market") != b.get("market") or a.get("date") != b.get("date"):
        return False
    for key in ("product", "unit", "dates"):
        if a.get(key) != b.get(key):
            return False
    return abs(float(a["value"]) - float(b["value"])) <= TOL[a["kind"]]


def main() -> None:
    specs = load_specs()
    recs = [json.loads(line) for line in open(HERE / "blind17-longtail.jsonl", encoding="utf-8")]
    assert len(specs) == len(recs), (len(specs), len(recs))
    t = Table()
    # the vocab group and the raw CSV `grupo` column agree for every product a ranking or a mover may use
    bad = [p for p, gs in t.raw_group.items() if t.group.get(p) and t.group[p] not in gs]
    print("vocab/raw group mismatches:", bad[:10])
    # every city the questions name resolves to the market used
    fails = []
    for spec, rec in zip(specs, recs):
        assert spec["q"] == rec["q"], rec["id"]
        if spec.get("city") and spec["calc"][0] not in ("family", "movers"):
            mk = t.city_market(spec["city"], spec["calc"][1])
            if mk != spec["calc"][2]:
                fails.append((rec["id"], "city", mk))
        try:
            values, forbid = compute(t, spec)
        except Exception as exc:
            fails.append((rec["id"], "error", repr(exc)))
            continue
        if forbid != rec["forbid"] or len(values) != len(rec["values"]):
            fails.append((rec["id"], "shape", values, rec["values"]))
            continue
        for mine, theirs in zip(values, rec["values"]):
            if not same(mine, theirs):
                fails.append((rec["id"], "value", mine, theirs))
        expect = "answer" if values else rec["expect"]
        if (rec["expect"] == "answer") != bool(values):
            fails.append((rec["id"], "expect", expect, rec["expect"]))
    n_vals = sum(len(r["values"]) for r in recs)
    if fails:
        for f in fails:
            print("MISMATCH", f)
        print(f"{len(fails)} mismatches over {len(recs)} questions / {n_vals} values")
        sys.exit(1)
    print(f"OK: all {n_vals} values of {len(recs)} questions recomputed independently and equal")


if __name__ == "__main__":
    main()
