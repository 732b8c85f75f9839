"""Benchmark the local LLM path: model load, system-prompt evaluation, prompt and generation tokens/s, latency.

Uses SIPSABOT_LLM_MODEL (or --model). Without one it writes the tiny random-weight test model and says so:
those figures measure the machinery (grammar, cache, worker), not what a real model costs.

    .venv/bin/python tools/bench_llm.py [--model PATH] [--threads N] [--repeat 2] [--cold-warm [--db PATH]]

--cold-warm first measures the time to ready with no saved prompt state and then with the state file the first
start wrote (models.llm.state), in-process and as a one-shot `sipsabot ask` (a process start, the model load and
one question the rules leave to the model) when --db names a mirror.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from models.llm.gguf import read_header  # noqa: E402
from models.llm.worker import LLMParser, LLMWorker, build_parser  # noqa: E402

QUESTIONS = [
    "a como esta la papita criolla en corabastos",
    "cuanto vale el kilo de tomate chonto en medallo",
    "q valia la cebolla cabezona en cali en marzo del 2024",
    "como le ha ido al aguacate hass las ultimas 8 semanas",
    "donde sale mas barato el platano harton",
    "mandame un aviso si la papa pastusa baja de 2.000 en corabastos",
    "pa donde va el precio del limon tahiti",
    "cuantas toneladas de papa entraron a bogota",
    "de donde viene la naranja que llega a cali",
    "quien gano el partido de ayer",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="GGUF to measure (default: SIPSABOT_LLM_MODEL, else the tiny test model)")
    ap.add_argument("--threads", type=int, help="default: SIPSABOT_LLM_THREADS")
    ap.add_argument("--repeat", type=int, default=1, help="passes over the questions")
    ap.add_argument("--cold-warm", action="store_true", help="time to ready without and with the prompt state file")
    ap.add_argument("--db", help="mirror for the one-shot `sipsabot ask` timing of --cold-warm")
    args = ap.parse_args()
    settings = Settings.from_env()
    model = args.model or settings.llm_model_path
    label = "configured model"
    tmp = None
    if not model:
        from tests.gguf_tiny import write_tiny_llama

        tmp = tempfile.TemporaryDirectory()
        model = str(write_tiny_llama(Path(tmp.name) / "tiny.gguf"))
        label = "TINY RANDOM-WEIGHT TEST MODEL (no SIPSABOT_LLM_MODEL set): machinery only, not real-model speed"
    settings = replace(settings, llm_model_path=model, llm_threads=args.threads or settings.llm_threads,
                       llm_timeout_s=max(settings.llm_timeout_s, 300.0), llm_queue_size=4)
    header = read_header(model)
    print(f"model: {label}")
    print(f"  {header.path.name}: {header.name}, {header.architecture}, {header.quantization}, "
          f"{header.size_bytes / 1e6:.1f} MB, threads {settings.llm_threads}")
    if args.cold_warm:
        cold_warm(model, settings.llm_threads, args.db)
    parser = build_parser(replace(settings, llm_state_dir=""), wait_ready=900)
    if not isinstance(parser, LLMParser) or parser.worker.facts is None:
        print(f"model did not load: {parser.worker.error if isinstance(parser, LLMParser) else 'missing'}")
        return 1
    facts = parser.worker.facts
    print(f"load time: {facts.load_s:.2f} s")
    print(f"system prompt: {facts.prefix_tokens} tokens evaluated once in {facts.prefix_s:.2f} s "
          f"({facts.prefix_tokens / facts.prefix_s:.0f} tokens/s)")
    rows, cpu = [], []
    for _ in range(max(1, args.repeat)):
        for q in QUESTIONS:
            cpu0 = time.process_time()  # the whole process: the model thread is the only thing working
            call = parser.parse(q)
            cpu.append(time.process_time() - cpu0)
            rows.append(call)
            p_tps = call.evaluated_tokens / (call.prompt_ms / 1000) if call.prompt_ms else 0.0
            g_tps = call.generated_tokens / (call.generation_ms / 1000) if call.generation_ms else 0.0
            print(f"  {call.total_s * 1000:8.0f} ms ({cpu[-1]:4.1f} s CPU) {call.outcome:7s} prompt "
                  f"{call.evaluated_tokens:3d}/{call.prompt_tokens} tok {p_tps:7.0f} tok/s  "
                  f"gen {call.generated_tokens:3d} tok {g_tps:6.1f} tok/s"
                  f"  {q[:40]!r} -> {call.intent}")
    parser.close()
    evaluated = sum(c.evaluated_tokens for c in rows)
    prompt_s = sum(c.prompt_ms for c in rows) / 1000
    generated = sum(c.generated_tokens for c in rows)
    gen_s = sum(c.generation_ms for c in rows) / 1000
    times = sorted(c.total_s for c in rows)
    print(f"prompt (question part, system prompt cached): {evaluated / prompt_s if prompt_s else 0:.0f} tokens/s")
    print(f"generation: {generated / gen_s if gen_s else 0:.1f} tokens/s")
    print(f"latency per question: p50 {statistics.median(times) * 1000:.0f} ms, "
          f"p95 {times[min(len(times) - 1, round(0.95 * (len(times) - 1)))] * 1000:.0f} ms, "
          f"max {times[-1] * 1000:.0f} ms over {len(times)} questions")
    cpus = sorted(cpu)
    print(f"CPU time per question: p50 {statistics.median(cpus):.2f} s, "
          f"p95 {cpus[min(len(cpus) - 1, round(0.95 * (len(cpus) - 1)))]:.2f} s (all threads; "
          f"{os.getloadavg()[0]:.1f} load average at the end)")
    complete = sum(c.outcome in ("ok", "invalid") for c in rows)
    ok = sum(c.outcome == "ok" for c in rows)
    print(f"complete schema-valid generations: {complete}/{len(rows)}; accepted by the guard: {ok}/{len(rows)} "
          "(the rest named things the question did not)")
    if tmp is not None:
        tmp.cleanup()
    return 0


UNSURE_ASK = "q onda con lo q vale la papita criolla alla en la central de bogota"


def cold_warm(model: str, threads: int, db: str | None) -> None:
    """Time to ready (load + system prompt in the KV cache) with an empty state folder, then with the file the first
    start saved; and, with a mirror, the wall time of a one-shot `sipsabot ask` in both conditions."""
    with tempfile.TemporaryDirectory() as state_dir:
        for label in ("cold (no state file)", "warm (state file)"):
            t0 = time.perf_counter()
            worker = LLMWorker(model, threads=threads, state_dir=state_dir)
            worker.ready.wait(1800)
            ready = time.perf_counter() - t0
            f = worker.facts
            worker.close()
            if f is None:
                print(f"{label}: did not load: {worker.error}")
                return
            print(f"{label}: ready in {ready:.2f} s (load {f.load_s:.2f} s, system prompt {f.prefix_tokens} tokens "
                  f"{f.prefix_source} in {f.prefix_s:.2f} s)")
        if not db:
            return
        env = {**os.environ, "SIPSABOT_LLM_MODEL": model, "SIPSABOT_LLM_STATE_DIR": state_dir,
               "SIPSABOT_LLM_THREADS": str(threads), "SIPSABOT_LLM_TIMEOUT": "600"}
        for label in ("warm", "cold"):
            if label == "cold":
                for f in Path(state_dir).glob("*.state"):
                    f.unlink()
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "bot.cli", "ask", UNSURE_ASK, "--db", db], cwd=ROOT, env=env,
                                 capture_output=True, text=True, timeout=1800)
            print(f"one-shot sipsabot ask ({label}): {time.perf_counter() - t0:.2f} s wall, exit {out.returncode}; "
                  f"{out.stdout.strip().splitlines()[0][:100] if out.stdout.strip() else out.stderr[-200:]!r}")


if __name__ == "__main__":
    raise SystemExit(main())
