"""Independent check of blind19-longtail.jsonl.

    /work/main/.venv/bin/python /work/blind/longtail19/check19.py

A second code path: no pandas, no import of label19.py or tools/label_questions.py. It reads the gzipped raw CSV
with the csv module, maps spellings to canonical names with its own folding, and re-reads every question from a
table written separately below (id -> what the question asks), then recomputes every expected value and compares
it with the file (prices ±0.5, change_pct ±0.15, counts/months/positions exact, weeks/markets/products exact).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import re
import statistics
import sys
import unicodedata
from collections import defaultdict

RAW = "/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz"
PRODUCTS = "/work/main/data/vocab/products.csv"
MARKETS = "/work/main/data/vocab/markets.csv"
FILE = "/work/blind/longtail19/blind19-longtail.jsonl"
TODAY = dt.date(2025, 11, 3)


def fold2(s: str) -> str:
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    while s.endswith("*") or s.endswith(" "):
        s = s[:-1]
    out = []
    for ch in s.lower():
        if ch == "ñ":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in base if unicodedata.category(c) != "Mn")
        out.append(base)
    s = "".join(out)
    s = "".join(c if c.isalnum() else " " for c in s)
    return " ".join(s.split())


def load_names(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    table = {}
    for r in rows:
        table[fold2(r["name"])] = r["name"]
    for r in rows:
        for a in r["aliases"].split("|"):
            if a and fold2(a) not in table:
                table[fold2(a)] = r["name"]
    return rows, table


prow, ptable = load_names(PRODUCTS)
mrow, mtable = load_names(MARKETS)
UNIT = {r["name"]: r["unit"] for r in prow}
GROUP_VOCAB = {r["name"]: r["group"] for r in prow}
CITY_OF = {r["name"]: r["city"] for r in mrow if r["kind"] == "market"}

# ---- raw table ----
rows_by_key = defaultdict(list)
week_end = {}
csv_group = defaultdict(set)
with gzip.open(RAW, "rt", encoding="utf-8") as fh:
    for r in csv.DictReader(fh):
        try:
            price = float(r["precio_medio_cop_kg"])
        except ValueError:
            continue
        if not price > 0:
            continue
        p = ptable.get(fold2(r["producto"]))
        m = mtable.get(fold2(r["mercado"]))
        if p is None or m is None:
            continue
        w = r["semana_inicio"]
        week_end[w] = r["semana_fin"]
        rows_by_key[(p, m, w)].append(price)
        csv_group[(p, w)].add(r["grupo"])
S = defaultdict(dict)  # (p, m) -> {week: price}
for (p, m, w), prices in rows_by_key.items():
    if len(prices) == 1:
        S[(p, m)][w] = prices[0]
CONFLICT = {(p, m) for (p, m, w), prices in rows_by_key.items() if len(prices) > 1}
WEEKS = sorted(week_end)
NEWEST = WEEKS[-1]
PREV = WEEKS[-2]
BY_WEEK = defaultdict(dict)  # week -> {(p, m): price}
for (p, m), ser in S.items():
    for w, v in ser.items():
        BY_WEEK[w][(p, m)] = v

MAIN_BY_CITY = {
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
MAIN_ORDER = ["Bogotá", "Medellín", "Cali", "Barranquilla", "Bucaramanga", "Cúcuta", "Pereira", "Armenia",
              "Manizales", "Ibagué", "Neiva", "Pasto", "Villavicencio", "Tunja", "Valledupar", "Montería",
              "Cartagena", "Sincelejo", "Popayán", "Ipiales"]


def market_of(place: str, product: str) -> str:
    kind, name = place.split(":", 1)
    if kind == "m":
        return name
    if kind == "c":
        main = MAIN_BY_CITY.get(name)
        if main and NEWEST in S.get((product, main), {}):
            return main
        assert main is None, (name, product)
        cands = [(max(S[(product, m)]), m) for m, c in CITY_OF.items() if c == name and S.get((product, m))]
        return max(cands)[1]
    newest = max(w for (p, m), ser in S.items() if p == product for w in ser)
    for city in MAIN_ORDER:
        if newest in S.get((product, MAIN_BY_CITY[city]), {}):
            return MAIN_BY_CITY[city]
    raise AssertionError(product)


def week_of_day(day: str) -> str:
    hits = [w for w in WEEKS if w <= day <= week_end[w]]
    assert len(hits) == 1, day
    return hits[0]


def back(day: dt.date, days=0, months=0) -> str:
    if months:
        y, mth = day.year, day.month - months
        while mth <= 0:
            mth += 12
            y -= 1
        return dt.date(y, mth, day.day).isoformat()
    return (day - dt.timedelta(days=days)).isoformat()


def ser(p, m):
    assert (p, m) not in CONFLICT, (p, m)
    s = S[(p, m)]
    assert s, (p, m)
    return s


def in_period(s, a, b):
    return [s[w] for w in sorted(s) if a <= w <= b]


def mon(y, m):
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return f"{y}-{m:02d}-01", f"{y}-{m:02d}-{last}"


def qtr(y, q):
    a = mon(y, 3 * q - 2)[0]
    b = mon(y, 3 * q)[1]
    return a, b


def yr(y):
    return f"{y}-01-01", f"{y}-12-31"


def lastn(n):
    return WEEKS[-n], WEEKS[-1]


def at_or_before(s, w):
    i = WEEKS.index(w)
    for j in range(i, max(-1, i - 5), -1):
        if WEEKS[j] in s:
            return WEEKS[j], s[WEEKS[j]]
    raise AssertionError(w)


BULTO_OK = ("Papa", "Cebolla cabezona", "Zanahoria", "Yuca", "Arracacha", "Arroz", "Fríjol", "Maíz", "Lenteja",
            "Garbanzo", "Arveja seca", "Azúcar")

# ---------------------------------------------------------------------------------------------------------------
# What each question asks (re-read from the text). place: m:<market> | c:<city> | n:
# ---------------------------------------------------------------------------------------------------------------
CO, MA, MI, CV, SE, BQ, CB, CC = ("m:Bogotá, D.C., Corabastos", "m:Medellín, Central Mayorista de Antioquia",
                                  'm:Medellín, Plaza Minorista "José María Villa"', "m:Cali, Cavasa",
                                  "m:Cali, Santa Elena", "m:Barranquilla, Barranquillita",
                                  "m:Bucaramanga, Centroabastos", "m:Cúcuta, Cenabastos")
IB, NE, PA, VI, CT, MS = ("m:Ibagué, Plaza La 21", "m:Neiva, Surabastos", "m:Pasto, El Potrerillo",
                          "m:Villavicencio, CAV", "m:Cartagena, Bazurto", "m:Pereira, Mercasa")
ASK = {
    1: ("now", "Zanahoria", CO), 2: ("now", "Habichuela", MA), 3: ("now", "Tomate de árbol", IB),
    4: ("now", "Aguacate Hass", "c:Medellín"), 5: ("now", "Plátano hartón verde", CT),
    6: ("now", "Guayaba pera", CB), 7: ("now", "Mora de Castilla", CO), 8: ("now", "Lulo", "c:Pasto"),
    9: ("now", "Pimentón", "c:Barranquilla"), 10: ("now", "Queso costeño", BQ),
    11: ("now", "Ñame espino", "m:Montería, Mercado del Sur"), 12: ("now", "Cebolla junca", "c:Bucaramanga"),
    13: ("now", "Yuca llanera", VI), 14: ("now", "Fríjol cargamanto rojo", MA), 15: ("now", "Huevo rojo AA", CC),
    16: ("now", "Maracuyá huilense", NE), 17: ("now", "Pechuga de pollo", SE), 18: ("now", "Cilantro", MI),
    19: ("now", "Arveja verde en vaina", MS), 20: ("now", "Uchuva con cáscara", CB),
    21: ("now", "Brócoli", "c:Manizales"), 22: ("now", "Feijoa", "c:Tunja"), 23: ("now", "Granadilla", CV),
    24: ("now", "Gulupa", NE), 25: ("now", "Papaya tainung", "c:Sincelejo"),
    26: ("now", "Mojarra lora entera fresca", CT), 27: ("now", "Tilapia roja entera fresca", "c:Villavicencio"),
    28: ("now", "Trucha entera fresca", PA), 29: ("now", "Carne de res, lomo fino", "m:Bogotá, D.C., Paloquemao"),
    30: ("now", "Carne de res, sobrebarriga", MA), 31: ("now", "Carne de cerdo, costilla", "c:Popayán"),
    32: ("now", "Chócolo mazorca", "m:Armenia, Mercar"), 33: ("now", "Banano criollo", "c:Santa Marta"),
    34: ("now", "Limón Tahití", "m:Tuluá (Valle del Cauca)"), 35: ("now", "Piña perolera", "m:Valledupar, Mercabastos"),
    36: ("now", "Ulluco", "c:Ipiales"), 37: ("now", "Pitahaya", "c:Pereira"),
    38: ("now", "Aguacate papelillo", "m:Pereira, La 41-Impala"), 39: ("now", "Repollo morado", CC),
    40: ("now", "Cebollín chino", BQ), 41: ("now", "Berenjena", "c:Montería"), 42: ("now", "Ahuyama", CO),
    43: ("now", "Kiwi", "n:"), 44: ("now", "Borojó", "n:"), 45: ("now", "Ñame diamante", "n:"),
    46: ("now", "Mango de azúcar", "c:Barranquilla"), 47: ("now", "Yuca ICA", "m:Popayán, Plaza de mercado del barrio Bolívar"),
    48: ("now", "Queso doble crema", "c:Villavicencio"),
    49: ("unit", "Papa parda pastusa", CO, "bulto"), 50: ("unit", "Tomate chonto", IB, "arroba"),
    51: ("unit", "Perejil", CC, "libra"), 52: ("unit", "Cebolla cabezona blanca", MA, "bulto"),
    53: ("unit", "Yuca criolla", "c:Sincelejo", "bulto"), 54: ("unit", "Naranja Valencia", "c:Manizales", "bulto"),
    55: ("unit", "Huevo rojo AA", CO, "arroba"), 56: ("unit", "Fresa", "c:Pereira", 5),
    57: ("unit", "Arroz de primera", "c:Villavicencio", "bulto"), 58: ("unit", "Papa criolla limpia", "c:Pereira", "arroba"),
    59: ("unit", "Aguacate Hass", "c:Tunja", "bulto"), 60: ("unit", "Aceite girasol", BQ, "kilo"),
    61: ("unit", "Maíz amarillo trillado", "c:Montería", "bulto"),
    62: ("day", "Curuba", CO, back(TODAY, days=7)), 63: ("day", "Lulo", CV, back(TODAY, days=15)),
    64: ("day", "Guanábana", CV, back(TODAY, months=1)), 65: ("day", "Tomate de árbol", MS, "2025-08-15"),
    66: ("per", "Papa criolla limpia", MA, mon(2025, 3)), 67: ("per", "Mango Tommy", CO, mon(2024, 12)),
    68: ("per", "Arracacha amarilla", CO, yr(2018)), 69: ("per", "Habichuela", CC, qtr(2024, 1)),
    70: ("per", "Maracuyá", CV, yr(2024)), 71: ("day", "Patilla", CT, back(TODAY, months=3)),
    72: ("day", "Cebolla junca", "c:Armenia", back(TODAY, days=14)),
    73: ("day", "Pollo entero congelado sin vísceras", SE, "2025-09-20"),
    74: ("per", "Remolacha", "c:Tunja", mon(2023, 7)), 75: ("day", "Plátano guineo", "c:Neiva", back(TODAY, months=2)),
    76: ("day", "Lechuga Batavia", "c:Ibagué", "2025-10-03"), 77: ("per", "Fríjol nima calima", CO, mon(2024, 6)),
    78: ("day", "Carne de cerdo, pernil sin hueso", MA, "2023-12-24"),
    79: ("day", "Mandarina Arrayana", CO, back(TODAY, days=28)),
    80: ("max", "Papa criolla limpia", CO, None), 81: ("min", "Zanahoria", CO, yr(2025)),
    82: ("mean", "Tomate chonto", IB, mon(2025, 9)), 83: ("median", "Limón Tahití", BQ, yr(2025)),
    84: ("chg", "Cebolla junca", MA, "2025-08-01", "2025-10-10"),
    85: ("chg", "Aguacate Hass", CO, "2025-01-15", None), 86: ("yoy", "Limón Tahití", CV),
    87: ("seasonlow", "Tomate de árbol", CO), 88: ("seasonhigh", "Papa criolla limpia", "c:Medellín"),
    89: ("pos", "Guayaba pera", CB), 90: ("rank", NE, "Frutas frescas", "desc", 1),
    91: ("rank", CO, "Verduras y hortalizas", "asc", 1), 92: ("rank", MA, "Tubérculos, raíces y plátanos", "desc", 3),
    93: ("move", CV, None, "up", None), 94: ("move", None, "Verduras y hortalizas", "down", None),
    95: ("nmk", "Gulupa"), 96: ("nprod", "m:Armenia, Mercar"), 97: ("max", "Cilantro", CO, "last8"),
    98: ("min", "Papa parda pastusa", CO, yr(2024)), 99: ("mean", "Panela redonda morena", MA, yr(2024)),
    100: ("pchg", "Arroz de primera", "c:Villavicencio", yr(2023), yr(2024)),
    101: ("pchg", "Habichuela", "c:Cali", qtr(2025, 2), qtr(2025, 3)),
    102: ("median", "Fresa", CB, "last12"),
    103: ("move", MA, "Frutas frescas", "down", (mon(2025, 9), mon(2025, 10))),
    104: ("max", "Pimentón", CC, yr(2023)), 105: ("min", "Cebolla cabezona roja", CT, None),
    106: ("yoy", "Huevo rojo AA", IB), 107: ("seasonlow", "Naranja Valencia", "c:Pereira"),
    108: ("pos", "Lulo", "c:Cali"), 109: ("rank", MI, None, "asc", 1), 110: ("rank", CT, "Carnes", "desc", 1),
    111: ("move", PA, None, "down", None), 112: ("nmk", "Uchuva con cáscara"),
    113: ("chg", "Pepino cohombro", CC, back(TODAY, months=1), back(TODAY, days=7)),
    114: ("mean", "Piña gold", NE, ("2025-01-01", "2025-06-30")), 115: ("max", "Lechuga Batavia", IB, yr(2025)),
    116: ("seasonhigh", "Mora de Castilla", CO), 117: ("chg", "Maíz blanco trillado", MA, "2025-03-01", None),
    118: ("yoy", "Carne de res, bola de pierna", CC), 119: ("nprod", PA),
    120: ("min", "Aguacate papelillo", "c:Sincelejo", "last4"), 121: ("pos", "Zanahoria", "c:Villavicencio"),
    122: ("rank", CO, "Pescados", "desc", 1), 123: ("move", None, "Frutas frescas", "up", None),
    # clarify: (family words, place) or unknown place
    124: ("fam", "papa", CO), 125: ("fam", "limon", CV), 126: ("fam", "naranja", BQ), 127: ("fam", "queso", "c:Medellín"),
    128: ("fam", "bocachico", "m:Montería, Mercado del Sur"), 129: ("fam", "zanahoria", CV),
    130: ("fam", "cebolla cabezona", CO), 131: ("fam", "uva", CO), 132: ("unknown_place", "chia"),
    133: ("two_towns", "la union"), 134: ("fam", "mandarina", CV), 135: ("fam", "guayaba", "c:Pereira"),
    136: ("fam", "pepino", IB), 137: ("fam", "banano", "m:Tunja, Complejo de Servicios del Sur"),
    # no numbers: (reason, detail)
    138: ("smalltalk",), 139: ("untracked", "chontaduro"), 140: ("retail",), 141: ("retail",), 142: ("year", 2012),
    143: ("year", 2026), 144: ("retail",), 145: ("untracked", "mamoncillo"), 146: ("smalltalk",), 147: ("smalltalk",),
    148: ("smalltalk",), 149: ("untracked", "cuy"), 150: ("year", 2015),
}


def P(v, m=None, d=None, **kw):
    out = {"kind": "price", "value": v, "market": m, "date": d}
    out.update(kw)
    return out


def V(kind, v, m=None, d=None, **kw):
    out = {"kind": kind, "value": v, "market": m, "date": d}
    out.update(kw)
    return out


def period_of(spec, s):
    if spec is None:
        return [s[w] for w in sorted(s)], sorted(s)
    if isinstance(spec, str) and spec.startswith("last"):
        a, b = lastn(int(spec[4:]))
    else:
        a, b = spec
    ws = [w for w in sorted(s) if a <= w <= b]
    return [s[w] for w in ws], ws


def season(s):
    monthly = defaultdict(list)
    for w, v in s.items():
        monthly[(int(w[:4]), int(w[5:7]))].append(v)
    mm = {k: sum(v) / len(v) for k, v in monthly.items()}
    years = defaultdict(dict)
    for (y, m), v in mm.items():
        years[y][m] = v
    good = {y: d for y, d in years.items() if len(d) >= 6}
    ratios = defaultdict(list)
    for y, d in good.items():
        base = sum(d.values()) / len(d)
        for m, v in d.items():
            ratios[m].append(v / base)
    idx = {m: sum(r) / len(r) for m, r in ratios.items() if len(r) >= 2}
    return idx, len(good)


def group_of(p, w=None):
    """The CSV's own grupo for the product in the week asked (the newest week by default)."""
    g = csv_group[(p, w or NEWEST)]
    assert len(g) == 1, (p, w, g)
    return next(iter(g))


def expected(i):
    a = ASK[i]
    k = a[0]
    if k in {"now", "unit"}:
        p = a[1]
        m = market_of(a[2], p)
        s = ser(p, m)
        w = max(s)
        out = [P(s[w], m, w)]
        forbid = []
        if k == "unit":
            u = a[3]
            if UNIT[p] != "kg":
                forbid = ["trade_price"]
            elif u == "bulto":
                if p.startswith(BULTO_OK):
                    out.append(V("trade_price", s[w] * 50, m, w, unit="bulto"))
                else:
                    forbid = ["trade_price"]
            elif isinstance(u, int):
                out.append(V("trade_price", s[w] * u, m, w, unit="kilos"))
            elif u in ("libra", "arroba"):
                out.append(V("trade_price", s[w] * {"libra": 0.5, "arroba": 12.5}[u], m, w, unit=u))
        return out, forbid
    if k == "day":
        p = a[1]
        m = market_of(a[2], p)
        s = ser(p, m)
        w = week_of_day(a[3])
        return [P(s[w], m, w)], []
    if k == "per":
        p = a[1]
        m = market_of(a[2], p)
        vals, _ = period_of(a[3], ser(p, m))
        return [P(sum(vals) / len(vals), m, None)], []
    if k in {"max", "min"}:
        p = a[1]
        m = market_of(a[2], p)
        vals, ws = period_of(a[3], ser(p, m))
        best = max(vals) if k == "max" else min(vals)
        tied = [w for w, v in zip(ws, vals) if v == best]
        out = V(k, best, m, tied[-1])
        if len(tied) > 1:
            out["dates"] = tied
        return [out], []
    if k in {"mean", "median"}:
        p = a[1]
        m = market_of(a[2], p)
        vals, _ = period_of(a[3], ser(p, m))
        return [V(k, statistics.fmean(vals) if k == "mean" else statistics.median(vals), m)], []
    if k == "chg":
        p = a[1]
        m = market_of(a[2], p)
        s = ser(p, m)
        w1, x = at_or_before(s, week_of_day(a[3]))
        if a[4] is None:
            w2 = max(s)
            y = s[w2]
        else:
            w2, y = at_or_before(s, week_of_day(a[4]))
        return [P(x, m, w1), P(y, m, w2), V("change_pct", (y / x - 1) * 100, m)], []
    if k == "pchg":
        p = a[1]
        m = market_of(a[2], p)
        s = ser(p, m)
        x = statistics.fmean(period_of(a[3], s)[0])
        y = statistics.fmean(period_of(a[4], s)[0])
        return [V("change_pct", (y / x - 1) * 100, m), P(x, m), P(y, m)], []
    if k == "yoy":
        p = a[1]
        m = market_of(a[2], p)
        s = ser(p, m)
        w2 = max(s)
        target = dt.date.fromisoformat(w2) - dt.timedelta(days=364)
        best = None
        for w in sorted(s):
            gap = (dt.date.fromisoformat(w) - target).days
            if abs(gap) <= 14:
                key = (abs(gap), gap)
                if best is None or key < best[0]:
                    best = (key, w)
        w1 = best[1]
        return [P(s[w1], m, w1), P(s[w2], m, w2), V("change_pct", (s[w2] / s[w1] - 1) * 100, m)], []
    if k in {"seasonlow", "seasonhigh"}:
        p = a[1]
        m = market_of(a[2], p)
        idx, n = season(ser(p, m))
        pick = (min if k == "seasonlow" else max)(idx, key=idx.get)
        return [V("month", pick, m), V("years", n, m)], []
    if k == "pos":
        p = a[1]
        m = market_of(a[2], p)
        s = ser(p, m)
        w = max(s)
        per_year = defaultdict(list)
        for ww, v in s.items():
            if ww[5:7] == w[5:7] and ww[:4] < w[:4]:
                per_year[ww[:4]].append(v)
        means = [sum(v) / len(v) for v in per_year.values()]
        pos = -1 if s[w] < min(means) else 1 if s[w] > max(means) else 0
        return [P(s[w], m, w), V("position", pos, m)], []
    if k == "rank":
        m = a[1][2:]
        items = [(p, v) for (p, mk), v in BY_WEEK[NEWEST].items() if mk == m and UNIT[p] == "kg"
                 and (a[2] is None or group_of(p) == a[2])]
        items.sort(key=lambda t: ((t[1] if a[3] == "asc" else -t[1]), t[0]))
        return [P(v, m, NEWEST, product=p) for p, v in items[: a[4]]], []
    if k == "move":
        mk, grp, direction, per = a[1], a[2], a[3], a[4]
        mk = mk[2:] if mk else None

        def collect(weeks):
            acc = defaultdict(list)
            for w in weeks:
                for (p, m), v in BY_WEEK[w].items():
                    if grp and group_of(p, w) != grp:
                        continue
                    if mk and m != mk:
                        continue
                    acc[(p, m)].append(v)
            return {key: sum(v) / len(v) for key, v in acc.items()}

        if per:
            w_a = [w for w in WEEKS if per[0][0] <= w <= per[0][1]]
            w_b = [w for w in WEEKS if per[1][0] <= w <= per[1][1]]
        else:
            w_a, w_b = [PREV], [NEWEST]
        A_, B_ = collect(w_a), collect(w_b)
        prods = defaultdict(list)
        for key in set(A_) & set(B_):
            prods[key[0]].append((A_[key], B_[key]))
        chg = {}
        for p, pairs in prods.items():
            old = sum(x for x, _ in pairs) / len(pairs)
            new = sum(y for _, y in pairs) / len(pairs)
            chg[p] = (new / old - 1) * 100
        sign = -1 if direction == "up" else 1
        top = sorted(chg, key=lambda p: (sign * chg[p], p))[0]
        return [V("change_pct", chg[top], mk, None, product=top)], []
    if k == "nmk":
        return [V("count", len({m for (p, m) in BY_WEEK[NEWEST] if p == a[1]}))], []
    if k == "nprod":
        m = a[1][2:]
        return [V("count", len({p for (p, mm) in BY_WEEK[NEWEST] if mm == m}), m)], []
    raise AssertionError(k)


def check_clarify(i):
    a = ASK[i]
    if a[0] == "fam":
        word, place = a[1], a[2]
        kind, name = place.split(":", 1)
        m = MAIN_BY_CITY[name] if kind == "c" else name
        n = len(word.split())
        last8 = set(WEEKS[-8:])
        for p in UNIT:
            if fold2(p) == word:
                assert not (set(S.get((p, m), {})) & last8), (i, p)
        kinds = [p for p in UNIT if fold2(p).split()[:n] == word.split() and (p, m) in BY_WEEK[NEWEST]]
        assert len(kinds) >= 2, (i, kinds)
        return
    if a[0] == "unknown_place":
        for r in mrow:
            words = set((fold2(r["name"]) + " " + fold2(r["city"]) + " " + fold2(r["department"]) + " "
                         + fold2(r["aliases"])).split())
            assert a[1] not in words, (i, r["name"])
        return
    if a[0] == "two_towns":
        deps = {r["department"] for r in mrow if fold2(r["city"]) == a[1]}
        assert len(deps) >= 2, deps
        return
    raise AssertionError(a)


def check_no_numbers(i):
    a = ASK[i]
    if a[0] == "untracked":
        for p in UNIT:
            assert a[1] not in fold2(p).split(), (i, p)
    elif a[0] == "year":
        assert a[1] < int(WEEKS[0][:4]) + 1 or a[1] > int(NEWEST[:4]), a


def same(exp, got):
    if exp["kind"] != got["kind"]:
        return f"kind {exp['kind']} != {got['kind']}"
    tol = {"price": 0.5, "mean": 0.5, "median": 0.5, "max": 0.5, "min": 0.5, "trade_price": 0.5,
           "change_pct": 0.15}.get(exp["kind"], 0)
    if abs(float(exp["value"]) - float(got["value"])) > tol:
        return f"value {exp['value']} != {got['value']}"
    for key in ("market", "date", "product", "unit"):
        if exp.get(key) != got.get(key):
            return f"{key} {exp.get(key)!r} != {got.get(key)!r}"
    if exp.get("dates") != got.get("dates"):
        return f"dates {exp.get('dates')} != {got.get('dates')}"
    return None


def main() -> int:
    recs = [json.loads(line) for line in open(FILE, encoding="utf-8")]
    assert len(recs) == len(ASK), (len(recs), len(ASK))
    bad = 0
    nvals = 0
    for n, r in enumerate(recs, 1):
        assert r["id"] == f"b19t-{n:03d}"
        assert set(r) == {"id", "q", "prev", "family", "expect", "values", "forbid", "tags"}, r["id"]
        assert r["prev"] == [] and r["tags"][0] == "blind19-longtail"
        a = ASK[n]
        if r["expect"] == "clarify":
            assert a[0] in {"fam", "unknown_place", "two_towns"}, r["id"]
            check_clarify(n)
            assert not r["values"]
            continue
        if r["expect"] == "no_numbers":
            assert a[0] in {"smalltalk", "untracked", "retail", "year"}, r["id"]
            check_no_numbers(n)
            assert not r["values"]
            continue
        exp, forbid = expected(n)
        problems = []
        if len(exp) != len(r["values"]):
            problems.append(f"{len(exp)} values expected, file has {len(r['values'])}")
        for e, g in zip(exp, r["values"]):
            msg = same(e, g)
            if msg:
                problems.append(msg)
        if forbid != r["forbid"]:
            problems.append(f"forbid {forbid} != {r['forbid']}")
        nvals += len(exp)
        if problems:
            bad += 1
            print("MISMATCH", r["id"], r["q"], problems)
    print(f"checked {len(recs)} questions, {nvals} values; mismatching questions: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
