"""Cross-sectional features for the global model: what the *other* series of the same product, market or city
did up to the origin. This is how product, market and city enter the model without being categories.

Why not categories: as plain categories the model learnt each product's 2021-22 inflation (an identity memorised
from the training years) and lost to naive on validation. Aggregates are different: they are values observed at
the origin (the product's price index across all its markets, the market's index across all its products, the
series' price against the product's cross-market mean level), so the model learns how a market follows a national
move or closes a spread, not which product rose in which year.

Honesty: every aggregate at column t is built from the carried-forward matrix at columns <= t (the carry reads
only the past), so a feature read at the anchor column uses nothing after the anchor. The same `Cross` is kept in
the trained model so a one-series forecast reads the aggregates the model was trained with.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from data.text import fold

KINDS = ("product", "market")
CLIP = 0.4  # weekly log changes beyond +-0.4 (price glitches, unit changes) are clipped inside the indexes
NAMES = ("p_ret1", "p_ret4", "p_ret13", "p_ret52", "p_season", "m_ret4", "m_ret13", "p_rel", "p_rel_dev", "c_rel")
REL_WIDTH = 26  # the usual spread of a series to its product's mean level: trailing mean over 26 weeks


@dataclass
class Cross:
    """Aggregates on the model's week grid. index[kind]: (keys, weeks) cumulative mean weekly log change of the
    series sharing that key (NaN in weeks none of them had a price); level: (products, weeks) mean log price over
    the product's markets; city_sum/city_n: per (product, city) sum and count of log prices."""

    keys: dict[str, dict[str, int]]
    index: dict[str, np.ndarray]
    level: np.ndarray
    city_keys: dict[tuple[str, str], int]
    city_sum: np.ndarray
    city_n: np.ndarray

    @property
    def n_weeks(self) -> int:
        return int(self.level.shape[1])


def _group_mean(values: np.ndarray, codes: np.ndarray, n_groups: int) -> tuple[np.ndarray, np.ndarray]:
    """(sum, count) of the finite values per group and column (rows sorted by group, then one reduceat pass:
    the whole table is aggregated inside the training budget)."""
    ok = np.isfinite(values)
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
    total = np.zeros((n_groups, values.shape[1]))
    count = np.zeros((n_groups, values.shape[1]))
    total[sorted_codes[starts]] = np.add.reduceat(np.where(ok, values, 0.0)[order], starts, axis=0)
    count[sorted_codes[starts]] = np.add.reduceat(ok[order].astype("float64"), starts, axis=0)
    return total, count


def trailing_mean(values: np.ndarray, width: int, min_count: int) -> np.ndarray:
    """Mean of the finite values in the `width` columns ending at each column (NaN with fewer than min_count)."""
    ok = np.isfinite(values)
    zero = np.zeros((values.shape[0], 1))
    cs = np.concatenate([zero, np.cumsum(np.where(ok, values, 0.0), axis=1)], axis=1)
    cn = np.concatenate([zero, np.cumsum(ok, axis=1)], axis=1)
    def window(c: np.ndarray) -> np.ndarray:  # c[:, t + 1] - c[:, max(t + 1 - width, 0)], by slices
        n_cols = c.shape[1] - 1
        lo = np.concatenate([np.repeat(c[:, :1], min(width, n_cols), axis=1), c[:, 1: max(n_cols - width + 1, 1)]],
                            axis=1)
        return c[:, 1:] - lo

    n = window(cn)
    return np.where(n >= min_count, window(cs) / np.maximum(n, 1), np.nan)


def _codes(names: list[str]) -> tuple[dict[str, int], np.ndarray]:
    keys = {k: i for i, k in enumerate(sorted(set(names)))}
    return keys, np.array([keys[n] for n in names], dtype=int)


def build_cross(filled: np.ndarray, products: list[str], markets: list[str], cities: list[str]) -> Cross:
    """The aggregates of a whole panel (rows = series) from its carried-forward log prices."""
    folded = {n: fold(n) for n in {*products, *markets, *cities}}
    names = {"product": [folded[p] for p in products], "market": [folded[m] for m in markets]}
    change = np.full(filled.shape, np.nan)
    change[:, 1:] = np.clip(filled[:, 1:] - filled[:, :-1], -CLIP, CLIP)
    keys, index = {}, {}
    for kind in KINDS:
        keys[kind], codes = _codes(names[kind])
        total, count = _group_mean(change, codes, len(keys[kind]))
        mean = np.where(count > 0, total / np.maximum(count, 1), 0.0)
        cum = np.cumsum(mean, axis=1)
        _, lev_count = _group_mean(filled, codes, len(keys[kind]))
        index[kind] = np.where(lev_count > 0, cum, np.nan)  # undefined in weeks without any price
    p_codes = np.array([keys["product"][n] for n in names["product"]], dtype=int)
    lev_total, lev_count = _group_mean(filled, p_codes, len(keys["product"]))
    level = np.where(lev_count > 0, lev_total / np.maximum(lev_count, 1), np.nan)
    pc = [(p, folded[c]) for p, c in zip(names["product"], cities, strict=True)]
    city_keys = {k: i for i, k in enumerate(sorted(set(pc)))}
    city_sum, city_n = _group_mean(filled, np.array([city_keys[k] for k in pc], dtype=int), len(city_keys))
    # only pairs that ever had two markets at once can give a city spread: the rest would be dead weight in the
    # artefact (megabytes loaded by every forecast worker)
    shared = np.flatnonzero(city_n.max(axis=1, initial=0) >= 2)
    by_row = {i: k for k, i in city_keys.items()}
    city_keys = {by_row[int(i)]: j for j, i in enumerate(shared)}
    city_sum, city_n = city_sum[shared], city_n[shared]
    return Cross(keys, {k: v.astype("float32") for k, v in index.items()}, level.astype("float32"), city_keys,
                 city_sum.astype("float32"), city_n.astype("float32"))


@dataclass
class CrossRows:
    """Where each series of a panel sits in a Cross (-1: not there), and its spread to the product's level."""

    product: np.ndarray
    market: np.ndarray
    city: np.ndarray
    rel: np.ndarray  # (series, weeks) log price minus the product's mean level
    rel_mean: np.ndarray  # trailing REL_WIDTH-week mean of rel

    @classmethod
    def locate(cls, cross: Cross, filled: np.ndarray, products: list[str], markets: list[str], cities: list[str]
               ) -> CrossRows:
        folded = {n: fold(n) for n in {*products, *markets, *cities}}
        prod = np.array([cross.keys["product"].get(folded[p], -1) for p in products], dtype=int)
        mark = np.array([cross.keys["market"].get(folded[m], -1) for m in markets], dtype=int)
        pairs = zip(products, cities, strict=True)
        city = np.array([cross.city_keys.get((folded[p], folded[c]), -1) for p, c in pairs], dtype=int)
        width = min(filled.shape[1], cross.n_weeks)
        rel = np.full(filled.shape, np.nan)
        have = prod >= 0
        rel[have, :width] = filled[have, :width] - cross.level[prod[have], :width]
        rel_mean = trailing_mean(rel, REL_WIDTH, REL_WIDTH // 2)
        return cls(prod, mark, city, rel, rel_mean)


def _at(table: np.ndarray, keys: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """table[keys, cols], NaN where the key is unknown or the column is off the grid."""
    ok = (keys >= 0) & (cols >= 0) & (cols < table.shape[1])
    out = np.full(len(keys), np.nan)
    out[ok] = table[keys[ok], cols[ok]]
    return out


def cross_features(cross: Cross, where: CrossRows, filled: np.ndarray, rows: np.ndarray, anchors: np.ndarray,
                   horizons: np.ndarray) -> list[np.ndarray]:
    """The NAMES columns for (series row, anchor column, horizon) triples; only columns <= anchor are read."""
    p, m, c = where.product[rows], where.market[rows], where.city[rows]
    pi, mi = cross.index["product"], cross.index["market"]
    p_now, m_now = _at(pi, p, anchors), _at(mi, m, anchors)
    cols = [p_now - _at(pi, p, anchors - k) for k in (1, 4, 13, 52)]
    cols.append(_at(pi, p, anchors + horizons - 52) - _at(pi, p, anchors - 52))  # the product's year-ago move
    cols += [m_now - _at(mi, m, anchors - k) for k in (4, 13)]
    rel = _at(where.rel, rows, anchors)
    cols += [rel, rel - _at(where.rel_mean, rows, anchors)]
    # against the other markets of the same product in the same city (NaN when the city has only this one)
    a = _at(filled, rows, anchors)
    n = _at(cross.city_n, c, anchors)
    others = (_at(cross.city_sum, c, anchors) - a) / np.maximum(n - 1, 1)
    cols.append(np.where(n >= 2, a - others, np.nan))
    return cols
