"""Spanish dates in questions: "hoy", "la semana pasada", "hace un mes", "en marzo de 2024", "el 15/04/2024",
"entre enero y marzo", "en 2023", "las últimas 8 semanas", "este mes" ... -> a Period.

Relative expressions count from `today`; "the last N weeks" windows count back from the newest data
(`latest`), because that is what a user asking for a trend wants to see.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from models.lang import int_word
from models.understanding.date_words import MONTH_NAMES, MONTHS, spelled_numbers
from models.understanding.date_words import MONTH_RE as _MONTH_RE
from models.understanding.date_words import NUM_RE as _NUM
from models.understanding.date_words import UNIT_RE as _UNIT

_ORDINALS = {"primer": 1, "primero": 1, "1er": 1, "1": 1, "segundo": 2, "2do": 2, "2": 2, "tercer": 3, "tercero": 3,
             "3er": 3, "3": 3, "cuarto": 4, "4to": 4, "4": 4}
_PART_MONTHS = {"trimestre": 3, "semestre": 6}
PART_NAMES = {"quarter": ("trimestre", ["", "primer", "segundo", "tercer", "cuarto"]),
              "semester": ("semestre", ["", "primer", "segundo"])}
_PART_RE = re.compile(r"\b(?:el |la |del |en el )?(primer|primero|1er|segundo|2do|tercer|tercero|3er|cuarto|4to|ultimo"
                      r"|[1-4]) (trimestre|semestre)(?: (?:de |del )?(?:a[nñ]o )?(\d{4})"
                      r"| (?:de |del )((?:este |el )?a[nñ]o(?: pasado| anterior)?))?\b")
_PART_RELATIVE = re.compile(r"\b(?:el |este |del |en el )?(trimestre|semestre) ?(pasado|anterior|actual)?\b")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    kind: str  # day | week | month | quarter | semester | year | range | since (to the newest data) | window
    phrase: str = ""  # the words that expressed it
    grain: str = ""  # a range between two months or two years ("entre junio y septiembre"): compare their means
    compared: bool = False  # the two ends were set against each other ("octubre frente a septiembre", "X que Y")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(text: str | None, today: dt.date) -> int | None:
    if not text:
        return None
    value = int(text)
    if value < 100:
        value += 2000
    return value if 1990 <= value <= today.year + 5 else None


def _past_month(month: int, today: dt.date) -> int:
    """The year of the most recent `month` that is not in the future."""
    return today.year if month <= today.month else today.year - 1


def _shift_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """SIPSA weeks run Saturday to Friday."""
    start = day - dt.timedelta(days=(day.weekday() - 5) % 7)
    return start, start + dt.timedelta(days=6)


def _point(text: str, today: dt.date) -> tuple[dt.date, dt.date, str] | None:
    found = _point_len(text, today)
    return (found[0], found[1], found[2]) if found else None


# Fixed-date days people name instead of a date ("el día de las velitas", "en navidad").
HOLIDAYS = {"velitas": (12, 7), "noche de velitas": (12, 7), "dia de las velitas": (12, 7), "nochebuena": (12, 24),
            "navidad": (12, 25), "dia de navidad": (12, 25), "ano nuevo": (1, 1), "año nuevo": (1, 1),
            "fin de ano": (12, 31), "fin de año": (12, 31), "halloween": (10, 31), "dia de los niños": (10, 31),
            "dia de la independencia": (7, 20), "batalla de boyaca": (8, 7)}
_HOLIDAY_RE = ("(?:el |la |en |para )?(" + "|".join(sorted(map(re.escape, HOLIDAYS), key=len, reverse=True))
               + r")\b(?: (?:de |del )?(\d{4}))?")


def _ago(n: int, unit: str, today: dt.date) -> dt.date:
    """The day `n` units before today ("hace 3 semanas", "hace un año")."""
    if unit.startswith("dia"):
        return today - dt.timedelta(days=n)
    if unit.startswith("semana"):
        return today - dt.timedelta(weeks=n)
    if unit.startswith("mes"):
        return _shift_months(today, n)
    if unit[:9] in _PART_MONTHS:
        return _shift_months(today, n * _PART_MONTHS[unit[:9]])
    return _shift_months(today, 12 * n)


def _point_len(text: str, today: dt.date) -> tuple[dt.date, dt.date, str, int] | None:
    """A single day, month or year expression at the start of `text`, with the length it used."""
    m = re.match(_HOLIDAY_RE, text)
    if m:
        month, day_of = HOLIDAYS[m.group(1)]
        said_year = _year(m.group(2), today)
        holiday = dt.date(said_year or (today.year if (month, day_of) <= (today.month, today.day)
                                        else today.year - 1), month, day_of)
        return holiday, holiday, "day", m.end()
    m = _REL_YEAR.match(text)
    rel = _relative_month(m, today) if m else None
    if m and rel is not None:
        return rel.start, rel.end, rel.kind, m.end()
    m = re.match(rf"hace {_NUM} {_UNIT}", text)  # "desde hace un mes", "de hace tres semanas a hoy"
    year_ago = m is not None and (m.group(2).startswith(("a", "añ")) or (
        m.group(2).startswith("mes") and (int_word(m.group(1)) or 1) % 12 == 0))
    if m and not year_ago:  # ("frente a hace un año", "hace 12 meses": the year-over-year question)
        start, end = _week_of(_ago(int_word(m.group(1)) or 1, m.group(2), today))
        return start, end, "week", m.end()
    m = re.match(r"(?:la )?semana (pasada|anterior|antepasada)\b", text)
    if m:
        start, end = _week_of(today - dt.timedelta(days=14 if m.group(1) == "antepasada" else 7))
        return start, end, "week", m.end()
    m = re.match(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2,4})\b", text)
    if m:
        year = _year(m.group(3), today)
        day = _safe_date(year, int(m.group(2)), int(m.group(1))) if year else None
        return (day, day, "day", m.end()) if day else None
    m = re.match(rf"(\d{{1,2}})[-/ ]{_MONTH_RE}[-/ ](\d{{2,4}})\b", text)  # "6-sep-2025", "25/oct/25"
    if m:
        year = _year(m.group(3), today)
        day = _safe_date(year, MONTHS[m.group(2)], int(m.group(1))) if year else None
        return (day, day, "day", m.end()) if day else None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})\b", text)
    if m:
        day = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (day, day, "day", m.end()) if day else None
    m = re.match(rf"(\d{{1,2}}) (?:de )?{_MONTH_RE}\b(?: (?:de |del )?(\d{{4}}))?", text)
    if m:
        month = MONTHS[m.group(2)]
        year = _year(m.group(3), today) or _past_month(month, today)
        day = _safe_date(year, month, int(m.group(1)))
        return (day, day, "day", m.end()) if day else None
    m = re.match(rf"{_MONTH_RE}\b(?: (?:de |del )?(\d{{4}}))?", text)
    if m:
        month = MONTHS[m.group(1)]
        year = _year(m.group(2), today) or _past_month(month, today)
        return dt.date(year, month, 1), _month_end(year, month), "month", m.end()
    m = re.match(r"(?:el )?(?:a[nñ]o )?(\d{4})\b", text)
    if m:
        year = _year(m.group(1), today)
        if year:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", m.end()
    m = re.match(r"(?:el )?(primer|primero|1er|segundo|2do|tercer|tercero|3er|cuarto|4to|[1-4]) (trimestre|semestre)"
                 r"(?: (?:de |del )?(?:a[nñ]o )?(\d{4}))?\b", text)
    if m:
        months = _PART_MONTHS[m.group(2)]
        index = _ORDINALS.get(m.group(1).replace("primero", "primer").replace("tercero", "tercer"), 1)
        if index * months > 12:
            return None
        year = _year(m.group(3), today) or today.year
        start, end = _part(year, index, months)
        return start, end, "quarter" if months == 3 else "semester", m.end()
    return None


def parse_period(text: str, today: dt.date, latest: dt.date | None = None) -> Period | None:
    """Find the first period expression in normalised text (see models.lang.normalise)."""
    anchor = latest or today
    text = _ORDINAL_ELLIPSIS.sub(_part_again, _ELLIPSIS.sub(_said_again, spelled_numbers(text)))
    m = re.search(rf"\b(primera|segunda|tercera|cuarta|ultima) semana (?:de |del mes de )?{_MONTH_RE}\b"
                  rf"(?: (?:de |del )?(\d{{4}}))?", text)
    if m:
        month = MONTHS[m.group(2)]
        said = _REL_YEAR.match(text, m.start(2))  # "la primera semana de febrero del año pasado"
        said_year = _relative_year(said, today) if said else None
        year = said_year or _year(m.group(3), today) or _past_month(month, today)
        phrase_end = said.end() if said and said_year else m.end()
        last = _month_end(year, month)
        day = last - dt.timedelta(days=3) if m.group(1) == "ultima" else dt.date(
            year, month, 1 + 7 * ["primera", "segunda", "tercera", "cuarta"].index(m.group(1)) + 3)
        start, end = _week_of(day)
        return Period(start, end, "week", text[m.start():phrase_end])
    # ranges: "entre X y Y", "desde X hasta Y", "de X a Y", "X frente a Y", "en 2024 que en 2023"
    for rm in re.finditer(r"\b(?:entre|desde|del|de|el|en|(?P<compare>compar\w*)) (?:el |la semana del |la del )?"
                          r"|(?<![\d$.,])(?<!\d )\b(?=(?:(?:19|20)\d{2}|(?:\d{1,2} (?:de )?)?" + _FULL_MONTHS
                          + r"(?: (?:de )?\d{4})?"
                          r"|(?:primer|segundo|tercer|cuarto) (?:trimestre|semestre)(?: (?:de |del )?\d{4})?)"
                          r",? ?(?:contra|vs|versus|frente|y|a|al|hasta|-) ?)", text):
        first = _point_len(text[rm.end():], today)
        if not first:
            continue
        rest = text[rm.end() + first[3]:]
        link = _RANGE_LINK.match(rest)
        asked_compare = rm.group("compare") or re.search(r"\bcompar\w*", text[:rm.start()]) is not None
        if link is None and asked_compare:
            # "compara octubre 2025 con octubre 2024", "compare el precio … el 1 de julio de 2024 con el del 1 …"
            link = re.match(r",? con (?:el del |la del |el de |la de |el |la )?", rest)
        if link is None:
            continue
        second = _point_len(rest[link.end():], today)
        if not second:
            continue
        compared = bool(asked_compare) or link.groupdict().get("versus") is not None
        phrase = text[rm.start():rm.end() + first[3] + link.end() + second[3]]
        start, end = first[0], second[1]
        first_has_year = re.search(r"\d{4}|a[nñ]o", text[rm.end():rm.end() + first[3]]) is not None
        second_has_year = re.search(r"\d{4}|a[nñ]o", rest[link.end():link.end() + second[3]]) is not None
        if first[2] in _PART_KINDS | {"day"} and not first_has_year and not compared:
            # "entre enero y marzo de 2024", "entre el 10 de marzo y el 10 de septiembre de 2024": the first point
            # takes the year of the second
            year = second[0].year if (start.month, start.day) <= (second[0].month, second[0].day) \
                else second[0].year - 1
            start = start.replace(year=year)
        elif compared and first[2] in _PART_KINDS and not first_has_year and second_has_year:
            # "septiembre frente a marzo de 2024": the month without a year is in the year said for the other
            moved = first[0].replace(year=second[0].year)
            first = (moved, unit_end(moved, first[2]), first[2], first[3])
        elif compared and second[2] in _PART_KINDS and not second_has_year and first_has_year:
            moved = second[0].replace(year=first[0].year)
            second = (moved, unit_end(moved, second[2]), second[2], second[3])
        if rm.group(0).startswith("entre") and not compared and second[1] < start:
            first, second = second, first  # "entre la semana pasada y hace tres semanas": either order
            start, end = first[0], second[1]
        if compared and second[0] < first[0]:  # "octubre frente a septiembre": the change runs forward in time
            first, second = second, first
            start, end = first[0], second[1]
        if first[2] == "day":
            start = _week_of(start)[0]  # a change from a day starts at the week that holds it
        grain = first[2] if first[2] == second[2] and first[2] in _PART_KINDS | {"year"} else ""
        if start <= end:
            return Period(start, end, "range", phrase, grain, compared)
    part = _year_part(text, today)
    if part is not None:
        return part
    versus = _compared_points(text, today, latest)
    if versus is not None:
        return versus
    since = _since(text, today, anchor)
    if since is not None:
        return since
    month_rel = _month_of_relative_year(text, today)
    if month_rel is not None:
        return month_rel
    m = re.search(rf"\b(?:en |durante )?(?:las |los )?ultim[oa]s? {_NUM}? ?{_UNIT}", text)
    if m:
        n = int_word(m.group(1)) if m.group(1) else 1
        n = max(1, min(n or 1, 520))
        unit = m.group(2)
        if unit.startswith("dia"):
            start = anchor - dt.timedelta(days=n - 1)
        elif unit.startswith("semana"):
            start = anchor - dt.timedelta(weeks=n - 1)
        elif unit.startswith("mes"):
            start = _shift_months(anchor, n) + dt.timedelta(days=1)
        elif unit[:9] in _PART_MONTHS:
            start = _shift_months(anchor, n * _PART_MONTHS[unit[:9]]) + dt.timedelta(days=1)
        else:
            start = _shift_months(anchor, 12 * n) + dt.timedelta(days=1)
        return Period(start, anchor + dt.timedelta(days=6 if unit.startswith("semana") else 0), "window", m.group(0))
    m = re.search(rf"\bhace {_NUM} {_UNIT}", text)
    if m:
        start, end = _week_of(_ago(int_word(m.group(1)) or 1, m.group(2), today))
        return Period(start, end, "week", m.group(0))
    m = re.search(r"\b(la )?semana antepasada\b", text)
    if m:
        start, end = _week_of(today - dt.timedelta(days=14))
        return Period(start, end, "week", m.group(0))
    m = re.search(r"\b(el )?mes antepasado\b", text)
    if m:
        month_start = _shift_months(today.replace(day=1), 2)
        return Period(month_start, _month_end(month_start.year, month_start.month), "month", m.group(0))
    m = re.search(r"\b(la )?semana (pasada|anterior)\b", text)
    if m:
        start, end = _week_of(today - dt.timedelta(days=7))
        return Period(start, end, "week", m.group(0))
    if re.search(r"\bayer\b", text):
        day = today - dt.timedelta(days=1)
        return Period(day, day, "day", "ayer")
    m = re.search(r"\b(el )?mes (pasado|anterior)\b", text)
    if m:
        month_start = _shift_months(today.replace(day=1), 1)
        return Period(month_start, _month_end(month_start.year, month_start.month), "month", m.group(0))
    m = re.search(r"\b(el )?a[nñ]o (pasado|anterior)\b", text)
    if m:
        return Period(dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31), "year", m.group(0))
    m = re.search(r"\beste mes\b", text)
    if m:
        return Period(today.replace(day=1), _month_end(today.year, today.month), "month", m.group(0))
    m = re.search(r"\beste a[nñ]o\b", text)
    if m:
        return Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31), "year", m.group(0))
    for pattern in (r"\b" + _HOLIDAY_RE, r"\b\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}\b", r"\b\d{4}-\d{2}-\d{2}\b",
                    rf"\b\d{{1,2}} (?:de )?{_MONTH_RE}\b(?: (?:de |del )?\d{{4}})?",
                    rf"\b(?:en|de|para|durante|del mes de|el mes de|mes de) {_MONTH_RE}\b(?: (?:de |del )?\d{{4}})?",
                    rf"\b{_MONTH_RE} (?:de |del )?\d{{4}}\b",
                    r"\b(?:en|del|de|durante|para)(?: todo| toda)? (?:el )?(?:a[nñ]o )?(?:19|20)\d{2}\b",
                    # a month alone ("mora bucaramanga septiembre")
                    r"\b" + _FULL_MONTHS + r"\b(?: (?:de |del )?\d{4})?",
                    # a year alone ("pechuga de pollo Sincelejo 2023"), never money ("de 2000", "$2000", "2000 pesos")
                    r"(?<![\d$.,/-])(?<!\bde )(?<!\ba )(?<!\blos )(?<!\bmas )(?<!\bmenos )\b20[0-3]\d\b"
                    r"(?! ?(?:pesos|cop|mil|\$|kg|kilos?|/))"):
        m = re.search(pattern, text)
        if m:
            phrase = m.group(0)
            body = re.sub(r"^(?:en|de|para|durante|del mes de|el mes de|mes de|del|el)\s+(?:todo |toda )?", "", phrase)
            body = re.sub(r"^(?:el )?(?:a[nñ]o )", "", body)
            found = _point(body, today) or _point(phrase, today)
            if found:
                return Period(found[0], found[1], found[2], phrase)
    return None


_PART_KINDS = frozenset({"month", "quarter", "semester"})
_FULL_MONTHS = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
_RANGE_LINK = re.compile(r",? ?(?:(?:y el del|y la del|y el de|y la de|y el|y en|y la semana del|y|hasta el"
                         r"|hasta la del|hasta|al|a la del|a|-)"
                         r"|(?P<versus>vs\.?|versus|frente al|frente a|frente|contra|comparado con el|comparado con"
                         r"|con respecto al|que en el|que en|que el|o en el|o en|o el|o))"
                         r" ?(?:el promedio de |el promedio del |el promedio |promedio de |promedio del |promedio "
                         r"|la semana del |semana del |la del |el del |el |en |la )?")
_SINCE = re.compile(r"\b(?:desde|a partir de|despues de|frente al?|comparado con|con respecto al?|respecto al?"
                    r"|en comparacion con|(?P<plain>del?)) (?:la semana del |el del |la del |del |el |la "
                    r"|(?:inicios|principios|comienzos"
                    r"|finales|mediados) de )?")
_UNTIL_NOW = re.compile(r" ?(?:,? ?(?:hasta|a|al) (?:el |la |lo )?(?:ultimo dato|ultimos datos|dato mas reciente"
                        r"|ultima semana|ultimo precio|hoy|ahora|ahorita|la fecha|fecha|momento|actualidad"
                        r"|presente|dia de hoy|ultimo|mas reciente)|,? ?(?:para|a|hasta) aca)\b")


_UNIT_MONTHS = {"month": 1, "quarter": 3, "semester": 6, "year": 12}


def unit_end(start: dt.date, kind: str) -> dt.date:
    """The last day of the month, quarter, semester or year that starts on `start`."""
    month = start.month - 1 + _UNIT_MONTHS[kind]
    return dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def unit_start(end: dt.date, kind: str) -> dt.date:
    """The first day of the month, quarter, semester or year that ends on `end`."""
    month = end.month - _UNIT_MONTHS[kind]  # 0-based month of the start
    return dt.date(end.year + month // 12, month % 12 + 1, 1)


_VERSUS = re.compile(r"\b(?:comparad[oa]s? con|frente al?|respecto al?|con respecto al?|vs\.?|versus|contra) "
                     r"(?:la semana del |el mes de |el del |la del |el de |la de |el |la )?")
_POINT_KINDS = frozenset({"day", "week", "month", "quarter", "semester", "year"})


# "el primer trimestre de 2025 con el de 2024", "marzo de 2025 frente al del 2024": the second period is the first
# one's kind in another year, said again so the range reader sees two periods
_ELLIPSIS = re.compile(r"\b((?:primer|segundo|tercer|cuarto) (?:trimestre|semestre)|" + _FULL_MONTHS
                       + r") (?:de |del )?((?:19|20)\d{2})(,? (?:con|frente a|frente|vs|versus|contra|y|que|a|o)) "
                       r"(el|la|al|lo) (?:de|del) ((?:19|20)\d{2})\b")


def _said_again(m: re.Match[str]) -> str:
    return f"{m.group(1)} de {m.group(2)}{m.group(3)} {m.group(4)} {m.group(1)} de {m.group(5)}"


# "el tercer trimestre de 2025 vs el segundo": the other part of the same year
_ORDINAL_ELLIPSIS = re.compile(r"\b(primer|segundo|tercer|cuarto) (trimestre|semestre) (?:de |del )?((?:19|20)\d{2})"
                               r"(,? (?:con|frente a|frente|vs|versus|contra|y|que|a|o)) (el|al|del) (primero|primer"
                               r"|segundo|tercero|tercer|cuarto)\b(?! (?:trimestre|semestre))")


def _part_again(m: re.Match[str]) -> str:
    other = {"primero": "primer", "tercero": "tercer"}.get(m.group(6), m.group(6))
    return f"{m.group(1)} {m.group(2)} de {m.group(3)}{m.group(4)} {m.group(5)} {other} {m.group(2)} de {m.group(3)}"


def _compared_points(text: str, today: dt.date, latest: dt.date | None) -> Period | None:
    """"comparado con agosto, ¿cómo estuvo en septiembre?": a point set against another point said elsewhere in
    the question is the change between them (in time order); with no other point it is "since" (see _since)."""
    for vm in _VERSUS.finditer(text):
        first = _point_len(text[vm.end():], today)
        if not first:
            continue
        rest = text[:vm.start()] + " " + text[vm.end() + first[3]:]
        other = parse_period(rest, today, latest)
        if other is None or other.kind not in _POINT_KINDS:
            continue
        a, b = sorted([(first[0], first[1], first[2]), (other.start, other.end, other.kind)])
        start = _week_of(a[0])[0] if a[2] == "day" else a[0]
        grain = a[2] if a[2] == b[2] and a[2] in _PART_KINDS | {"year"} else ""
        phrase = text[vm.start():vm.end() + first[3]] + " " + other.phrase
        return Period(start, b[1], "range", phrase, grain, True)
    return None


def _since(text: str, today: dt.date, anchor: dt.date) -> Period | None:
    """"desde enero", "a partir del 15 de agosto hasta el último dato": from a point to the newest data."""
    for sm in _SINCE.finditer(text):
        first = _point_len(text[sm.end():], today)
        if not first:
            continue
        tail = _UNTIL_NOW.match(text, sm.end() + first[3])
        if sm.group("plain") and not tail:
            continue  # "de marzo" alone is a month; "del 1 de junio a hoy" runs to the newest data
        end = tail.end() if tail else sm.end() + first[3]
        last = max(anchor + dt.timedelta(days=6), first[1])
        start = _week_of(first[0])[0]  # the week that holds the day (a month's: its first day)
        return Period(start, last, "since", text[sm.start():end])
    return None


_REL_YEAR = re.compile(rf"\b(?:(\d{{1,2}}) (?:de )?)?{_MONTH_RE} (?:de |del )"
                       r"(?:(este a[nñ]o|el a[nñ]o actual|a[nñ]o actual)"
                       r"|(?:el )?a[nñ]o (pasado|anterior|antepasado|que paso)"
                       rf"|hace {_NUM} a[nñ]os?|(?:el )?a[nñ]o (\d{{4}}))\b")


def _month_of_relative_year(text: str, today: dt.date) -> Period | None:
    """A month (or a day of it) in a year said in words: "febrero del año pasado", "marzo de este año",
    "abril de hace dos años", "el 3 de mayo del año antepasado", "junio del año 2023"."""
    m = _REL_YEAR.search(text)
    return _relative_month(m, today) if m else None


def _relative_year(m: re.Match[str], today: dt.date) -> int | None:
    if m.group(3):
        year = today.year
    elif m.group(4):
        year = today.year - (2 if m.group(4) == "antepasado" else 1)
    elif m.group(5):
        year = today.year - (int_word(m.group(5)) or 1)
    else:
        return _year(m.group(6), today)
    return year


def _relative_month(m: re.Match[str], today: dt.date) -> Period | None:
    year = _relative_year(m, today)
    if year is None:
        return None
    month = MONTHS[m.group(2)]
    if m.group(1):
        day = _safe_date(year, month, int(m.group(1)))
        return Period(day, day, "day", m.group(0)) if day else None
    return Period(dt.date(year, month, 1), _month_end(year, month), "month", m.group(0))


def _part(year: int, index: int, months: int) -> tuple[dt.date, dt.date]:
    """The `index`-th (1-based) block of `months` months of `year`: quarter (3) or half-year (6)."""
    first = (index - 1) * months + 1
    return dt.date(year, first, 1), _month_end(year, first + months - 1)


def _year_part(text: str, today: dt.date) -> Period | None:
    """Quarters and half-years: "el primer trimestre de 2024", "el segundo semestre del año pasado",
    "el trimestre pasado", "este semestre". "El último trimestre" without a year is a window (the parser's
    "las últimas N ..." rule): the latest three months of data."""
    m = _PART_RE.search(text)
    said = m.group(3) or m.group(4) if m else None
    if m and not (m.group(1) == "ultimo" and said is None):
        unit = m.group(2)
        months = _PART_MONTHS[unit]
        count = 12 // months
        index = count if m.group(1) == "ultimo" else _ORDINALS[m.group(1)]
        if index > count:
            return None
        if said is None:  # the most recent one that has started
            year = today.year if _part(today.year, index, months)[0] <= today else today.year - 1
        elif said[0].isdigit():
            found = _year(said, today)
            if found is None:
                return None
            year = found
        else:
            year = today.year - 1 if re.search(r"pasado|anterior", said) else today.year
        start, end = _part(year, index, months)
        return Period(start, end, "quarter" if months == 3 else "semester", m.group(0).strip())
    m = _PART_RELATIVE.search(text)
    if m and (m.group(2) or re.match(r"\s*este ", m.group(0))):
        months = _PART_MONTHS[m.group(1)]
        current = (today.month - 1) // months + 1
        year, index = today.year, current
        if m.group(2) in {"pasado", "anterior"}:
            year, index = (year, index - 1) if index > 1 else (year - 1, 12 // months)
        start, end = _part(year, index, months)
        return Period(start, end, "quarter" if months == 3 else "semester", m.group(0).strip())
    return None


def describe(period: Period) -> str:
    """Spanish words for a period, e.g. 'marzo de 2024', 'la semana del 12/04/2024 al 18/04/2024'."""
    if period.kind == "day":
        return f"el {fmt_date(period.start)}"
    if period.kind == "month":
        return f"{MONTH_NAMES[period.start.month]} de {period.start.year}"
    if period.kind == "year":
        return f"{period.start.year}"
    if period.kind in PART_NAMES:
        unit, ordinals = PART_NAMES[period.kind]
        index = (period.start.month - 1) // _PART_MONTHS[unit] + 1
        return f"el {ordinals[index]} {unit} de {period.start.year}"
    if period.kind == "week":
        return f"la semana del {fmt_date(period.start)} al {fmt_date(period.end)}"
    if period.kind == "since":
        return f"desde el {fmt_date(period.start)} hasta el dato más reciente"
    return f"del {fmt_date(period.start)} al {fmt_date(period.end)}"


def fmt_date(day: dt.date | str) -> str:
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return day.strftime("%d/%m/%Y")


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    return _week_of(day)
