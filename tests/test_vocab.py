from pathlib import Path

from data.db import open_db
from data.text import clean_name, fold
from data.vocab import Names


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Bogotá, D,C,, Corabastos") == fold("Bogotá, D.C., Corabastos") == "bogota d c corabastos"
    assert fold("Papa Criolla Limpia") == fold("papa criolla limpia")
    assert fold("Piña *") == "piña"
    assert clean_name("  Papa negra* ") == "Papa negra"


def test_source_spellings_resolve_to_one_canonical_row(tmp_path: Path):
    db = open_db(tmp_path / "m.db")
    names = Names(db.conn)
    criolla = names.product("Papa criolla limpia")
    assert names.product("Papa Criolla Limpia") == criolla
    assert names.product("PAPA CRIOLLA LIMPIA*") == criolla
    corabastos = names.market("Bogotá, D.C., Corabastos")
    assert names.market("Bogotá, D,C,, Corabastos") == corabastos
    assert names.market("Cali, Santa Helena") == names.market("Cali, Santa Elena")
    assert names.market("CÚCUTA", kind="city") == names.market("SAN JOSÉ DE CÚCUTA", kind="city")
    aliases = {r[0] for r in db.conn.execute("SELECT alias FROM product_aliases WHERE product_id = ?", (criolla,))}
    assert {"Papa Criolla Limpia", "PAPA CRIOLLA LIMPIA*"} <= aliases
    name = db.conn.execute("SELECT name FROM products WHERE id = ?", (criolla,)).fetchone()[0]
    assert name == "Papa criolla limpia"


def test_unknown_name_gets_a_new_canonical_row(tmp_path: Path):
    db = open_db(tmp_path / "m.db")
    names = Names(db.conn)
    new = names.product("Fruta inventada rara")
    assert names.product("fruta INVENTADA rara") == new
    assert names.market("Mercado Nuevo De Prueba") == names.market("mercado nuevo de prueba")
