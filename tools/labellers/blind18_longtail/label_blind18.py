"""Label the blind18-longtail set: expected values computed with pandas from the raw SIPSA CSV, following
tests/questions/LABELS.md. Reuses tools/label_questions.py's Data class (CSV spellings -> canonical names),
fold() and MAIN; every rule of LABELS.md is applied here.

    /work/main/.venv/bin/python /work/blind/longtail18/label_blind18.py

Writes blind18-longtail.jsonl next to this file. check_blind18.py recomputes every value another way.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, "/work/main/tools")
sys.path.insert(0, str(HERE))
from label_questions import CSV, MAIN, Data, fold  # noqa: E402
from specs_blind18 import SPECS  # noqa: E402

TODAY = dt.date(2025, 11, 3)
OUT = HERE / "blind18-longtail.jsonl"
TAG = "blind18-longtail"
UNTRACKED = ["mamoncillo", "quinua", "corozo", "champiñon", "champinon", "araza", "acpm"]
STAT_TAG = {"stat": None, "change_days": "change", "change_periods": "change", "since": "change", "yoy": "yoy",
            "season": "season", "epoca": "season_position", "rank": "ranking", "movers": "movers",
            "count_markets": "count", "count_products": "count", "cheapest_market": "cheapest_market"}
GROUPS = {"Frutas": "Frutas", "Tubérculos": "Tubérculos", "Verduras": "Verduras", "Granos": "Granos"}


class Labeller:
    def __init__(self) -> None:
        self.d = Data(CSV)
        self.weeks = sorted(self.d.df["week"].unique())
        self.lat = self.d.latest
        raw = pd.read_csv(CSV, usecols=["semana_inicio", "grupo", "producto", "mercado", "precio_medio_cop_kg"])
        raw = raw[(raw["semana_inicio"] >= "2025-08-01") & (raw["precio_medio_cop_kg"] > 0)]
        raw["product"] = raw["producto"].map(self.product_of)
        raw["market"] = raw["mercado"].map(self.market_of)
        # (product, market, week) -> the row's `grupo` (the group a product belongs to in the week asked)
        self.rowgroup = {(r.product, r.market, r.semana_inicio): r.grupo for r in raw.itertuples()}
        self.prod_vocab = pd.read_csv("/work/main/data/vocab/products.csv")
        self.mk_vocab = pd.read_csv("/work/main/data/vocab/markets.csv")
        self.unit = dict(zip(self.prod_vocab["name"], self.prod_vocab["unit"]))
        self.notes: list[str] = []

    # ---------------------------------------------------------------- places and names
    def city_market(self, city: str, product: str | None, period: tuple[str, str] | None = None) -> str:
        if product is None:  # a city as a place for a family word: its main market
            main = dict(MAIN).get(city)
            if main:
                return main
            cands = sorted(mk for mk, cc in self.d.cities.items() if cc == city)
            assert len(cands) == 1, (city, cands)
            return cands[0]
        if period:
            got = self.d.city_market_in(city, product, *period)
        else:
            got = self.d.city_market(city, product)
        assert got, (city, product)
        main = dict(MAIN).get(city)
        if main and got == main and period is None:
            # LABELS: main market "lacks the product" -> other market; make sure main really prices it now
            last = self.d.latest_price(product, main)
            assert last and last[0] >= self.weeks[-8], ("main market priced long ago only", city, product, last)
        return got

    def place(self, spec: dict, product: str | None, period=None) -> str:
        at = spec.get("at")
        if at is None:
            got = self.d.default_market(product)
            assert got
            return got
        if at[0] == "m":
            return at[1]
        return self.city_market(at[1], product, period)

    def family(self, word: str, market: str) -> list[str]:
        """LABELS.md food-name rule: a whole product name priced in the market in the last 8 weeks is that product;
        else the kinds (first word) priced there in the newest week."""
        w = fold(word)
        df = self.d.df
        last8 = self.weeks[-8:]
        whole = [p for p in self.unit if fold(p) == w]
        for p in whole:
            s = df[(df["product"] == p) & (df["market"] == market) & (df["week"].isin(last8))]
            if not s.empty:
                return [p]
        rows = df[(df["market"] == market) & (df["week"] == self.lat)]
        kinds = sorted({p for p in rows["product"] if fold(p).split()[0] == w})
        return kinds

    def containing(self, words: str, market: str) -> list[str]:
        w = fold(words)
        rows = self.d.df[(self.d.df["market"] == market) & (self.d.df["week"] == self.lat)]
        return sorted({p for p in rows["product"] if f" {w} " in f" {fold(p)} "})

    # ---------------------------------------------------------------- series helpers
    def series(self, p: str, mk: str) -> pd.DataFrame:
        assert (p, mk) not in self.d.conflicted, ("conflicted pair", p, mk)
        s = self.d.series(p, mk)
        assert not s.empty, ("no series", p, mk)
        return s

    def window(self, s: pd.DataFrame, period) -> pd.DataFrame:
        if period is None:
            return s
        if period[0] == "last":
            weeks = self.weeks[-period[1]:]
            return s[s["week"].isin(weeks)]
        return s[(s["week"] >= period[0]) & (s["week"] <= period[1])]

    def week_holding(self, s: pd.DataFrame, day: str):
        hit = s[(s["week"] <= day) & (s["week_end"] >= day)]
        return None if hit.empty else (str(hit.iloc[0]["week"]), float(hit.iloc[0]["price"]))

    def week_or_earlier(self, s: pd.DataFrame, day: str):
        """the week holding the day; if unpriced, the closest earlier priced week at most 4 weeks back"""
        found = self.week_holding(s, day)
        if found:
            return found
        start = (dt.date.fromisoformat(day) - dt.timedelta(weeks=4, days=6)).isoformat()
        table_week = max(w for w in self.weeks if w <= day)
        back = [w for w in self.weeks if w < table_week][-4:]
        hit = s[s["week"].isin(back)]
        assert not hit.empty, ("no price within 4 weeks", day, start)
        self.notes.append(f"fallback week for {day}: {hit.iloc[-1]['week']}")
        return str(hit.iloc[-1]["week"]), float(hit.iloc[-1]["price"])

    @staticmethod
    def val(kind, v, market=None, date=None, **extra):
        out = {"kind": kind, "value": round(float(v), 4) if kind not in {"count", "month", "years", "position"}
               else int(v), "market": market, "date": date}
        out.update(extra)
        return out

    # ---------------------------------------------------------------- statistics
    def season_index(self, s: pd.DataFrame):
        t = s.copy()
        t["y"] = t["week"].str[:4].astype(int)
        t["m"] = t["week"].str[5:7].astype(int)
        monthly = t.groupby(["y", "m"])["price"].mean()
        years = [y for y in monthly.index.get_level_values(0).unique() if len(monthly.loc[y]) >= 6]
        ratios: dict[int, list[float]] = {}
        for y in years:
            mm = monthly.loc[y]
            base = mm.mean()
            for mo, v in mm.items():
                ratios.setdefault(int(mo), []).append(v / base)
        index = {mo: sum(r) / len(r) for mo, r in ratios.items() if len(r) >= 2}
        return index, len(years)

    def epoca(self, s: pd.DataFrame):
        wk, price = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
        y, mo = int(wk[:4]), wk[5:7]
        t = s[(s["week"].str[5:7] == mo) & (s["week"].str[:4].astype(int) < y)]
        means = t.groupby(t["week"].str[:4])["price"].mean()
        assert len(means) >= 2, "too few earlier years"
        lo, hi = means.min(), means.max()
        pos = -1 if price < lo else (1 if price > hi else 0)
        margin = min(abs(price - lo), abs(price - hi)) / price
        if margin < 0.03:
            self.notes.append(f"epoca near a bound: price {price:.0f} lo {lo:.0f} hi {hi:.0f}")
        return wk, price, pos, {k: round(v) for k, v in means.items()}

    def yoy(self, s: pd.DataFrame):
        new_w, new_p = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
        target = dt.date.fromisoformat(new_w) - dt.timedelta(days=364)
        hit = s[s["week"] == target.isoformat()]
        if hit.empty:
            cands = []
            for _, r in s.iterrows():
                gap = (dt.date.fromisoformat(r["week"]) - target).days
                if abs(gap) <= 14:
                    cands.append((abs(gap), 0 if gap < 0 else 1, r["week"], float(r["price"])))
            assert cands, "no week a year earlier"
            cands.sort()
            old_w, old_p = cands[0][2], cands[0][3]
            self.notes.append(f"yoy: nearest week {old_w}")
        else:
            old_w, old_p = target.isoformat(), float(hit.iloc[0]["price"])
        return (old_w, old_p), (new_w, new_p)

    def group_rows(self, market: str, group: str | None, week: str):
        """products of the group priced per kg in the market that week (group from the raw `grupo` column)"""
        d = self.d
        rows = d.df[(d.df["market"] == market) & (d.df["week"] == week)]
        rows = rows[rows["product"].map(lambda p: self.unit.get(p) == "kg")]
        if group:
            rows = rows[[self.rowgroup[(p, market, week)].startswith(group) for p in rows["product"]]]
        return rows

    def product_of(self, spelling: str):
        if not hasattr(self, "_pmap"):
            from label_questions import ROOT, clean, name_table
            self._pmap = name_table(ROOT / "data" / "vocab" / "products.csv")
            self._mmap = name_table(ROOT / "data" / "vocab" / "markets.csv")
            self._clean = clean
        return self._pmap.get(fold(self._clean(spelling)))

    def market_of(self, spelling: str):
        self.product_of("x")
        return self._mmap.get(fold(self._clean(spelling)))

    # ---------------------------------------------------------------- one question
    def label(self, spec: dict) -> dict:
        kind = spec["kind"]
        d = self.d
        values: list[dict] = []
        forbid: list[str] = []
        expect = "answer"
        family = "analytics" if kind in STAT_TAG else "lookup"
        tags = [TAG]
        if kind in {"now", "trade", "trade_forbid"}:
            tags.append("direct")
        if kind in STAT_TAG:
            tags.append(STAT_TAG[kind] or spec["stat"])

        p = spec.get("p")
        if kind in {"now", "trade", "trade_forbid"}:
            mk = self.place(spec, p)
            s = self.series(p, mk)
            wk, price = str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"])
            if wk != self.lat:
                self.notes.append(f"latest week {wk}")
            values.append(self.val("price", price, mk, wk))
            if kind == "trade":
                if spec["unit"] == "bulto":
                    assert any(p.startswith(x) for x in ["Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha",
                                                         "Arroz", "Fríjol", "Maíz", "Lenteja", "Garbanzo",
                                                         "Arveja seca", "Azúcar"]), p
                assert self.unit[p] == "kg"
                values.append(self.val("trade_price", price * spec["kg"], mk, wk, unit=spec["unit"]))
            if kind == "trade_forbid":
                forbid = ["trade_price"]
        elif kind == "week":
            mk = self.place(spec, p)
            s = self.series(p, mk)
            found = self.week_holding(s, spec["day"])
            assert found, ("no price the week holding", spec["day"])
            values.append(self.val("price", found[1], mk, found[0]))
        elif kind == "period":
            mk = self.place(spec, p, spec["period"])
            s = self.window(self.series(p, mk), spec["period"])
            assert not s.empty
            values.append(self.val("price", s["price"].mean(), mk, None))
            self.notes.append(f"{len(s)} weeks")
        elif kind == "stat":
            per = spec["period"]
            mk = self.place(spec, p, per if per and per[0] != "last" else None)
            s = self.window(self.series(p, mk), per)
            assert len(s) >= 2
            st = spec["stat"]
            if st in {"max", "min"}:
                v = s["price"].max() if st == "max" else s["price"].min()
                tied = sorted(s.loc[s["price"] == v, "week"])
                extra = {"dates": tied} if len(tied) > 1 else {}
                values.append(self.val(st, v, mk, tied[-1], **extra))
            elif st == "mean":
                values.append(self.val("mean", s["price"].mean(), mk, None))
            else:
                values.append(self.val("median", s["price"].median(), mk, None))
            self.notes.append(f"{len(s)} weeks")
        elif kind == "change_days":
            mk = self.place(spec, p)
            s = self.series(p, mk)
            a = self.week_or_earlier(s, spec["d1"])
            b = self.week_or_earlier(s, spec["d2"])
            values += [self.val("price", a[1], mk, a[0]), self.val("price", b[1], mk, b[0]),
                       self.val("change_pct", (b[1] / a[1] - 1) * 100, mk, None)]
        elif kind == "change_periods":
            mk = self.place(spec, p)
            s = self.series(p, mk)
            m1 = self.window(s, spec["p1"])["price"].mean()
            m2 = self.window(s, spec["p2"])["price"].mean()
            values.append(self.val("change_pct", (m2 / m1 - 1) * 100, mk, None))
            self.notes.append(f"means {m1:.1f} -> {m2:.1f}")
        elif kind == "since":
            mk = self.place(spec, p)
            s = self.series(p, mk)
            a = self.week_holding(s, spec["day"])
            assert a, ("no price the week holding", spec["day"])
            b = (str(s.iloc[-1]["week"]), float(s.iloc[-1]["price"]))
            values += [self.val("price", a[1], mk, a[0]), self.val("price", b[1], mk, b[0]),
                       self.val("change_pct", (b[1] / a[1] - 1) * 100, mk, None)]
        elif kind == "yoy":
            mk = self.place(spec, p)
            s = self.series(p, mk)
            (ow, op), (nw, np_) = self.yoy(s)
            values += [self.val("price", op, mk, ow), self.val("price", np_, mk, nw),
                       self.val("change_pct", (np_ / op - 1) * 100, mk, None)]
        elif kind == "season":
            mk = self.place(spec, p)
            idx, years = self.season_index(self.series(p, mk))
            order = sorted(idx.items(), key=lambda kv: kv[1], reverse=spec["which"] == "max")
            gap = abs(order[0][1] - order[1][1])
            if gap < 0.01:
                self.notes.append(f"season gap small {gap:.4f}")
            self.notes.append("season " + ", ".join(f"{k}:{v:.3f}" for k, v in order[:3]))
            values += [self.val("month", order[0][0], mk, None), self.val("years", years, mk, None)]
        elif kind == "epoca":
            mk = self.place(spec, p)
            wk, price, pos, means = self.epoca(self.series(p, mk))
            self.notes.append(f"epoca {price:.0f} vs {means}")
            values += [self.val("price", price, mk, wk), self.val("position", pos, mk, None)]
        elif kind == "rank":
            mk = self.place(spec, None)
            rows = self.group_rows(mk, spec["group"], self.lat)
            sign = 1 if spec["order"] == "asc" else -1  # ties broken by name
            rows = rows.assign(key=sign * rows["price"]).sort_values(["key", "product"])
            top = rows.head(spec["n"] + 1)
            self.notes.append("rank " + "; ".join(f"{r['product']}={r['price']:.0f}" for _, r in top.iterrows()))
            for _, r in rows.head(spec["n"]).iterrows():
                values.append(self.val("price", r["price"], mk, self.lat, product=r["product"]))
        elif kind == "movers":
            values.append(self.movers(spec))
        elif kind == "count_markets":
            rows = d.df[(d.df["product"] == p) & (d.df["week"] == self.lat)]
            values.append(self.val("count", rows["market"].nunique()))
        elif kind == "count_products":
            mk = spec["at"][1]
            rows = d.df[(d.df["market"] == mk) & (d.df["week"] == self.lat)]
            values.append(self.val("count", rows["product"].nunique(), mk))
        elif kind == "cheapest_market":
            week = d.product_week[p]
            rows = d.across(p, week)
            if spec["city"]:
                rows = rows[rows["market"].map(lambda mm: d.cities.get(mm) == spec["city"])]
            rows = rows.sort_values("price", ascending=spec["order"] == "asc")
            assert len(rows) >= 2 and rows.iloc[0]["price"] != rows.iloc[1]["price"]
            self.notes.append("markets " + "; ".join(f"{r['market']}={r['price']:.0f}"
                                                     for _, r in rows.head(3).iterrows()))
            values.append(self.val("price", rows.iloc[0]["price"], rows.iloc[0]["market"], week))
        elif kind == "clarify":
            expect = "clarify"
            family = spec.get("family", "lookup")
            tags = [TAG] + ([spec["stat"]] if spec.get("stat") else ["direct"])
            why = spec["why"]
            if why in {"family", "words"}:
                mk = spec["at"][1] if spec["at"][0] == "m" else self.city_market(spec["at"][1], None)
                kinds = self.family(spec["word"], mk) if why == "family" else self.containing(spec["word"], mk)
                assert len(kinds) >= 2, (spec["q"], kinds)
                self.notes.append(f"options in {mk}: {kinds}")
            elif why == "launion":
                assert len(self.mk_vocab[self.mk_vocab["city"] == "La Unión"]) == 2
            else:
                pl = fold(spec["place"])
                names = set()
                for col in ["name", "city", "department", "aliases"]:
                    for v in self.mk_vocab[col].dropna():
                        names.update(fold(x) for x in str(v).split("|"))
                assert not any(pl == n or f" {pl} " in f" {n} " for n in names), spec["place"]
                self.notes.append(f"unknown place {spec['place']}")
        elif kind == "no_numbers":
            expect = "no_numbers"
            qf = fold(spec["q"])
            for w in UNTRACKED:
                if w in qf:
                    vocab = " ".join(fold(x) for x in self.prod_vocab["name"].tolist()
                                     + self.prod_vocab["aliases"].fillna("").tolist())
                    assert w not in vocab, w
        else:
            raise ValueError(kind)

        if spec.get("fw"):
            mk = values[0]["market"]
            got = self.family(spec["fw"], mk)
            assert got == [p], (spec["fw"], mk, got)
        return {"q": spec["q"], "prev": [], "family": family, "expect": expect, "values": values,
                "forbid": forbid, "tags": tags}

    def movers(self, spec: dict) -> dict:
        d = self.d
        mk = spec["at"][1] if spec.get("at") else None
        if spec.get("p1"):
            a = d.df[(d.df["week"] >= spec["p1"][0]) & (d.df["week"] <= spec["p1"][1])]
            b = d.df[(d.df["week"] >= spec["p2"][0]) & (d.df["week"] <= spec["p2"][1])]
            date = None
        else:
            a = d.df[d.df["week"] == d.previous]
            b = d.df[d.df["week"] == d.latest]
            date = d.latest
        if mk:
            a, b = a[a["market"] == mk], b[b["market"] == mk]
        if spec.get("group"):  # the rows' own `grupo` in the periods compared
            def ing(t):
                return t[[self.rowgroup[(r.product, r.market, r.week)].startswith(spec["group"])
                          for r in t.itertuples()]]
            a, b = ing(a), ing(b)
        pa = a.groupby(["product", "market"])["price"].mean().rename("old")
        pb = b.groupby(["product", "market"])["price"].mean().rename("new")
        both = pd.concat([pa, pb], axis=1).dropna().reset_index()
        per = both.groupby("product")[["old", "new"]].mean()
        per["chg"] = (per["new"] / per["old"] - 1) * 100
        per = per.sort_values("chg", ascending=not spec["up"])
        self.notes.append("movers " + "; ".join(f"{i}={r['chg']:.2f}% ({self.unit.get(i)})"
                                                for i, r in per.head(3).iterrows()))
        top = per.index[0]
        return self.val("change_pct", per.iloc[0]["chg"], mk, date, product=top)


def main() -> None:
    lab = Labeller()
    order = list(range(len(SPECS)))
    random.Random(18).shuffle(order)
    records = []
    errors = 0
    for n, i in enumerate(order, 1):
        spec = SPECS[i]
        lab.notes = []
        try:
            rec = {"id": f"b18t-{n:03d}", **lab.label(spec)}
        except AssertionError as exc:
            print("ERROR", spec["q"], "|", exc)
            errors += 1
            continue
        records.append(rec)
        print(rec["id"], rec["expect"], spec["kind"], "|", spec["q"][:70], "|",
              json.dumps(rec["values"], ensure_ascii=False), "|", "; ".join(lab.notes))
    if errors:
        sys.exit(f"{errors} errors: nothing written")
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(len(records), "records ->", OUT)


if __name__ == "__main__":
    main()
