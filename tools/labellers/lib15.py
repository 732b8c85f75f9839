"""Shared loading for the blind15-analytics labeller (uses tools/label_questions.Data for name mapping)."""
import csv, os, pickle, sys
sys.path.insert(0, "/work/main/tools")
import pandas as pd

CACHE = "/tmp/a15_cache.pkl"

def load():
    if os.path.exists(CACHE):
        c = pickle.load(open(CACHE, "rb"))
        return c["df"], c["conflicted"]
    from label_questions import Data, CSV
    d = Data(CSV)
    pickle.dump({"df": d.df, "conflicted": d.conflicted}, open(CACHE, "wb"))
    return d.df, d.conflicted

def products_meta():
    with open("/work/main/data/vocab/products.csv", encoding="utf-8") as fh:
        return {r["name"]: (r["group"], r["unit"]) for r in csv.DictReader(fh)}
