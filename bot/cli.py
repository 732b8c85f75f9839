"""`sipsabot` command line: a thin layer over the library; each subcommand lives in a small bot/cmd_*.py."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot.config import Settings


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="ruta del espejo SQLite (por defecto SIPSABOT_DB)")
    p.add_argument("--state", help="ruta del estado SQLite (por defecto SIPSABOT_STATE_DB o state.db junto al "
                                   "espejo)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sipsabot", description="SIPSABot: precios mayoristas DANE - SIPSA")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="inicia el bot de Telegram (sin token abre el asistente en la terminal)")
    _add_db(p)

    p = sub.add_parser("chat", help="el asistente en la terminal")
    _add_db(p)

    p = sub.add_parser("ask", help="una pregunta, una respuesta")
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    _add_db(p)

    p = sub.add_parser("import", help="importa archivos de SIPSA al espejo (detecta el formato)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--json", action="store_true")
    _add_db(p)

    p = sub.add_parser("refresh", help="actualiza el espejo desde el servicio SOAP de DANE")
    p.add_argument("datasets", nargs="*", help="operaciones o conjuntos (por defecto todos)")
    p.add_argument("--json", action="store_true")
    _add_db(p)

    p = sub.add_parser("status", help="estado del espejo por conjunto de datos")
    p.add_argument("--json", action="store_true")
    _add_db(p)

    p = sub.add_parser("export", help="exporta una tabla del espejo con nombres canónicos")
    p.add_argument("table", choices=["weekly", "monthly", "daily", "daily-city", "supply", "weekly-supply", "origins",
                                     "inputs"])
    p.add_argument("--csv", metavar="PATH", help="archivo de salida (por defecto la salida estándar)")
    p.add_argument("--sep", choices=[",", ";"], default=",", help="separador; con ';' los decimales llevan coma")
    _add_db(p)

    p = sub.add_parser("demo", help="carga el espejo de demostración (datos ficticios marcados como tales)")
    _add_db(p)

    p = sub.add_parser("eval", help="mide el enrutador sobre el conjunto de preguntas etiquetadas")
    p.add_argument("--llm", action="store_true", help="pasa las preguntas por el modelo local")
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--tag", default="", help="solo las preguntas con esta etiqueta (p. ej. blind6-analytics)")
    p.add_argument("--verbose", action="store_true")
    _add_db(p)

    p = sub.add_parser("forecast", help="pronóstico de una serie")
    p.add_argument("product")
    p.add_argument("--market")
    p.add_argument("--freq", choices=["W", "M", "D"], default="W")
    p.add_argument("--horizon", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument("--png", metavar="PATH")
    _add_db(p)

    p = sub.add_parser("eval-forecast", help="evalúa los pronósticos sobre series reales")
    p.add_argument("--csv", default="../shared/sipsa/series/semanal_precios_2017-2025.csv.gz")
    p.add_argument("--series", type=int, default=200)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--validation", action="store_true", help="evalúa el año anterior al de prueba (para ajustar)")
    p.add_argument("--fresh", action="store_true",
                   help="muestra nueva: excluye las 200 series de la muestra por defecto (ya vistas)")

    p = sub.add_parser("model", help="modelo de lenguaje local")
    msub = p.add_subparsers(dest="model_command", required=True)
    md = msub.add_parser("download", help="descarga el GGUF por defecto (o --repo/--file)")
    md.add_argument("--repo")
    md.add_argument("--file")
    mi = msub.add_parser("info", help="muestra el modelo configurado")
    mi.add_argument("--load", action="store_true", help="además lo carga y prueba una pregunta")

    p = sub.add_parser("backup", help="copia comprimida y fechada del estado (alertas, series, memoria de chats)")
    p.add_argument("dir", nargs="?", help="carpeta de destino (por defecto SIPSABOT_BACKUP_DIR o backups/ junto "
                                          "al estado)")
    p.add_argument("--keep", type=int, default=0, help="deja solo las N copias más recientes de la carpeta")
    _add_db(p)

    p = sub.add_parser("restore", help="reemplaza el estado por una copia (se niega si no es un estado de SIPSABot)")
    p.add_argument("file")
    _add_db(p)

    p = sub.add_parser("health", help="comprobación de salud: el espejo abre y cuenta filas (Docker)")
    _add_db(p)
    return parser


def _dispatch(command: str) -> Callable[[argparse.Namespace, Settings], int]:
    if command in {"import", "refresh", "status", "export", "demo"}:
        from bot import cmd_data

        return getattr(cmd_data, command.replace("-", "_") + "_cmd")
    if command in {"ask", "chat", "eval"}:
        from bot import cmd_ask

        return getattr(cmd_ask, command + "_cmd")
    if command in {"forecast", "eval-forecast"}:
        from bot import cmd_forecast

        return getattr(cmd_forecast, command.replace("-", "_") + "_cmd")
    if command == "model":
        from bot import cmd_model

        return cmd_model.model_cmd
    if command in {"backup", "restore"}:
        from bot import cmd_backup

        return getattr(cmd_backup, command + "_cmd")
    if command == "health":
        from bot import cmd_health

        return cmd_health.health_cmd
    from bot import cmd_run

    return cmd_run.run_cmd


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.from_env()
    if getattr(args, "db", None):
        from dataclasses import replace
        from pathlib import Path

        settings = replace(settings, db_path=Path(args.db))
    if getattr(args, "state", None):
        from dataclasses import replace
        from pathlib import Path

        settings = replace(settings, state_db=Path(args.state))
    try:
        return _dispatch(args.command)(args, settings)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
