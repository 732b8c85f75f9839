"""Spanish text and JSON for a forecast. Every figure comes from the ForecastResult."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.forecast.candidates import BY_KEY, SWITCH_MARGIN
from models.forecast.types import FREQS, ForecastResult
from models.render import SOURCE as DATA_SOURCE

SOURCE = f"{DATA_SOURCE}; pronóstico de SIPSABot"
CAVEAT = ("Ojo: los choques (clima, paros o bloqueos de vías, cambios bruscos de oferta) rompen cualquier "
          "modelo; tome el pronóstico como referencia, no como certeza.")


def pesos(value: float) -> str:
    """Colombian pesos: $3.850 (no decimals, '.' for thousands)."""
    return "$" + f"{round(value):,}".replace(",", ".")


def unit_suffix(unit: str) -> str:
    return "/" + unit.split("/", 1)[1] if "/" in unit else ""


def _date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")


def period_label(iso: str, freq: str) -> str:
    day = dt.date.fromisoformat(iso)
    if freq == "W":
        return f"semana del {day:%d/%m/%Y}"
    if freq == "M":
        months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                  "octubre", "noviembre", "diciembre"]
        return f"{months[day.month - 1]} de {day.year}"
    return f"{day:%d/%m/%Y}"


def _num(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def _model_line(r: ForecastResult) -> str:
    """Which model, why, and its backtest MASE against the naive forecast, honestly (also when it did not win)."""
    chosen = r.chosen
    naive = next((s for s in r.scores if s.model == "naive"), None)
    margin = f"{SWITCH_MARGIN * 100:.0f}%"
    if r.step_models:
        return _steps_line(r, naive)
    if r.model == "naive" and r.fallback_from:
        return (f"Modelo: el backtest de {r.origins} orígenes eligió {BY_KEY[r.fallback_from].label}, pero su "
                "ajuste final falló con los datos más recientes; por prudencia se usa el pronóstico ingenuo "
                f"(repetir el último valor). MASE del ingenuo {_num(chosen.mase)}.")
    if r.model == "naive":
        best = next((s for s in r.scores if s.model != "naive"), None)
        extra = (f" (el mejor, {BY_KEY[best.model].label}, tuvo un error {_num(best.vs_naive)} veces el del "
                 "ingenuo)") if best else ""
        return (f"Modelo: ningún modelo superó al pronóstico ingenuo (repetir el último valor) en el backtest "
                f"de {r.origins} orígenes{extra}; se usa el ingenuo. MASE {_num(chosen.mase)}.")
    versus = f"MASE {_num(chosen.mase)} frente a {_num(naive.mase) if naive else '–'} del ingenuo"
    if chosen.vs_naive < 1:
        versus += f" (error {_num((1 - chosen.vs_naive) * 100, 0)}% menor que repetir el último valor)"
    else:
        versus += (f"; no lo superó (error {_num(chosen.vs_naive)} veces el del ingenuo), pero la diferencia no "
                   f"llega al {margin} que se exige para cambiar de modelo: no tiene ventaja demostrada sobre "
                   "repetir el último valor")
    if r.model == "combo":
        why = (f"el modelo por defecto; en el backtest de {r.origins} orígenes ningún otro candidato tuvo un error "
               f"al menos {margin} menor")
    elif any(s.model == "combo" for s in r.scores):
        why = (f"elegido por backtest en {r.origins} orígenes: su error fue al menos {margin} menor que el de la "
               "combinación (el modelo por defecto)")
    else:
        why = f"el de menor error en el backtest de {r.origins} orígenes"
    return f"Modelo: {r.model_label}, {why}. {versus}."


def _steps_line(r: ForecastResult, naive: Any) -> str:
    """The model per week of the horizon (rules.py: fixed per horizon on the validation year)."""
    spans: list[tuple[int, int, str]] = []
    for i, key in enumerate(r.step_models, start=1):
        if spans and spans[-1][2] == key:
            spans[-1] = (spans[-1][0], i, key)
        else:
            spans.append((i, i, key))
    parts = [(f"semana {a}" if a == b else f"semanas {a}-{b}") + f": {BY_KEY[k].label}" for a, b, k in spans]
    scores = {s.model: s for s in r.scores}
    last = scores.get(r.step_models[-1])
    versus = ""
    if last is not None and naive is not None and r.step_models[-1] != "naive":
        versus = (f" En el backtest de esta serie ({r.origins} orígenes) el de la última semana tuvo MASE "
                  f"{_num(last.mase)} frente a {_num(naive.mase)} del ingenuo.")
    return ("Modelo por horizonte, elegido con el backtest del año de validación sobre cientos de series (donde "
            "nada superó al ingenuo, se usa el ingenuo): " + "; ".join(parts) + "." + versus)


def forecast_text(r: ForecastResult) -> str:
    singular, plural, _, _ = FREQS[r.freq]
    per = unit_suffix(r.unit)
    freq_word = {"W": "semanal", "M": "mensual", "D": "diario"}[r.freq]
    lines = []
    if r.demo:
        lines.append("⚠️ DATOS DE DEMOSTRACIÓN (ficticios): este pronóstico no describe precios reales.")
    next_word = ("próxima" if r.freq == "W" else "próximo") if r.horizon == 1 else (
        "próximas" if r.freq == "W" else "próximos")
    lines.append(f"Pronóstico {freq_word} de {r.product} en {r.market} ({r.unit}), "
                 f"{next_word} {r.horizon} {singular if r.horizon == 1 else plural}:")
    lines.append(f"Último dato real: {pesos(r.last_value)}{per}, {period_label(r.last_date, r.freq)}.")
    if r.stale_days is not None and r.stale_days > {"W": 14, "M": 70, "D": 4}[r.freq]:
        lines.append(f"Atención: el dato más reciente tiene {r.stale_days} días; el pronóstico parte de esa fecha.")
    for p in r.points:
        lines.append(f"• {period_label(p.date, r.freq)}: {pesos(p.value)}{per} "
                     f"(80%: {pesos(p.lo80)} – {pesos(p.hi80)})")
    lines.append(_model_line(r))
    if r.coverage80 is not None:
        cov95 = f", 95% → {r.coverage95 * 100:.0f}%" if r.coverage95 is not None else ""
        lines.append(f"Intervalos conformales, calibrados por separado para cada paso del horizonte con los "
                     f"errores del backtest; cobertura medida: 80% → "
                     f"{r.coverage80 * 100:.0f}%{cov95}.")
    lines.extend(r.notes)
    lines.append(CAVEAT)
    lines.append(SOURCE + (" (datos de demostración)" if r.demo else ""))
    return "\n".join(lines)


def forecast_json(r: ForecastResult) -> dict[str, Any]:
    data = r.to_json()
    data["text"] = forecast_text(r)
    data["source"] = SOURCE
    return data
