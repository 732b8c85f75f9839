"""Spanish date words as the period reader needs them: month names, the number and unit patterns, and the
rewriting of a question's date phrases into the forms models/dates.py reads ("dos mil veinticuatro" -> 2024, "Q2"
-> "segundo trimestre", "en lo que va del año" -> "este año", "hace 4 semanas vs ahora" -> "desde hace 4 semanas
hasta hoy")."""

from __future__ import annotations

import re

MONTHS = {
    "enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4, "abr": 4, "mayo": 5, "may": 5,
    "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "sep": 9,
    "sept": 9, "octubre": 10, "oct": 10, "noviembre": 11, "nov": 11, "diciembre": 12, "dic": 12,
}
MONTH_NAMES = ["", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
               "octubre", "noviembre", "diciembre"]
MONTH_RE = ("(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
             "|ene|feb|mar|abr|may|jun|jul|ago|sept|sep|oct|nov|dic)")
NUM_RE = r"(\d{1,3}|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta)"
UNIT_RE = r"(dias?|semanas?|mes|meses|trimestres?|semestres?|anos?|años?)"


_UNITS_WORDS = {"uno": 1, "un": 1, "primero": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
                "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
                "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21,
                "veintiun": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
                "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30}
_SPELLED_YEAR = re.compile(r"\bdos mil (" + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True)) + r")\b")
_SPELLED_DAY = re.compile(r"\b(" + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
                          + r"|treinta y uno) (de )?" + MONTH_RE + r"\b")


_QUARTER_CODE = re.compile(r"\b([qt])([1-4])\b")  # "Q2 2023", "T3"
_ELLIPTIC_PART = re.compile(r"\b(primer|segundo|tercer) (al|y el|hasta el|a) (segundo|tercer|cuarto) "
                            r"(trimestre|semestre)")


# "el segundo trimestre frente al primero (del 2025)": the second quarter named by its ordinal alone
_VERSUS_ELLIPTIC = re.compile(r"\b(?:primer|segundo|tercer|cuarto) (trimestre|semestre) (?:frente al?|vs|contra"
                              r"|comparado con el) (?:primero|primer|segundo|tercero|tercer|cuarto)\b"
                              r"(?! trimestre| semestre)")


# "en lo que va del año", "lo corrido de 2025", "en lo que llevamos del mes": the year (month) so far, which for
# weekly data is the same weeks as the whole year (month) asked
_SO_FAR = re.compile(r"\blo (?:que va|que llevamos|que lleva|corrido) (?:del? |de este |de esta )?"
                     r"(?:(\d{4})|(a[nñ]o|mes|semestre|trimestre))\b")


_VS_NOW = re.compile(rf"\b(hace {NUM_RE} {UNIT_RE}|(?:el )?\d{{1,2}} de {MONTH_RE}(?: de \d{{4}})?) (?:vs\.?|versus"
                     r"|frente a|contra|comparado con|a) (?:ahora|hoy|el ultimo dato|lo ultimo|este momento)\b")


def spelled_numbers(text: str) -> str:
    """"el quince de mayo de dos mil veinticuatro" -> "el 15 de mayo de 2024": days and years said in words; also
    quarter codes ("Q2 2023" -> "2 trimestre 2023") and "del primer al tercer trimestre" spelled out."""
    text = re.sub(r"\b([1-4])(?:o|do|ro|to|er) (trimestre|semestre)\b", r"\1 \2", text)  # "2º trimestre"
    text = _VERSUS_ELLIPTIC.sub(lambda m: f"{m.group(0).replace('primero', 'primer').replace('tercero', 'tercer')} "
                                          f"{m.group(1)}", text)
    text = _QUARTER_CODE.sub(lambda m: f"{('primer', 'segundo', 'tercer', 'cuarto')[int(m.group(2)) - 1]} trimestre",
                             text)
    text = _ELLIPTIC_PART.sub(lambda m: f"{m.group(1)} {m.group(4)} {m.group(2)} {m.group(3)} {m.group(4)}", text)
    text = _SPELLED_YEAR.sub(lambda m: str(2000 + _UNITS_WORDS[m.group(1)]), text)
    text = _SO_FAR.sub(lambda m: m.group(1) or f"este {m.group(2)}", text)  # "en lo que va del año" = this year
    text = _VS_NOW.sub(r"desde \1 hasta hoy", text)  # "hace 4 semanas vs ahora": from then to the newest data
    return _SPELLED_DAY.sub(lambda m: f"{31 if m.group(1) == 'treinta y uno' else _UNITS_WORDS[m.group(1)]} "
                            f"{m.group(2) or ''}{m.group(3)}", text)
