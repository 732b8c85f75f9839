"""Developer tool: (re)build the project's canonical vocabulary tables in data/vocab/.

Reads the name lists in ../shared/sipsa/vocab (facts: spellings seen in DANE's bulletins and SOAP codes)
and writes data/vocab/products.csv and data/vocab/markets.csv: one canonical row per product/market with
its group, unit, codes and every source spelling as an alias. Run by hand when the vocab changes:

    .venv/bin/python tools/build_vocab.py ../shared/sipsa/vocab
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data.text import clean_name, fold

OUT = Path(__file__).resolve().parents[1] / "data" / "vocab"

# Markets that DANE renamed or that appear with a typo; the value is the canonical name (fact: the two
# spellings never overlap in time and follow each other week to week).
MARKET_RENAMES = {
    "Cali, Santa Helena": "Cali, Santa Elena",
    "San Vicente (Antioquia)": "San Vicente Ferrer (Antioquia)",
    "Duitama (Boyacá)": "Duitama (Boyacá), Mercaplaza",
    "Manizales (Caldas)": "Manizales, Centro Galerías",
    "Montería (Córdoba)": "Montería, Mercado del Sur",
    "Popayán (Cauca)": "Popayán, Plaza de mercado del barrio Bolívar",
    "Sincelejo (Sucre)": "Sincelejo, Nuevo Mercado",
    "Malambo, Atlantico": "Malambo (Atlántico), Carnes y carnes",
    "San Gil (Santander)panela": "San Gil (Santander), panela",
    # La 41 became La 41-Impala on 2025-07-12 (SOAP fuenId 33 knows only the new name)
    "Pereira, La 41": "Pereira, La 41-Impala",
    # spellings of the bulletin's weekly supply table (sheet 1.9 from mid-2022) for markets of the price tables
    "Tibasosa, Coomproriente": "Tibasosa (Boyacá), Coomproriente",
    "Ipiales, Centro de Acopio": "Ipiales (Nariño), Centro de acopio",
    "Villavicencio, Central de Abastos de Villavicencio": "Villavicencio, CAV",
    "Cali, Cavasa y Santa Helena": "Cali, Cavasa y Santa Elena",
    "Pereira, La 41 y Mercasa": "Pereira, La 41-Impala y Mercasa",
    # a rice mill municipality of the monthly rice-at-mill table, before and after Cúcuta's renaming
    "Cúcuta (Norte de Santander)": "San José de Cúcuta (Norte de Santander)",
}

# Markets that only the bulletin's other tables name (no price-table or SOAP spelling): the weekly supply
# table reports some cities' markets together, and the monthly rice-at-mill table names mill municipalities.
EXTRA_MARKETS = [
    "Barranquilla, Barranquillita y Granabastos",
    "Bogotá, D.C., Corabastos, Paloquemao, Plaza Las Flores y Plaza Samper Mendoza",
    "Cali, Cavasa y Santa Elena",
    "Cali, Cavasa y Santa Helena",
    "Cúcuta, Cenabastos y La Nueva Sexta",
    "Medellín, Central Mayorista de Antioquia y Plaza Minorista José María Villa",
    "Pereira, La 41 y Mercasa",
    "Pereira, La 41-Impala y Mercasa",
    "Tibasosa, Coomproriente",
    "Ipiales, Centro de Acopio",
    "Villavicencio, Central de Abastos de Villavicencio",
    "Valledupar, Mercabastos y Mercado Nuevo",
    "Acacías (Meta)", "Aguazul (Casanare)", "Alvarado (Tolima)", "Barranquilla (Atlántico)",
    "Bucaramanga (Santander)", "Campoalegre (Huila)", "Cúcuta (Norte de Santander)", "Espinal (Tolima)",
    "Granada (Meta)", "Ibagué (Tolima)", "Lérida (Tolima)", "Magangué (Bolívar)", "Neiva (Huila)",
    "Planeta Rica (Córdoba)", "Purificación (Tolima)", "Rivera (Huila)", "Sahagún (Córdoba)",
    "San Bernardo del Viento (Córdoba)", "San José de Cúcuta (Norte de Santander)", "San Marcos (Sucre)",
    "San Martín (Meta)", "Valledupar (Cesar)", "Venadillo (Tolima)", "Villanueva (Casanare)",
    "Villavicencio (Meta)",
]

# Cities of the daily city series (promediosSipsaCiudad), canonical name -> (department, DANE code, aliases)
CITIES = {
    "Armenia": ("Quindío", "63", []),
    "Barranquilla": ("Atlántico", "08", []),
    "Bogotá, D.C.": ("Bogotá, D.C.", "11", ["Bogotá", "Bogota"]),
    "Bucaramanga": ("Santander", "68", []),
    "Cali": ("Valle del Cauca", "76", ["Santiago de Cali"]),
    "Cartagena de Indias": ("Bolívar", "13", ["Cartagena"]),
    "Ibagué": ("Tolima", "73", []),
    "Manizales": ("Caldas", "17", []),
    "Medellín": ("Antioquia", "05", []),
    "Montería": ("Córdoba", "23", []),
    "Neiva": ("Huila", "41", []),
    "Pasto": ("Nariño", "52", ["San Juan de Pasto"]),
    "Pereira": ("Risaralda", "66", []),
    "Popayán": ("Cauca", "19", []),
    "San José de Cúcuta": ("Norte de Santander", "54", ["Cúcuta", "Cucuta"]),
    "Santa Marta": ("Magdalena", "47", []),
    "Sincelejo": ("Sucre", "70", []),
    "Tunja": ("Boyacá", "15", []),
    "Valledupar": ("Cesar", "20", []),
    "Villavicencio": ("Meta", "50", []),
}

DEPARTMENTS = {
    "05": "Antioquia", "08": "Atlántico", "11": "Bogotá, D.C.", "13": "Bolívar", "15": "Boyacá",
    "17": "Caldas", "18": "Caquetá", "19": "Cauca", "20": "Cesar", "23": "Córdoba", "25": "Cundinamarca",
    "41": "Huila", "47": "Magdalena", "50": "Meta", "52": "Nariño", "54": "Norte de Santander",
    "63": "Quindío", "66": "Risaralda", "68": "Santander", "70": "Sucre", "73": "Tolima",
    "76": "Valle del Cauca", "81": "Arauca", "85": "Casanare",
}
DEPT_BY_FOLD = {fold(v): k for k, v in DEPARTMENTS.items()} | {"bogota": "11"}

# Group of the city-series aggregates that no bulletin spells the same way.
CITY_PRODUCT_GROUPS = {
    "Tomate": "Verduras y hortalizas", "Aguacate": "Frutas frescas", "Banano": "Frutas frescas",
    "Guayaba": "Frutas frescas", "Mandarina": "Frutas frescas", "Naranja": "Frutas frescas",
    "Piña": "Frutas frescas", "Arracacha": "Tubérculos, raíces y plátanos",
    "Papa negra": "Tubérculos, raíces y plátanos", "Yuca": "Tubérculos, raíces y plátanos",
    "Papa criolla": "Tubérculos, raíces y plátanos", "Cebolla junca": "Verduras y hortalizas",
    "Chócolo mazorca": "Verduras y hortalizas",
}


def sentence_case(name: str) -> str:
    return name[:1].upper() + name[1:] if name else name


def build_products(vocab: Path) -> list[dict[str, str]]:
    spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    group_counts: dict[str, Counter[str]] = defaultdict(Counter)
    with open(vocab / "productos_anexos_semanales.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = fold(clean_name(row["producto"]))
            spellings[key][row["producto"]] += int(row["n_registros"])
            group_counts[key][row["grupo"]] += int(row["n_registros"])
    # the group DANE files a product under most often: a few early bulletins filed "Arracacha amarilla" under
    # fruits and the canned legumes under grains, thousands of rows put them with tubers and processed foods
    groups: dict[str, str] = {key: counts.most_common(1)[0][0] for key, counts in group_counts.items()}
    units: dict[str, str] = {}
    art_ids: dict[str, str] = {}
    with open(vocab / "articulos_artiid.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = fold(clean_name(row["articulo"]))
            units[key] = row["unidad_sugerida"] or "kg"
            art_ids.setdefault(key, row["art_id"])
            spellings[key][row["articulo"]] += 0
    for name, group in CITY_PRODUCT_GROUPS.items():
        spellings[fold(name)][name] += 0
        groups.setdefault(fold(name), group)
    rows = []
    for key, names in sorted(spellings.items()):
        best = max(names, key=lambda n: (names[n], n[1:] == n[1:].lower(), -len(n)))
        canonical = sentence_case(clean_name(best))
        unit = units.get(key) or ("unidad" if key.startswith("huevo") else "kg")
        if key.startswith(("aceite", "vinagre", "jugo de fruta")):
            unit = "litro"
        aliases = sorted({n for n in names if n != canonical})
        rows.append({
            "name": canonical,
            "group": groups.get(key, ""),
            "unit": unit,
            "art_id": art_ids.get(key, ""),
            "aliases": "|".join(aliases),
        })
    return rows


def city_of(market: str) -> str:
    head = market.split(",")[0]
    return head.split("(")[0].strip()


def build_markets(vocab: Path) -> list[dict[str, str]]:
    info: dict[str, dict[str, str]] = {}
    with open(vocab / "mercados_fuenid.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            info[fold(row["mercado"])] = row
    spellings: dict[str, set[str]] = defaultdict(set)
    canonical_by_key: dict[str, str] = {}
    with open(vocab / "mercados_anexos_semanales.csv", encoding="utf-8") as fh:
        names = [row["mercado"] for row in csv.DictReader(fh)]
    names += [row["mercado"] for row in info.values()]
    names += EXTRA_MARKETS
    for name in names:
        target = MARKET_RENAMES.get(name, name)
        key = fold(target)
        spellings[key].add(name)
        if key in info:
            canonical_by_key[key] = info[key]["mercado"]
        else:
            canonical_by_key.setdefault(key, target)
            if name == target and target[1:] != target[1:].lower():
                canonical_by_key[key] = min(canonical_by_key[key], target)
    rows = []
    for key, canonical in sorted(canonical_by_key.items()):
        src = info.get(key)
        city = src["ciudad"] if src else city_of(canonical)
        dept_code = src["dpto_codigo"] if src else ""
        if not dept_code and "(" in canonical:
            dept_code = DEPT_BY_FOLD.get(fold(canonical.split("(")[1].split(")")[0]), "")
        if not dept_code:
            dept_code = next((CITIES[c][1] for c in CITIES if fold(c).startswith(fold(city))
                              or fold(city) in {fold(a) for a in CITIES[c][2]}), "")
        rows.append({
            "name": canonical,
            "kind": "market",
            "city": city,
            "department": DEPARTMENTS.get(dept_code, ""),
            "dept_code": dept_code,
            "fuen_id": src["fuen_id"] if src else "",
            "aliases": "|".join(sorted(spellings[key] - {canonical})),
        })
    for city, (dept, code, aliases) in sorted(CITIES.items()):
        rows.append({
            "name": city, "kind": "city", "city": city, "department": dept, "dept_code": code,
            "fuen_id": "", "aliases": "|".join(sorted(set([*aliases, city.upper()]))),
        })
    return rows


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    vocab_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/sipsa/vocab")
    write(OUT / "products.csv", build_products(vocab_dir))
    write(OUT / "markets.csv", build_markets(vocab_dir))
