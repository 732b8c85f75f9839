"""Relabel the national movers questions of the labelled and held-out sets after the national-movers policy
changed (tests/questions/LABELS.md): a product's national change is now the change of its mean price over the
markets that priced it in both weeks, not the median of its per-market changes over products in 3+ markets.

    .venv/bin/python tools/relabel_national_movers.py

Values are recomputed with pandas from the raw CSV (tools/label_questions.py's Data class); only records of
intent "movers" with no market are touched, and only their expected value (the top product and its change).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import label_questions as base
import pandas as pd


def national(data: base.Data) -> pd.DataFrame:
    prev = data.df[data.df["week"] == data.previous].set_index(["product", "market"])["price"].rename("prev")
    cur = data.df[data.df["week"] == data.latest].set_index(["product", "market"])["price"].rename("cur")
    both = pd.concat([prev, cur], axis=1).dropna().reset_index()
    means = both.groupby("product")[["prev", "cur"]].mean()
    means["chg"] = (means["cur"] / means["prev"] - 1) * 100
    return means.sort_values("chg", kind="stable")


def main() -> None:
    data = base.Data(base.CSV)
    table = national(data)
    rises = table.sort_values(["chg"], ascending=False, kind="stable")
    for path in sorted(base.OUT.glob("*.jsonl")) + sorted((base.OUT / "blind").glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        changed = 0
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            rec = json.loads(line)
            values = rec.get("values") or []
            if rec.get("intent") != "movers" or not values or values[0].get("market") is not None:
                continue
            up = values[0]["value"] > 0
            top = rises.iloc[0] if up else table.iloc[0]
            values[0] = base.value("change_pct", float(top["chg"]), None, data.latest, str(top.name))
            lines[i] = json.dumps(rec, ensure_ascii=False)
            changed += 1
        if changed:
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{path.name}: {changed} records relabelled")


if __name__ == "__main__":
    main()
