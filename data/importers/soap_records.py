"""The six SIPSA SOAP operations as records: which fact table each one fills and how one record (a flat dict of
field name -> text, as in the XML response or a zeep JSON dump) becomes a row. Shared by the XML and JSON
importers, so both formats give exactly the same rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from data.importers.base import Batch, price_problem
from data.text import clean_name, fold

BOGOTA = dt.timezone(dt.timedelta(hours=-5))
CHUNK = 50_000  # rows per sorted upsert: bounds memory whatever the response size

Record = Mapping[str, str]


class Rejected(Exception):
    """A record that cannot become a row; the message is the (Spanish) reason, counted per import."""


@dataclass(frozen=True)
class Operation:
    name: str  # SOAP operation
    table: str  # fact table (schema.FACTS)
    dataset: str  # data.status.DATASETS name


OPERATIONS: dict[str, Operation] = {
    o.name: o
    for o in (
        Operation("promediosSipsaCiudad", "daily_city_prices", "daily-city"),
        Operation("promediosSipsaParcial", "daily_prices", "daily"),
        Operation("promediosSipsaSemanaMadr", "weekly_prices", "weekly"),
        Operation("promediosSipsaMesMadr", "monthly_prices", "monthly"),
        Operation("promedioAbasSipsaMesMadr", "monthly_supply", "supply"),
        Operation("consultarInsumosSipsaMesMadr", "input_prices", "inputs"),
    )
}
BY_DATASET = {o.dataset: o for o in OPERATIONS.values()}


def operation_of(record: Record) -> Operation:
    """Recognise the operation from a record's fields (zeep dumps carry no operation name)."""
    if "fechaCaptura" in record or "ciudad" in record:
        return OPERATIONS["promediosSipsaCiudad"]
    if "enmaFecha" in record or "idArtiSemana" in record:
        return OPERATIONS["promediosSipsaParcial"]
    if "insumoNombre" in record or "tireNombre" in record:
        return OPERATIONS["consultarInsumosSipsaMesMadr"]
    if "cantidadTon" in record:
        return OPERATIONS["promedioAbasSipsaMesMadr"]
    if "fechaIni" in record or "tmpMayoSemId" in record:
        return OPERATIONS["promediosSipsaSemanaMadr"]
    if "fechaMesIni" in record or "tmpMayoMesId" in record:
        return OPERATIONS["promediosSipsaMesMadr"]
    raise ValueError(f"registro SOAP sin campos conocidos: {sorted(record)[:8]}")


class RowMaker:
    """Turns records of one import into fact rows, resolving names through the batch's Names (cached)."""

    def __init__(self, batch: Batch, source: str) -> None:
        self.batch = batch
        self.names = batch.names
        self.source = source
        self._dates: dict[str, str] = {}
        self._cities: dict[str, int] = {}
        self._products: dict[tuple[str, str], int] = {}
        self._markets: dict[tuple[str, str], int] = {}
        # DANE's group spellings ('TUBERCULOS, RAICES Y PLATANOS') -> the mirror's group names
        self._groups = {fold(g): g for (g,) in batch.conn.execute("SELECT DISTINCT group_name FROM products")
                        if g}

    def group(self, text: str | None) -> str:
        text = clean_name(text or "")
        if not text:
            return ""
        return self._groups.get(fold(text)) or (text.capitalize() if text.isupper() else text)

    # -- fields -------------------------------------------------------------------------------------------
    def date(self, text: str | None) -> str:
        """The local (Bogotá) date of an xs:dateTime ('2024-03-07T00:00:00-05:00' or zeep's
        '2024-03-07 00:00:00-05:00'); a bare date is taken as is."""
        if not text:
            raise Rejected("fecha vacía")
        cached = self._dates.get(text)
        if cached is not None:
            return cached
        try:
            if len(text) == 10:
                day = dt.date.fromisoformat(text)
            else:
                stamp = dt.datetime.fromisoformat(text.strip().replace(" ", "T", 1).replace("Z", "+00:00"))
                if stamp.tzinfo is not None:
                    stamp = stamp.astimezone(BOGOTA)
                day = stamp.date()
        except ValueError:
            raise Rejected("fecha ilegible") from None
        value = day.isoformat()
        self._dates[text] = value
        return value

    @staticmethod
    def number(text: str | None) -> float | None:
        if text is None or text == "":
            return None
        try:
            return float(text)
        except ValueError:
            raise Rejected("número ilegible") from None

    @staticmethod
    def code(text: str | None) -> int | None:
        if not text:
            return None
        try:
            return int(float(text))
        except ValueError:
            return None

    def product(self, rec: Record, field: str = "artiNombre", group: str = "") -> int:
        spelling = (rec.get(field) or "").strip()
        art = rec.get("artiId") or ""
        key = (spelling, art)
        found = self._products.get(key)
        if found is not None:
            return found
        art_id = self.code(art)
        if not spelling:
            row = None if art_id is None else self.names.conn.execute(
                "SELECT id FROM products WHERE art_id = ?", (art_id,)).fetchone()
            if row is None:
                raise Rejected("producto vacío")
            found = int(row[0])
        else:
            found = self.names.product(spelling, group, art_id=art_id)
        self._products[key] = found
        return found

    def market(self, rec: Record, city: str = "", department: str = "") -> int:
        spelling = (rec.get("fuenNombre") or "").strip()
        fuen = rec.get("fuenId") or ""
        key = (spelling, fuen)
        found = self._markets.get(key)
        if found is not None:
            return found
        fuen_id = self.code(fuen)
        if not spelling:
            row = None if fuen_id is None else self.names.conn.execute(
                "SELECT id FROM markets WHERE fuen_id = ?", (fuen_id,)).fetchone()
            if row is None:
                raise Rejected("mercado vacío")
            found = int(row[0])
        else:
            found = self.names.market(spelling, fuen_id=fuen_id, city=city, department=department)
        self._markets[key] = found
        return found

    def city(self, spelling: str | None) -> int:
        """A city of the daily city series (kind 'city'): CÚCUTA and SAN JOSÉ DE CÚCUTA are one city."""
        spelling = (spelling or "").strip()
        if not spelling:
            raise Rejected("ciudad vacía")
        found = self._cities.get(spelling)
        if found is None:
            found = self.names.market(spelling, kind="city")
            self._cities[spelling] = found
        return found

    def prices(self, rec: Record, mean_field: str = "promedioKg") -> tuple[float | None, float | None, float]:
        pmin, pmax, mean = self.number(rec.get("minimoKg")), self.number(rec.get("maximoKg")), \
            self.number(rec.get(mean_field))
        problem = price_problem(pmin, pmax, mean)
        if problem or mean is None:
            raise Rejected(problem or "precio vacío")
        return pmin, pmax, mean

    # -- one builder per operation --------------------------------------------------------------------------
    def ciudad(self, rec: Record) -> tuple[Any, ...]:
        mean = self.number(rec.get("precioPromedio"))
        problem = price_problem(None, None, mean)
        if problem:
            raise Rejected(problem)
        day = self.date(rec.get("fechaCaptura"))
        return (self.product(rec, "producto"), self.city(rec.get("ciudad")), day, mean, self.source)

    def parcial(self, rec: Record) -> tuple[Any, ...]:
        pmin, pmax, mean = self.prices(rec)
        day = self.date(rec.get("enmaFecha"))
        product = self.product(rec, group=self.group(rec.get("grupNombre")))
        market = self.market(rec, city=(rec.get("muniNombre") or "").strip(),
                             department=(rec.get("deptNombre") or "").strip())
        return (product, market, day, pmin, pmax, mean, self.source)

    def semana(self, rec: Record) -> tuple[Any, ...]:
        pmin, pmax, mean = self.prices(rec)
        start = self.date(rec.get("fechaIni"))
        end = (dt.date.fromisoformat(start) + dt.timedelta(days=6)).isoformat()
        return (self.product(rec), self.market(rec), start, end, pmin, pmax, mean, None, self.source)

    def mes(self, rec: Record) -> tuple[Any, ...]:
        pmin, pmax, mean = self.prices(rec)
        month = self.date(rec.get("fechaMesIni"))[:8] + "01"
        return (self.product(rec), self.market(rec), month, pmin, pmax, mean, self.source)

    def abastecimiento(self, rec: Record) -> tuple[Any, ...]:
        tonnes = self.number(rec.get("cantidadTon"))
        if tonnes is None:
            raise Rejected("cantidad vacía")
        if tonnes < 0:
            raise Rejected("cantidad negativa")
        month = self.date(rec.get("fechaMesIni"))[:8] + "01"
        return (self.product(rec), self.market(rec), month, tonnes, self.source)

    def insumo(self, rec: Record) -> tuple[Any, ...]:
        name = (rec.get("insumoNombre") or "").strip()
        if not name:
            raise Rejected("insumo vacío")
        price = self.number(rec.get("promedio"))
        problem = price_problem(None, None, price)
        if problem:
            raise Rejected(problem)
        month = self.date(rec.get("fechaMesIni"))[:8] + "01"
        muni_code = (rec.get("muniId") or "").strip()
        input_id = self.names.input(name, (rec.get("tireNombre") or "").strip())
        return (input_id, muni_code, month, (rec.get("deptNombre") or "").strip(),
                (rec.get("muniNombre") or "").strip(), price, self.source)

    def builder(self, op: Operation) -> Callable[[Record], tuple[Any, ...]]:
        return {
            "promediosSipsaCiudad": self.ciudad, "promediosSipsaParcial": self.parcial,
            "promediosSipsaSemanaMadr": self.semana, "promediosSipsaMesMadr": self.mes,
            "promedioAbasSipsaMesMadr": self.abastecimiento, "consultarInsumosSipsaMesMadr": self.insumo,
        }[op.name]


def load_records(batch: Batch, records: Iterable[tuple[Operation | None, Record]], source: str) -> int:
    """Upsert a stream of (operation or None to recognise it, record) in sorted chunks. Returns records seen.

    One response holds one operation; a record of another operation is an error (the file is not what it
    claims), raised as ValueError so the whole import is rolled back."""
    maker = RowMaker(batch, source)
    op: Operation | None = None
    build: Callable[[Record], tuple[Any, ...]] | None = None
    rows: list[tuple[Any, ...]] = []
    seen = 0
    for given, rec in records:
        seen += 1
        if op is None:
            op = given or operation_of(rec)
            build = maker.builder(op)
            batch.result.dataset = op.table
        elif given is not None and given is not op:
            raise ValueError(f"la respuesta mezcla operaciones ({op.name} y {given.name})")
        assert build is not None
        try:
            rows.append(build(rec))
        except Rejected as exc:
            batch.reject(str(exc))
            continue
        if len(rows) >= CHUNK:
            batch.upsert(op.table, rows)
            rows = []
    if op is not None and rows:
        batch.upsert(op.table, rows)
    return seen
