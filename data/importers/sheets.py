"""Sheets of a workbook as lists of rows, whatever the file is: a zip (xlsx) is streamed part by part with a small
reader of its own (openpyxl as the fallback for what that reader does not handle), an OLE2 file (BIFF8 .xls) is
read with xlrd. The format comes from the file's first bytes, never from its extension."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from data.importers.base import ImportError_

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def sheets(path: str | Path) -> Iterator[tuple[str, list[list[Any]]]]:
    """(sheet name, rows of cell values) for every sheet; empty cells are None. Decided by content."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(ZIP_MAGIC):
        yield from _xlsx_sheets(path)
    elif head == OLE2_MAGIC:
        yield from _xls_sheets(path)
    else:
        raise ImportError_(f"{Path(path).name} no es un libro de Excel (ni .xlsx ni .xls). El espejo no cambió.")


def _xlsx_sheets(path: str | Path) -> Iterator[tuple[str, list[list[Any]]]]:
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as zf:
            parts = _xlsx_parts(zf)
            if parts is None:  # a layout this small reader does not know (e.g. strict OOXML): openpyxl reads it
                yield from _openpyxl_sheets(path)
                return
            shared = _shared_strings(zf)
            for title, part in parts:
                yield title, _xlsx_rows(zf, part, shared)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ET.ParseError, ValueError, IndexError) as exc:
        raise ImportError_(f"{name} parece un libro .xlsx pero está dañado o incompleto ({exc}). "
                           "El espejo no cambió.") from exc


def _xlsx_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]] | None:
    """(sheet title, zip member) in workbook order, or None when the workbook is not the usual transitional
    SpreadsheetML."""
    book = ET.fromstring(zf.read("xl/workbook.xml"))
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") or "" for r in rels}
    parts = []
    for sheet in book.iter(f"{_NS}sheet"):
        target = targets.get(sheet.get(_REL_ID))
        if not target:
            return None
        parts.append((sheet.get("name") or "", target.lstrip("/") if target.startswith("/") else f"xl/{target}"))
    return parts or None


def _shared_strings(zf: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    strings = []
    for _, el in ET.iterparse(zf.open("xl/sharedStrings.xml")):
        if el.tag == f"{_NS}si":
            strings.append("".join(t.text or "" for t in el.iter(f"{_NS}t")))
            el.clear()
    return strings


_COLUMNS: dict[str, int] = {}


def _column(ref: str) -> int:
    """'B12' -> 1 (zero-based column of a cell reference)."""
    letters = ref.rstrip("0123456789")
    j = _COLUMNS.get(letters)
    if j is None:
        j = 0
        for ch in letters.upper():
            j = j * 26 + ord(ch) - 64
        j = _COLUMNS[letters] = j - 1
    return j


def _xlsx_rows(zf: zipfile.ZipFile, part: str, shared: list[str]) -> list[list[Any]]:
    """Cell values of one sheet, streamed (about twice as fast as openpyxl's read-only mode on these files)."""
    rows: list[list[Any]] = []
    row_tag, cell_tag, value_tag, text_tag = f"{_NS}row", f"{_NS}c", f"{_NS}v", f"{_NS}t"
    for _, el in ET.iterparse(zf.open(part)):
        if el.tag != row_tag:
            continue
        number = int(el.get("r") or len(rows) + 1)
        rows.extend([] for _ in range(number - 1 - len(rows)))
        row: list[Any] = []
        for cell in el.iter(cell_tag):
            if not len(cell):  # a styled empty cell
                continue
            kind, ref = cell.get("t"), cell.get("r")
            v = cell.find(value_tag)
            value: Any
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in cell.iter(text_tag))
            elif v is None or v.text is None or kind == "e":
                continue
            elif kind == "s":
                value = shared[int(v.text)]
            elif kind in ("str", "d"):
                value = v.text
            elif kind == "b":
                value = v.text == "1"
            else:
                value = float(v.text)
                value = int(value) if value.is_integer() and "." not in v.text and "E" not in v.text.upper() else value
            if value == "":
                continue
            j = _column(ref) if ref else len(row)
            row.extend([None] * (j - len(row)))
            row.append(value)
        rows.append(row)
        el.clear()
    return rows


def _openpyxl_sheets(path: str | Path) -> Iterator[tuple[str, list[list[Any]]]]:
    import openpyxl

    with open(path, "rb") as fh:  # a file object: openpyxl then ignores the (possibly wrong) extension
        book = openpyxl.load_workbook(fh, read_only=True, data_only=True)
        try:
            for ws in book.worksheets:
                yield ws.title, [list(row) for row in ws.iter_rows(values_only=True)]
        finally:
            book.close()


def _xls_sheets(path: str | Path) -> Iterator[tuple[str, list[list[Any]]]]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path))
    except Exception as exc:  # xlrd raises bare XLRDError / struct / assertion errors on damaged files
        raise ImportError_(f"{Path(path).name} parece un libro .xls pero está dañado o incompleto ({exc}). "
                           "El espejo no cambió.") from exc
    for sh in book.sheets():
        yield sh.name, [[None if v == "" else v for v in sh.row_values(i)] for i in range(sh.nrows)]


# ---------------------------------------------------------------- dates
