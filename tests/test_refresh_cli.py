"""The data commands as a user runs them: demo, status, export, refresh (against the local SOAP server)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import shared_path
from tests.soap_server import SoapServer, Status


def test_demo_status_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    db = str(tmp_path / "m.db")
    assert main(["demo", "--db", db]) == 0
    assert "DEMOSTRACIÓN" in capsys.readouterr().out
    assert main(["status", "--json", "--db", db]) == 0
    report = json.loads(capsys.readouterr().out)
    weekly = next(d for d in report["datasets"] if d["name"] == "weekly")
    assert report["demo"] is True and weekly["rows"] > 10_000 and weekly["last_ok_source"] == "demo"
    assert weekly["stale"] is False and weekly["first"] < weekly["last"]
    assert main(["status", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "DEMOSTRACIÓN" in text and "precios semanales por mercado:" in text and "vacío" in text

    out = tmp_path / "semanal.csv"
    assert main(["export", "weekly", "--csv", str(out), "--db", db]) == 0
    assert "filas de weekly" in capsys.readouterr().out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read the accents right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:7] == ["producto", "grupo", "unidad", "mercado", "ciudad", "departamento", "semana_inicio"]
    names = {r[0] for r in rows[1:]}
    assert "Papa criolla limpia" in names and "Huevo rojo AA" in names
    eggs = next(r for r in rows[1:] if r[0] == "Huevo rojo AA")
    assert eggs[2] == "unidad" and eggs[10].isdigit()  # whole pesos written without '.0'

    assert main(["export", "origins", "--sep", ";", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("mercado;ciudad;departamento;fecha;producto") and len(lines) > 10


def test_demo_never_mixes_with_real_data_and_real_data_replaces_demo(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]):
    db = str(tmp_path / "m.db")
    assert main(["demo", "--db", db]) == 0
    assert main(["import", "--db", db, str(shared_path("soap", "promediosSipsaSemanaMadr.response.xml"))]) == 0
    capsys.readouterr()
    assert main(["status", "--json", "--db", db]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["demo"] is False
    assert next(d for d in report["datasets"] if d["name"] == "weekly")["rows"] == 3  # demo rows are gone
    assert main(["demo", "--db", db]) == 1
    assert "ya tiene datos reales" in capsys.readouterr().err


def test_refresh_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    db = str(tmp_path / "m.db")
    assert main(["refresh", "semanal", "--db", db]) == 2
    assert "conjunto desconocido" in capsys.readouterr().err
    weekly = shared_path("soap", "promediosSipsaSemanaMadr.response.xml")
    with SoapServer({"promediosSipsaSemanaMadr": weekly, "promediosSipsaMesMadr": Status(502)}) as server:
        monkeypatch.setenv("SIPSABOT_SOAP_URL", server.url)
        monkeypatch.setenv("SIPSABOT_SOAP_RETRIES", "1")
        assert main(["refresh", "weekly", "--db", db]) == 0
        out = capsys.readouterr().out
        assert "✓ weekly (promediosSipsaSemanaMadr)" in out and "nuevas 3" in out
        assert main(["refresh", "weekly", "monthly", "--json", "--db", db]) == 1
        results = json.loads(capsys.readouterr().out)
    assert [(r["dataset"], r["status"]) for r in results] == [("weekly", "ok"), ("monthly", "failed")]
    assert results[0]["import"]["unchanged"] == 3 and "HTTP 502" in results[1]["error"]
    assert main(["status", "--json", "--db", db]) == 0
    monthly = next(d for d in json.loads(capsys.readouterr().out)["datasets"] if d["name"] == "monthly")
    assert monthly["last_refresh_status"] == "failed" and "HTTP 502" in monthly["last_refresh_error"]
