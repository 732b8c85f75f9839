"""Independent re-computation of the labels (different code path: raw CSV + own name folding + plain loops)."""
import csv, json, sys, unicodedata, datetime as dt, statistics
from collections import defaultdict
import pandas as pd
sys.path.insert(0, '.')
import label_analytics11 as la

def fold(t):
    t = str(t).lower().replace("ñ", "\0")
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c)).replace("\0", "ñ")
    return " ".join("".join(c if c.isalnum() else " " for c in t).split())

def table(path):
    out = {}
    for row in csv.DictReader(open(path, encoding="utf-8")):
        out[fold(row["name"])] = row["name"]
        for a in filter(None, row["aliases"].split("|")):
            out.setdefault(fold(" ".join(a.replace("\xa0", " ").split()).rstrip("* ").strip()), row["name"])
    return out
P = table("/work/main/data/vocab/products.csv"); MK = table("/work/main/data/vocab/markets.csv")
units = {r["name"]: r["unit"] for r in csv.DictReader(open("/work/main/data/vocab/products.csv", encoding="utf-8"))}
raw = pd.read_csv("/work/shared/sipsa/series/semanal_precios_2017-2025.csv.gz", dtype={"producto": str, "mercado": str})
raw = raw[raw.precio_medio_cop_kg > 0].copy()
raw["p"] = raw.producto.map(lambda s: P.get(fold(" ".join(str(s).replace("\xa0"," ").split()).rstrip("* ").strip())))
raw["m"] = raw.mercado.map(lambda s: MK.get(fold(" ".join(str(s).replace("\xa0"," ").split()).rstrip("* ").strip())))
dup = raw.duplicated(["p", "m", "semana_inicio"], keep=False)
raw = raw[~dup]
ser = defaultdict(dict)
for p, m, w, v in zip(raw.p, raw.m, raw.semana_inicio, raw.precio_medio_cop_kg):
    ser[(p, m)][w] = v
weeks = sorted(set(raw.semana_inicio)); wend = dict(zip(raw.semana_inicio, raw.semana_fin))
latest = weeks[-1]; prev = weeks[-2]

def holding(day): return [w for w in weeks if w <= day <= wend[w]][-1]
def win(p, m, a, b): return {w: v for w, v in ser[(p, m)].items() if a <= w <= b}
recs = [json.loads(l) for l in open("analytics11.jsonl", encoding="utf-8")]
bad = 0
def close(a, b, tol=0.01): return abs(a - b) <= tol
for item, rec in zip(la.QS, recs):
    if rec["expect"] != "answer": continue
    vals = rec["values"]; st = item["stat"]; m = vals[0]["market"]; p = item.get("p")
    got = None
    try:
        if st in ("max", "min", "mean", "median"):
            per = item["per"]
            if isinstance(per, str): per = (weeks[-int(per[4:])], latest)
            w = win(p, m, *per); xs = list(w.values())
            if st == "max": mx = max(xs); got = [(mx, max(k for k in w if w[k] == mx))]
            elif st == "min": mn = min(xs); got = [(mn, max(k for k in w if w[k] == mn))]
            elif st == "mean": got = [(sum(xs) / len(xs), None)]
            else: got = [(statistics.median(xs), None)]
            exp = [(vals[0]["value"], vals[0]["date"])]
        elif st == "change_weeks":
            out = []
            for d in item["days"]:
                h = holding(d); lo = (dt.date.fromisoformat(h) - dt.timedelta(days=28)).isoformat()
                c = sorted(w for w in ser[(p, m)] if lo <= w <= h)[-1]; out.append((ser[(p, m)][c], c))
            got = out + [((out[1][0] / out[0][0] - 1) * 100, None)]
            exp = [(v["value"], v["date"]) for v in vals]
        elif st == "change_periods":
            a, b = item["pers"]; ma = statistics.mean(win(p, m, *a).values()); mb = statistics.mean(win(p, m, *b).values())
            got = [((mb / ma - 1) * 100, None), (ma, None), (mb, None)]; exp = [(v["value"], v["date"]) for v in vals]
        elif st == "change_since":
            h = holding(item["day"]); s = ser[(p, m)]; nw = max(s)
            got = [(s[h], h), (s[nw], nw), ((s[nw] / s[h] - 1) * 100, None)]; exp = [(v["value"], v["date"]) for v in vals]
        elif st == "yoy":
            s = ser[(p, m)]; nw = max(s); t = dt.date.fromisoformat(nw) - dt.timedelta(days=364)
            cands = sorted((abs((dt.date.fromisoformat(w) - t).days), w) for w in s if abs((dt.date.fromisoformat(w) - t).days) <= 14)
            ow = cands[0][1]
            got = [(s[nw], nw), (s[ow], ow), ((s[nw] / s[ow] - 1) * 100, None)]; exp = [(v["value"], v["date"]) for v in vals]
        elif st == "season":
            s = ser[(p, m)]; by = defaultdict(lambda: defaultdict(list))
            for w, v in s.items(): by[int(w[:4])][int(w[5:7])].append(v)
            ratios = defaultdict(list); ny = 0
            for y, mo in by.items():
                if len(mo) < 6: continue
                ny += 1; means = {k: sum(x) / len(x) for k, x in mo.items()}; base = sum(means.values()) / len(means)
                for k, x in means.items(): ratios[k].append(x / base)
            idx = {k: sum(r) / len(r) for k, r in ratios.items() if len(r) >= 2}
            mo = (min if item["which"] == "min" else max)(idx, key=idx.get)
            got = [(mo, None), (ny, None)]; exp = [(v["value"], v["date"]) for v in vals]
        elif st == "position":
            s = ser[(p, m)]; nw = max(s); y, mo = int(nw[:4]), int(nw[5:7])
            ms = []
            for yy in range(2016, y):
                xs = [v for w, v in s.items() if int(w[:4]) == yy and int(w[5:7]) == mo]
                if xs: ms.append(sum(xs) / len(xs))
            pos = -1 if s[nw] < min(ms) else (1 if s[nw] > max(ms) else 0)
            got = [(s[nw], nw), (pos, None)]; exp = [(v["value"], v["date"]) for v in vals]
        elif st == "ranking":
            wk = holding(item["day"]) if item.get("day") else latest
            rows = [(v, pp) for (pp, mm), s in ser.items() if mm == m and wk in s and units.get(pp) == "kg"
                    and (item["group"] is None or la.GROUP.get(pp) == item["group"]) for v in [s[wk]]]
            rows.sort(key=lambda r: (r[0] if item["order"] == "asc" else -r[0], r[1]))
            got = [((r[0], r[1]), wk) for r in rows[:item["n"]]]; exp = [((v["value"], v["product"]), v["date"]) for v in vals]
        elif st == "movers":
            cmp = item["cmp"]
            if cmp == "week": A, B = (prev, prev), (latest, latest)
            elif cmp[0] == "w": A, B = (cmp[1], cmp[1]), (cmp[2], cmp[2])
            else: A, B = cmp
            per = defaultdict(list)
            for (pp, mm), s in ser.items():
                if item["group"] and la.GROUP.get(pp) != item["group"]: continue
                if m and mm != m: continue
                a = [v for w, v in s.items() if A[0] <= w <= A[1]]; b = [v for w, v in s.items() if B[0] <= w <= B[1]]
                if a and b: per[pp].append((sum(a) / len(a), sum(b) / len(b)))
            chg = {pp: (statistics.mean(x[1] for x in l) / statistics.mean(x[0] for x in l) - 1) * 100 for pp, l in per.items()}
            best = (max if item["dir"] == "up" else min)(chg, key=chg.get)
            got = [((chg[best], best), None)]; exp = [((vals[0]["value"], vals[0]["product"]), None)]
        elif st == "count":
            if item["what"] == "markets":
                per = item.get("per") or (latest, latest)
                got = [(len({mm for (pp, mm), s in ser.items() if pp == p and any(per[0] <= w <= per[1] for w in s)}), None)]
            else:
                got = [(len({pp for (pp, mm), s in ser.items() if mm == m and latest in s}), None)]
            exp = [(vals[0]["value"], None)]
        elif st == "trade_unit":
            s = ser[(p, m)]; nw = max(s); kg = {"libra": .5, "arroba": 12.5, "bulto": 50, "kilos": item.get("kg")}.get(item["unit"])
            got = [(s[nw], nw)] + ([(s[nw] * kg, nw)] if kg else []); exp = [(v["value"], v["date"]) for v in vals]
        ok = len(got) == len(exp)
        for (gv, gd), (ev, ed) in zip(got, exp):
            if isinstance(gv, tuple):
                ok &= close(gv[0], ev[0]) and gv[1] == ev[1]
            else:
                ok &= close(gv, ev)
            ok &= gd == ed
        if not ok:
            bad += 1; print("MISMATCH", rec["id"], got, exp)
    except Exception as e:
        bad += 1; print("ERROR", rec["id"], repr(e))
print("checked", sum(r["expect"] == "answer" for r in recs), "mismatches", bad)
