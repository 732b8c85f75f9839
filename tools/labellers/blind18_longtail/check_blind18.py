"""Independent check of blind18-longtail.jsonl: recomputes every expected value with the csv module and plain
Python (no pandas, no tools/label_questions.py code), from the raw CSV and data/vocab/*.csv, following
tests/questions/LABELS.md, and compares with the labels written by label_blind18.py.

    /work/main/.venv/bin/python /work/blind/longtail18/check_blind18.py
"""

from __future__ import annotations

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
sys.path.insert(0, str(HERE))
from specs_blind18 import SPECS  # noqa: E402  (the meaning of each question only)

RAW = Path("/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz")
VOCAB = Path("/work/main/data/vocab")
LABELS = HERE / "blind18-longtail.jsonl"
TODAY = dt.date(2025, 11, 3)
MAIN_ORDER = [  # LABELS.md "Places": city -> main wholesale market, in the order used when no place is named
    ("Bogotá", "Bogotá, D.C., Corabastos"), ("Medellín", "Medellín, Central Mayorista de Antioquia"),
    ("Cali", "Cali, Cavasa"), ("Barranquilla", "Barranquilla, Barranquillita"),
    ("Bucaramanga", "Bucaramanga, Centroabastos"), ("Cúcuta", "Cúcuta, Cenabastos"), ("Pereira", "Pereira, Mercasa"),
    ("Armenia", "Armenia, Mercar"), ("Manizales", "Manizales, Centro Galerías"), ("Ibagué", "Ibagué, Plaza La 21"),
    ("Neiva", "Neiva, Surabastos"), ("Pasto", "Pasto, El Potrerillo"), ("Villavicencio", "Villavicencio, CAV"),
    ("Tunja", "Tunja, Complejo de Servicios del Sur"), ("Valledupar", "Valledupar, Mercabastos"),
    ("Montería", "Montería, Mercado del Sur"), ("Cartagena", "Cartagena, Bazurto"),
    ("Sincelejo", "Sincelejo, Nuevo Mercado"), ("Popayán", "Popayán, Plaza de mercado del barrio Bolívar"),
    ("Ipiales", "Ipiales (Nariño), Ipiales somos todos"),
]
BULTO_OK = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
            "Garbanzo", "Arveja seca", "Azúcar")
UNTRACKED = ["mamoncillo", "quinua", "corozo", "champiñon", "champinon", "araza", "acpm"]


def norm(text: str) -> str:
    """case, accents (keeping ñ) and punctuation away"""
    out = []
    for ch in str(text).lower():
        if ch == "ñ":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)
        base = "".join(b for b in base if unicodedata.category(b) != "Mn")
        out.append(base if base.isalnum() else " ")
    return " ".join("".join(out).split())


def tidy(text: str) -> str:
    text = " ".join(str(text).replace("\u00a0", " ").split())
    while text.endswith("*") or text.endswith(" "):
        text = text[:-1]
    return text.strip()


def read_vocab(path: Path):
    names, rows = {}, []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            rows.append(r)
            names[norm(r["name"])] = r["name"]
    for r in rows:  # aliases never override a name
        for a in r["aliases"].split("|"):
            if a.strip() and norm(tidy(a)) not in names:
                names[norm(tidy(a))] = r["name"]
    return names, rows


class Table:
    def __init__(self) -> None:
        self.pnames, prows = read_vocab(VOCAB / "products.csv")
        self.mnames, mrows = read_vocab(VOCAB / "markets.csv")
        self.unit = {r["name"]: r["unit"] for r in prows}
        self.prows = prows
        self.mrows = mrows
        self.city_of = {r["name"]: r["city"] for r in mrows if r["kind"] == "market"}
        cache_p: dict[str, str | None] = {}
        cache_m: dict[str, str | None] = {}
        keyed: dict[tuple, list] = defaultdict(list)
        with gzip.open(RAW, "rt", encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                try:
                    price = float(r["precio_medio_cop_kg"])
                except ValueError:
                    continue
                if not price > 0:
                    continue
                sp, sm = r["producto"], r["mercado"]
                if sp not in cache_p:
                    cache_p[sp] = self.pnames.get(norm(tidy(sp)))
                if sm not in cache_m:
                    cache_m[sm] = self.mnames.get(norm(tidy(sm)))
                p, m = cache_p[sp], cache_m[sm]
                if p is None or m is None:
                    continue
                keyed[(p, m, r["semana_inicio"])].append((price, r["semana_fin"], r["grupo"]))
        self.conflicted = {(p, m) for (p, m, w), v in keyed.items() if len(v) > 1}
        self.series: dict[tuple, list] = defaultdict(list)
        self.group: dict[tuple, str] = {}
        weeks = set()
        for (p, m, w), v in keyed.items():
            if len(v) > 1:
                continue
            self.series[(p, m)].append((w, v[0][1], v[0][0]))
            self.group[(p, m, w)] = v[0][2]
            weeks.add(w)
        for s in self.series.values():
            s.sort()
        self.weeks = sorted(weeks)
        self.latest = self.weeks[-1]
        self.previous = self.weeks[-2]
        self.at_week: dict[str, dict[tuple, float]] = defaultdict(dict)
        for (p, m), s in self.series.items():
            for w, _, price in s:
                self.at_week[w][(p, m)] = price

    # ---------------------------------------------------------------- places
    def s(self, p, m):
        if (p, m) in self.conflicted:
            raise AssertionError(f"conflicted pair {p} / {m}")
        got = self.series.get((p, m), [])
        if not got:
            raise AssertionError(f"no series {p} / {m}")
        return got

    def city_markets(self, city):
        return sorted(m for m, c in self.city_of.items() if c == city)

    def by_city(self, city, p, period=None):
        main = dict(MAIN_ORDER).get(city)

        def inwin(m):
            s = self.series.get((p, m), [])
            if period:
                s = [x for x in s if period[0] <= x[0] <= period[1]]
            return s

        if main and inwin(main):
            if period is None:
                assert inwin(main)[-1][0] >= self.weeks[-8], "main market stale"
            return main
        best = []
        for m in self.city_markets(city):
            s = inwin(m)
            if s:
                best.append((s[-1][0], m))
        best.sort(reverse=True)
        assert best, (city, p)
        assert len(best) == 1 or best[0][0] != best[1][0], ("tie between city markets", best[:2])
        return best[0][1]

    def no_place(self, p):
        newest = max(s[-1][0] for (pp, _), s in self.series.items() if pp == p)
        priced = {m for (pp, m), s in self.series.items() if pp == p and any(x[0] == newest for x in s)}
        for _, m in MAIN_ORDER:
            if m in priced:
                return m
        raise AssertionError("no main market")

    def where(self, spec, p, period=None):
        at = spec.get("at")
        if at is None:
            return self.no_place(p)
        if at[0] == "m":
            return at[1]
        return self.by_city(at[1], p, period)

    def family_of(self, word, market):
        w = norm(word)
        last8 = set(self.weeks[-8:])
        for p in self.unit:
            if norm(p) == w and any(x[0] in last8 for x in self.series.get((p, market), [])):
                return [p]
        return sorted({p for (p, m) in self.at_week[self.latest] if m == market and norm(p).split()[0] == w})

    # ---------------------------------------------------------------- helpers
    def pick(self, s, period):
        if period is None:
            return s
        if period[0] == "last":
            keep = set(self.weeks[-period[1]:])
            return [x for x in s if x[0] in keep]
        return [x for x in s if period[0] <= x[0] <= period[1]]

    @staticmethod
    def holding(s, day):
        for w, we, price in s:
            if w <= day <= we:
                return w, price
        return None

    def holding_or_back(self, s, day):
        got = self.holding(s, day)
        if got:
            return got
        idx = max(i for i, w in enumerate(self.weeks) if w <= day)
        earlier = set(self.weeks[max(0, idx - 4):idx])
        cands = [(w, price) for w, _, price in s if w in earlier]
        assert cands, "nothing 4 weeks back"
        return cands[-1]

    def season(self, s):
        by_ym = defaultdict(list)
        for w, _, price in s:
            by_ym[(int(w[:4]), int(w[5:7]))].append(price)
        years = defaultdict(dict)
        for (y, mo), v in by_ym.items():
            years[y][mo] = sum(v) / len(v)
        used = [y for y in years if len(years[y]) >= 6]
        ratios = defaultdict(list)
        for y in used:
            base = sum(years[y].values()) / len(years[y])
            for mo, v in years[y].items():
                ratios[mo].append(v / base)
        idx = {mo: sum(r) / len(r) for mo, r in ratios.items() if len(r) >= 2}
        return idx, len(used)


def pct(new, old):
    return (new / old - 1) * 100


def V(kind, value, market=None, date=None, **extra):
    d = {"kind": kind, "value": value, "market": market, "date": date}
    d.update(extra)
    return d


def expected(t: Table, spec: dict) -> dict:
    k = spec["kind"]
    p = spec.get("p")
    vals, forbid, expect = [], [], "answer"
    if k in {"now", "trade", "trade_forbid"}:
        m = t.where(spec, p)
        w, _, price = t.s(p, m)[-1]
        vals.append(V("price", price, m, w))
        if k == "trade":
            if spec["unit"] == "bulto":
                assert p.startswith(BULTO_OK)
            assert t.unit[p] == "kg"
            vals.append(V("trade_price", price * spec["kg"], m, w, unit=spec["unit"]))
        else:
            forbid = ["trade_price"] if k == "trade_forbid" else []
            if k == "trade_forbid":
                assert t.unit[p] != "kg" or not p.startswith(BULTO_OK)
    elif k == "week":
        m = t.where(spec, p)
        got = t.holding(t.s(p, m), spec["day"])
        assert got
        vals.append(V("price", got[1], m, got[0]))
    elif k == "period":
        m = t.where(spec, p, spec["period"])
        s = t.pick(t.s(p, m), spec["period"])
        vals.append(V("price", statistics.fmean(x[2] for x in s), m, None))
    elif k == "stat":
        per = spec["period"]
        m = t.where(spec, p, per if per and per[0] != "last" else None)
        s = t.pick(t.s(p, m), per)
        prices = [x[2] for x in s]
        st = spec["stat"]
        if st in {"max", "min"}:
            target = max(prices) if st == "max" else min(prices)
            ws = [x[0] for x in s if x[2] == target]
            extra = {"dates": ws} if len(ws) > 1 else {}
            vals.append(V(st, target, m, ws[-1], **extra))
        elif st == "mean":
            vals.append(V("mean", statistics.fmean(prices), m, None))
        else:
            vals.append(V("median", statistics.median(prices), m, None))
    elif k == "change_days":
        m = t.where(spec, p)
        s = t.s(p, m)
        a, b = t.holding_or_back(s, spec["d1"]), t.holding_or_back(s, spec["d2"])
        vals += [V("price", a[1], m, a[0]), V("price", b[1], m, b[0]), V("change_pct", pct(b[1], a[1]), m, None)]
    elif k == "change_periods":
        m = t.where(spec, p)
        s = t.s(p, m)
        a = statistics.fmean(x[2] for x in t.pick(s, spec["p1"]))
        b = statistics.fmean(x[2] for x in t.pick(s, spec["p2"]))
        vals.append(V("change_pct", pct(b, a), m, None))
    elif k == "since":
        m = t.where(spec, p)
        s = t.s(p, m)
        a = t.holding(s, spec["day"])
        assert a
        vals += [V("price", a[1], m, a[0]), V("price", s[-1][2], m, s[-1][0]),
                 V("change_pct", pct(s[-1][2], a[1]), m, None)]
    elif k == "yoy":
        m = t.where(spec, p)
        s = t.s(p, m)
        nw, np_ = s[-1][0], s[-1][2]
        target = dt.date.fromisoformat(nw) - dt.timedelta(days=364)
        best = None
        for w, _, price in s:
            gap = (dt.date.fromisoformat(w) - target).days
            if abs(gap) <= 14:
                key = (abs(gap), gap > 0)
                if best is None or key < best[0]:
                    best = (key, w, price)
        assert best
        vals += [V("price", best[2], m, best[1]), V("price", np_, m, nw), V("change_pct", pct(np_, best[2]), m, None)]
    elif k == "season":
        m = t.where(spec, p)
        idx, years = t.season(t.s(p, m))
        if spec["which"] == "min":
            mo = min(idx, key=lambda x: idx[x])
        else:
            mo = max(idx, key=lambda x: idx[x])
        vals += [V("month", mo, m, None), V("years", years, m, None)]
    elif k == "epoca":
        m = t.where(spec, p)
        s = t.s(p, m)
        nw, np_ = s[-1][0], s[-1][2]
        per_year = defaultdict(list)
        for w, _, price in s:
            if w[5:7] == nw[5:7] and w[:4] < nw[:4]:
                per_year[w[:4]].append(price)
        means = [sum(v) / len(v) for v in per_year.values()]
        pos = -1 if np_ < min(means) else (1 if np_ > max(means) else 0)
        vals += [V("price", np_, m, nw), V("position", pos, m, None)]
    elif k == "rank":
        m = spec["at"][1]
        rows = []
        for (pp, mm), price in t.at_week[t.latest].items():
            if mm != m or t.unit.get(pp) != "kg":
                continue
            if spec["group"] and not t.group[(pp, mm, t.latest)].startswith(spec["group"]):
                continue
            rows.append((price if spec["order"] == "asc" else -price, pp, price))
        rows.sort()
        for _, pp, price in rows[:spec["n"]]:
            vals.append(V("price", price, m, t.latest, product=pp))
    elif k == "movers":
        m = spec["at"][1] if spec.get("at") else None
        if spec.get("p1"):
            w1 = [w for w in t.weeks if spec["p1"][0] <= w <= spec["p1"][1]]
            w2 = [w for w in t.weeks if spec["p2"][0] <= w <= spec["p2"][1]]
            date = None
        else:
            w1, w2, date = [t.previous], [t.latest], t.latest

        def means(ws):
            acc = defaultdict(list)
            for w in ws:
                for (pp, mm), price in t.at_week[w].items():
                    if m and mm != m:
                        continue
                    if spec.get("group") and not t.group[(pp, mm, w)].startswith(spec["group"]):
                        continue
                    acc[(pp, mm)].append(price)
            return {key: sum(v) / len(v) for key, v in acc.items()}

        a, b = means(w1), means(w2)
        per = defaultdict(lambda: [[], []])
        for key in a:
            if key in b:
                per[key[0]][0].append(a[key])
                per[key[0]][1].append(b[key])
        chg = {pp: pct(sum(v[1]) / len(v[1]), sum(v[0]) / len(v[0])) for pp, v in per.items()}
        ordered = sorted(chg.items(), key=lambda kv: kv[1], reverse=spec["up"])
        assert abs(ordered[0][1] - ordered[1][1]) > 0.15, "movers too close"
        vals.append(V("change_pct", ordered[0][1], m, date, product=ordered[0][0]))
    elif k == "count_markets":
        vals.append(V("count", len({mm for (pp, mm) in t.at_week[t.latest] if pp == p})))
    elif k == "count_products":
        m = spec["at"][1]
        vals.append(V("count", len({pp for (pp, mm) in t.at_week[t.latest] if mm == m}), m))
    elif k == "cheapest_market":
        newest = max(s[-1][0] for (pp, _), s in t.series.items() if pp == p)
        rows = [(price, mm) for (pp, mm), price in t.at_week[newest].items() if pp == p
                and (spec["city"] is None or t.city_of.get(mm) == spec["city"])]
        rows.sort(reverse=spec["order"] == "desc")
        assert rows[0][0] != rows[1][0]
        vals.append(V("price", rows[0][0], rows[0][1], newest))
    elif k == "clarify":
        expect = "clarify"
        why = spec["why"]
        if why in {"family", "words"}:
            at = spec["at"]
            if at[0] == "m":
                m = at[1]
            else:
                m = dict(MAIN_ORDER).get(at[1]) or t.city_markets(at[1])[0]
            if why == "family":
                opts = t.family_of(spec["word"], m)
            else:
                w = norm(spec["word"]).split()
                opts = sorted({pp for (pp, mm) in t.at_week[t.latest] if mm == m
                               and any(norm(pp).split()[i:i + len(w)] == w for i in range(len(norm(pp).split())))})
            assert len(opts) >= 2, opts
        elif why == "launion":
            assert sum(1 for r in t.mrows if r["city"] == "La Unión" and r["kind"] == "market") == 2
        else:
            place = norm(spec["place"])
            known = set()
            for r in t.mrows:
                for col in ("name", "city", "department"):
                    known.update(norm(r[col]).split())
                for a in r["aliases"].split("|"):
                    known.update(norm(a).split())
            assert not set(place.split()) & known, place
    elif k == "no_numbers":
        expect = "no_numbers"
        q = norm(spec["q"])
        vocab = " ".join(norm(r["name"] + " " + r["aliases"]) for r in t.prows)
        for w in UNTRACKED:
            if w in q:
                assert w not in vocab, w
    else:
        raise AssertionError(k)
    if spec.get("fw"):
        got = t.family_of(spec["fw"], vals[0]["market"])
        assert got == [p], (spec["fw"], got)
    return {"expect": expect, "values": vals, "forbid": forbid}


def same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return abs(float(a) - float(b)) < 0.001
    return a == b


def main() -> None:
    t = Table()
    labels = [json.loads(line) for line in open(LABELS, encoding="utf-8")]
    by_q = {r["q"]: r for r in labels}
    assert len(by_q) == len(labels) == len(SPECS), (len(by_q), len(labels), len(SPECS))
    bad = []
    for spec in SPECS:
        rec = by_q[spec["q"]]
        try:
            exp = expected(t, spec)
        except AssertionError as exc:
            bad.append((rec["id"], f"check could not compute: {exc}"))
            continue
        problems = []
        if rec["expect"] != exp["expect"]:
            problems.append(f"expect {rec['expect']} != {exp['expect']}")
        if rec["forbid"] != exp["forbid"]:
            problems.append(f"forbid {rec['forbid']} != {exp['forbid']}")
        if rec["prev"] != []:
            problems.append("prev not empty")
        if len(rec["values"]) != len(exp["values"]):
            problems.append(f"{len(rec['values'])} values != {len(exp['values'])}")
        for got, want in zip(rec["values"], exp["values"]):
            keys = set(got) | set(want)
            for key in sorted(keys):
                if not same(got.get(key), want.get(key)):
                    problems.append(f"{got.get('kind')}.{key}: label {got.get(key)!r} != check {want.get(key)!r}")
        if "blind18-longtail" not in rec["tags"]:
            problems.append("tag missing")
        if problems:
            bad.append((rec["id"], "; ".join(problems)))
    for b in bad:
        print("DISAGREE", *b)
    n_vals = sum(len(r["values"]) for r in labels)
    print(f"checked {len(labels)} questions, {n_vals} values: {len(labels) - len(bad)} agree, {len(bad)} disagree")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
