"""A small fake of DANE's SIPSA SOAP endpoint on 127.0.0.1, for tests (reusable by anyone).

    from tests.soap_server import SoapServer, Status, Cut, Hang, response_bytes

    with SoapServer({"promediosSipsaSemanaMadr": response_bytes("promediosSipsaSemanaMadr", records),
                     "promediosSipsaCiudad": [Status(500), Path(".../promediosSipsaCiudad.response.xml")],
                     "promediosSipsaParcial": Hang(5)}) as server:
        refresh(db_path, ["weekly"], config=SoapConfig(url=server.url, retries=1, backoff_s=0.01))
        assert server.calls["promediosSipsaCiudad"] == 2

A behaviour is: bytes or a Path (served in 64 KB chunks with Content-Length), Status(code, body),
Cut(data, at) (declares the full length, sends `at` bytes, closes), Hang(seconds) (answers after sleeping),
Fault(reason) (a SOAP 1.2 Fault with HTTP 500), or a list of behaviours used one per call (the last one
repeats). Operations not in the mapping get a SOAP Fault. Requests are recorded in `server.requests`.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

NS = "http://servicios.sipsa.co.gov.dane/"
_OPERATION = re.compile(rb"<(?:[\w.-]+:)?Body[^>]*>\s*<(?:[\w.-]+:)?(\w+)")


@dataclass(frozen=True)
class Status:
    code: int
    body: bytes = b"<html><body>Error interno</body></html>"
    content_type: str = "text/html"


@dataclass(frozen=True)
class Cut:
    data: bytes | Path
    at: int  # bytes sent before the connection is closed
    declare_length: bool = True  # False: no Content-Length, so only the XML parser can notice


@dataclass(frozen=True)
class Hang:
    seconds: float
    then: bytes | Path | None = None  # sent after the sleep (if the client still listens)


@dataclass(frozen=True)
class Fault:
    reason: str = "Error interno del servicio"


def fault_bytes(reason: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"http://www.w3.org/2003/05/soap-envelope\">"
        "<S:Body><S:Fault><S:Code><S:Value>S:Receiver</S:Value></S:Code><S:Reason>"
        f"<S:Text xml:lang=\"en\">{escape(reason)}</S:Text></S:Reason></S:Fault></S:Body></S:Envelope>"
    ).encode()


def _head(operation: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"http://www.w3.org/2003/05/soap-envelope\">"
        f"<S:Body><ns2:{operation}Response xmlns:ns2=\"{NS}\">"
    ).encode()


def _tail(operation: str) -> bytes:
    return f"</ns2:{operation}Response></S:Body></S:Envelope>".encode()


def _text(value: Any) -> str:
    text = str(value)
    return escape(text) if "&" in text or "<" in text or ">" in text else text


def _record(rec: Mapping[str, Any]) -> bytes:
    fields = "".join(f"<{k}>{_text(v)}</{k}>" for k, v in rec.items() if v is not None)
    return f"<return>{fields}</return>".encode()


def response_bytes(operation: str, records: Iterable[Mapping[str, Any]]) -> bytes:
    """A response of `operation` carrying `records` (field -> value, as DANE names them)."""
    return _head(operation) + b"".join(_record(r) for r in records) + _tail(operation)


def write_response(path: Path, operation: str, records: Iterable[Mapping[str, Any]]) -> Path:
    """Stream a (possibly huge) response to a file without holding it in memory."""
    with open(path, "wb") as fh:
        fh.write(_head(operation))
        buf = []
        for rec in records:
            buf.append(_record(rec))
            if len(buf) >= 10_000:
                fh.write(b"".join(buf))
                buf = []
        fh.write(b"".join(buf))
        fh.write(_tail(operation))
    return path


CITIES = ["ARMENIA", "BARRANQUILLA", "BOGOTÁ, D.C.", "BUCARAMANGA", "CALI", "CARTAGENA DE INDIAS", "CÚCUTA",
          "IBAGUÉ", "MANIZALES", "MEDELLÍN", "MONTERÍA", "NEIVA", "PASTO", "PEREIRA", "POPAYÁN",
          "SANTA MARTA", "SINCELEJO", "TUNJA", "VALLEDUPAR", "VILLAVICENCIO"]
CITY_PRODUCTS = ["Ahuyama", "Arveja verde en vaina", "Cebolla cabezona blanca", "Cebolla junca", "Chócolo mazorca",
                 "Guayaba*", "Habichuela", "Limón Tahití", "Lulo", "Mora de Castilla", "Papa negra*", "Tomate*",
                 "Zanahoria", "Yuca*", "Banano*"]


def city_records(n: int, start: str = "2015-01-01") -> Iterable[dict[str, Any]]:
    """n plausible promediosSipsaCiudad records (distinct product x city x day), deterministic."""
    import datetime as dt

    first = dt.date.fromisoformat(start)
    per_day = len(CITIES) * len(CITY_PRODUCTS)
    for i in range(n):
        day = first + dt.timedelta(days=i // per_day)
        city = CITIES[(i // len(CITY_PRODUCTS)) % len(CITIES)]
        if city == "CÚCUTA" and day >= dt.date(2022, 12, 1):
            city = "SAN JOSÉ DE CÚCUTA"  # DANE renamed it in Dec 2022
        product = CITY_PRODUCTS[i % len(CITY_PRODUCTS)]
        yield {
            "ciudad": city, "codProducto": i % len(CITY_PRODUCTS) + 1, "enviado": 0,
            "fechaCaptura": f"{day.isoformat()}T00:00:00-05:00", "fechaCreacion": f"{day.isoformat()}T14:00:01-05:00",
            "precioPromedio": 1000 + (i * 37) % 5000, "producto": product, "regId": 100_000 + i,
        }


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # like DANE: GET gives an HTML page, not the WSDL
        self._send(200, b"<html><body>SrvSipsaUpraBeanService</body></html>", "text/html")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        found = _OPERATION.search(body)
        operation = found.group(1).decode() if found else ""
        behaviour = self.server.next_behaviour(operation, dict(self.headers), body)
        try:
            self._play(behaviour)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, code: int, data: bytes, content_type: str = "application/soap+xml; charset=utf-8") -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _stream(self, source: bytes | Path, limit: int | None = None, declare: bool = True) -> None:
        size = len(source) if isinstance(source, bytes) else source.stat().st_size
        self.send_response(200)
        self.send_header("Content-Type", "application/soap+xml; charset=utf-8")
        if declare:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        left = size if limit is None else limit
        if isinstance(source, bytes):
            self.wfile.write(source[:left])
        else:
            with open(source, "rb") as fh:
                while left > 0:
                    block = fh.read(min(1 << 16, left))
                    if not block:
                        break
                    self.wfile.write(block)
                    left -= len(block)
        self.wfile.flush()
        if limit is not None:
            self.close_connection = True
            self.connection.shutdown(2)

    def _play(self, behaviour: Any) -> None:
        if isinstance(behaviour, (bytes, Path)):
            self._stream(behaviour)
        elif isinstance(behaviour, Status):
            self._send(behaviour.code, behaviour.body, behaviour.content_type)
        elif isinstance(behaviour, Cut):
            self._stream(behaviour.data, limit=behaviour.at, declare=behaviour.declare_length)
        elif isinstance(behaviour, Hang):
            time.sleep(behaviour.seconds)
            if behaviour.then is not None:
                self._stream(behaviour.then)
        elif isinstance(behaviour, Fault):
            self._send(500, fault_bytes(behaviour.reason))
        else:
            raise TypeError(f"unknown behaviour {behaviour!r}")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: Mapping[str, Any]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = dict(routes)
        self.calls: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str], bytes]] = []
        self.lock = threading.Lock()

    def next_behaviour(self, operation: str, headers: dict[str, str], body: bytes) -> Any:
        with self.lock:
            self.requests.append((operation, headers, body))
            index = self.calls[operation]
            self.calls[operation] += 1
            route = self.routes.get(operation)
        if route is None:
            return Fault(f"operación no disponible en el servidor de prueba: {operation or '?'}")
        if isinstance(route, list):
            return route[min(index, len(route) - 1)]
        return route


class SoapServer:
    """Context manager: a threaded HTTP server on 127.0.0.1 (free port) playing `routes` (operation -> behaviour)."""

    def __init__(self, routes: Mapping[str, Any] | None = None) -> None:
        self._server = _Server(routes or {})
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/sipsaWS/SrvSipsaUpraBeanService"

    @property
    def calls(self) -> Counter[str]:
        return self._server.calls

    @property
    def requests(self) -> list[tuple[str, dict[str, str], bytes]]:
        return self._server.requests

    def set(self, operation: str, behaviour: Any) -> None:
        """Change what an operation answers from now on (e.g. between two refreshes of a test)."""
        with self._server.lock:
            self._server.routes[operation] = behaviour
            self._server.calls[operation] = 0

    def start(self) -> SoapServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> SoapServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
