"""`sipsabot model download|info`: fetch and verify the GGUF, show what is configured and what loads."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bot.config import Settings
from models.llm.gguf import GGUFError, GGUFHeader, read_header, sha256


class DownloadError(RuntimeError):
    """A download that did not happen (Spanish message for the operator)."""


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.2f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


def download(repo: str, filename: str, target_dir: Path) -> Path:
    """Fetch `filename` from the Hugging Face repository `repo` into `target_dir` (resumes, skips when current)."""
    from huggingface_hub import hf_hub_download
    from huggingface_hub.errors import (
        EntryNotFoundError,
        GatedRepoError,
        HfHubHTTPError,
        HFValidationError,
        LocalEntryNotFoundError,
        RepositoryNotFoundError,
    )

    target_dir.mkdir(parents=True, exist_ok=True)
    try:
        return Path(hf_hub_download(repo_id=repo, filename=filename, local_dir=target_dir))
    except HFValidationError as exc:
        raise DownloadError(f"nombre de repositorio o archivo inválido: {repo} / {filename}") from exc
    except GatedRepoError as exc:
        raise DownloadError(f"el repositorio {repo} exige aceptar su licencia e iniciar sesión (HF_TOKEN)") from exc
    except RepositoryNotFoundError as exc:
        raise DownloadError(f"no existe el repositorio {repo} en Hugging Face (o es privado)") from exc
    except LocalEntryNotFoundError as exc:
        raise DownloadError(
            "sin conexión con Hugging Face y el archivo no está descargado: revise la red (o el proxy) "
            "y vuelva a intentarlo"
        ) from exc
    except EntryNotFoundError as exc:
        raise DownloadError(f"el repositorio {repo} no tiene el archivo {filename}") from exc
    except HfHubHTTPError as exc:
        raise DownloadError(f"Hugging Face respondió con un error: {exc}") from exc
    except OSError as exc:
        raise DownloadError(f"no se pudo descargar ni guardar el modelo: {exc}") from exc


def describe(header: GGUFHeader) -> list[str]:
    ctx = header.context_length
    return [
        f"Archivo: {header.path}",
        f"Tamaño: {_size(header.size_bytes)} ({header.size_bytes} bytes)",
        f"Nombre: {header.name}",
        f"Arquitectura: {header.architecture}",
        f"Contexto de entrenamiento: {ctx if ctx else 'desconocido'} tokens",
        f"Cuantización: {header.quantization}",
        f"Vocabulario: {header.vocab_size or 'desconocido'} tokens; plantilla de chat: "
        f"{'sí' if header.has_chat_template else 'no'}",
        f"GGUF v{header.version}, {header.tensor_count} tensores",
    ]


def download_cmd(args: argparse.Namespace, settings: Settings) -> int:
    repo = args.repo or settings.model_repo
    filename = args.file or settings.model_file
    print(f"Descargando {filename} de {repo} en {settings.model_dir} …", flush=True)
    started = time.monotonic()
    try:
        path = download(repo, filename, settings.model_dir)
        header = read_header(path)
    except (DownloadError, GGUFError) as exc:
        print(f"✗ No se pudo obtener el modelo: {exc}", file=sys.stderr)
        return 1
    print(f"✓ Descargado y verificado en {time.monotonic() - started:.1f} s")
    for line in describe(header):
        print("  " + line)
    print(f"  sha256: {sha256(path)}")
    print(f"Para usarlo: SIPSABOT_LLM_MODEL={path}")
    return 0


def info_cmd(args: argparse.Namespace, settings: Settings) -> int:
    if settings.llm_url:
        print(f"Servidor de modelo configurado (SIPSABOT_LLM_URL): {settings.llm_url}; tiempo límite por pregunta: "
              f"{settings.llm_timeout_s:g} s; peticiones en vuelo: {settings.llm_queue_size}")
        return _load_check(settings) if getattr(args, "load", False) else 0
    path = settings.llm_model_path.strip()
    if not path:
        default = settings.model_dir / settings.model_file
        print("No hay modelo configurado (SIPSABOT_LLM_MODEL vacío): el bot responde solo con las reglas.")
        if default.is_file():
            print(f"Hay un modelo descargado en {default}: actívelo con SIPSABOT_LLM_MODEL={default}")
        else:
            print(f"Para activarlo: sipsabot model download (baja {settings.model_file} de {settings.model_repo}) "
                  "y defina SIPSABOT_LLM_MODEL con la ruta que indique.")
        return 0
    try:
        header = read_header(path)
    except GGUFError as exc:
        print(f"✗ SIPSABOT_LLM_MODEL={path}: {exc}. El bot responde solo con las reglas.", file=sys.stderr)
        return 1
    print("Modelo configurado (SIPSABOT_LLM_MODEL):")
    for line in describe(header):
        print("  " + line)
    print(f"  Hilos: {settings.llm_threads}; tiempo límite por pregunta: {settings.llm_timeout_s:g} s; "
          f"cola: {settings.llm_queue_size}")
    if getattr(args, "load", False):
        return _load_check(settings)
    return 0


def _load_check(settings: Settings) -> int:
    """Load the model in its worker as the bot would (or reach SIPSABOT_LLM_URL's server), and parse one question."""
    from models.llm.worker import LLMParser, build_parser

    parser = build_parser(settings, wait_ready=600)
    if isinstance(parser, LLMParser):
        facts = parser.worker.facts
        if parser.worker.error or facts is None:
            print(f"✗ El modelo no carga: {parser.worker.error}", file=sys.stderr)
            return 1
        source = {"file": "leído del archivo de estado", "evaluated+saved": "evaluado y guardado",
                  "evaluated": "evaluado"}.get(facts.prefix_source, facts.prefix_source)
        print(f"Cargado en {facts.load_s:.2f} s; contexto en uso {facts.context} tokens; "
              f"prompt de sistema en caché: {facts.prefix_tokens} tokens ({source}, {facts.prefix_s:.2f} s)")
    elif parser is None:
        print("✗ El modelo no carga: no se encontró el archivo", file=sys.stderr)
        return 1
    question = "a como esta la papa criolla en corabastos"
    call = parser.parse(question, timeout_s=max(settings.llm_timeout_s, 120))
    parser.close()
    print(f"Prueba «{question}» -> {call.outcome} {call.intent} en {call.total_s:.2f} s "
          f"({call.evaluated_tokens} tokens evaluados, {call.generated_tokens} generados)")
    if call.notes:
        print("  " + "; ".join(call.notes))
    # "invalid" = a complete, schema-valid generation the guard refused: the model works, its answer was weak
    return 0 if call.outcome in ("ok", "invalid") else 1


def model_cmd(args: argparse.Namespace, settings: Settings) -> int:
    if args.model_command == "download":
        return download_cmd(args, settings)
    return info_cmd(args, settings)
