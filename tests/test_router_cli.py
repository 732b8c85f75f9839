"""`sipsabot ask`, `sipsabot chat` and the evaluation machinery, on a real demo mirror file."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from bot.cli import main
from data import demo
from data.db import open_db
from models import evaluation
from models.answer import Answer, Value


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "mirror.db"
    db = open_db(path)
    demo.build(db.conn, end_week=dt.date(2025, 10, 25), weeks=60)
    db.conn.close()
    return path


def test_ask_json(mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "precio de la papa criolla en corabastos", "--json", "--db", str(mirror)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["intent"] == "price" and out["product"] == "Papa criolla limpia"
    assert out["market"] == "Bogotá, D.C., Corabastos"
    assert out["period"] == {"start": "2025-10-25", "end": "2025-10-31"}
    assert out["values"][0]["kind"] == "price" and out["values"][0]["date"] == "2025-10-25"
    assert out["demo"] is True and "DEMOSTRACIÓN" in out["text"] and "Fuente: DANE – SIPSA" in out["text"]
    assert out["clarify"] == []


def test_ask_text_lists_clarification_options(mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "precio de la papa", "--db", str(mirror)]) == 0
    out = capsys.readouterr().out
    assert "¿Cuál papa?" in out and "1. " in out and "Papa superior" in out


def test_ask_alert_says_where_alerts_live(mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["ask", "avísame si la papa criolla baja de 2.000 en Corabastos", "--db", str(mirror)])
    out = capsys.readouterr().out
    assert "$2.000/kg" in out and "Telegram" in out


def test_chat_keeps_context_and_numbers_pick(mirror: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "precio de la papa criolla en corabastos\n¿y en Medellín?\nprecio de la papa\n2\nsalir\nno llega\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert main(["chat", "--db", str(mirror)]) == 0
    out = capsys.readouterr().out
    assert "Papa criolla limpia en Bogotá, D.C., Corabastos" in out
    assert "Papa criolla limpia en Medellín, Central Mayorista de Antioquia" in out
    assert "responde con el número" in out
    assert "Papa parda pastusa en Bogotá, D.C., Corabastos" in out  # option 2
    assert out.rstrip().endswith("¡Hasta pronto!")


def test_chat_ends_on_eof(mirror: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("hola\n"))
    assert main(["chat", "--db", str(mirror)]) == 0
    assert "Soy SIPSABot" in capsys.readouterr().out


def test_eval_scores_a_small_labelled_set(mirror: Path, tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({"today": "2025-11-03"}), encoding="utf-8")
    import sqlite3

    conn = sqlite3.connect(mirror)
    right = conn.execute(
        "SELECT price_mean FROM weekly_prices w JOIN products p ON p.id = w.product_id JOIN markets m "
        "ON m.id = w.market_id WHERE p.name = 'Zanahoria' AND m.name = 'Bogotá, D.C., Corabastos' "
        "AND week_start = '2025-10-25'").fetchone()[0]
    conn.close()
    records = [
        {"id": "a", "q": "zanahoria en corabastos", "intent": "price", "expect": "answer", "tags": ["direct"],
         "slots": {"product": "Zanahoria", "market": "Bogotá, D.C., Corabastos"},
         "values": [{"kind": "price", "value": right, "market": "Bogotá, D.C., Corabastos", "date": "2025-10-25"}]},
        {"id": "b", "q": "zanahoria en corabastos", "intent": "price", "expect": "answer", "tags": ["direct"],
         "slots": {"product": "Zanahoria"},
         "values": [{"kind": "price", "value": right + 10, "market": "Bogotá, D.C., Corabastos", "date": None}]},
        {"id": "c", "q": "precio de la papa", "intent": "price", "expect": "clarify", "slots": {}, "tags": [],
         "options": ["Papa superior"]},
        {"id": "d", "q": "hola", "intent": "greeting", "expect": "no_numbers", "slots": {}, "tags": []},
    ]
    (folder / "set.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = evaluation.run(db_path=mirror, folder=folder)
    exact = {o.record["id"]: o.exact for o in report.outcomes}
    assert exact == {"a": True, "b": False, "c": True, "d": True}
    wrong = {o.record["id"] for o in report.outcomes if o.confidently_wrong}
    assert wrong == {"b"}
    table = " ".join(evaluation.format_report(report).split())
    assert "Respuesta exacta (precio directo) 50.0% (n=2)" in table
    assert "Confiadamente equivocada 25.0% (n=4)" in table


def test_check_flags_numbers_where_none_belong() -> None:
    record = {"id": "x", "q": "hola", "intent": "greeting", "expect": "no_numbers", "slots": {}}
    bad = Answer(intent="greeting", text="¡Hola! $3.000", values=[Value("price", 3000, "COP/kg", "2025-10-25")])
    assert evaluation.check(record, bad)[2] is False
    assert evaluation.check(record, Answer(intent="greeting", text="¡Hola!"))[2] is True


def test_ask_runs_the_forecast_feature(mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("darts")
    main(["ask", "pronostica la papa criolla en Corabastos para las próximas 2 semanas", "--db", str(mirror)])
    out = capsys.readouterr().out
    assert "Papa criolla limpia" in out and "Corabastos" in out
    assert "Pronóstico semanal de Papa criolla limpia" in out and "80%" in out
    assert "DEMOSTRACIÓN" in out or "demostración" in out.lower()


def test_eval_llm_without_a_model_says_so(mirror: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIPSABOT_LLM_MODEL", raising=False)
    assert main(["eval", "--llm", "--db", str(mirror)]) == 2
    assert "No hay modelo de lenguaje configurado" in capsys.readouterr().err
