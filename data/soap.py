"""Client for DANE's SIPSA SOAP service. The service does not serve its WSDL on GET, so the SOAP 1.2 envelope is
built here. Every operation returns the whole history (up to ~310 MB of XML), so the response is streamed to a
file on disk and parsed incrementally by data.importers.soap_xml; nothing is held whole in memory."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx

from data.importers.soap_records import OPERATIONS

NAMESPACE = "http://servicios.sipsa.co.gov.dane/"
DEFAULT_URL = "https://appweb.dane.gov.co/sipsaWS/SrvSipsaUpraBeanService"
CONTENT_TYPE = "application/soap+xml; charset=utf-8"
ARG0_OPERATION = "consultarInsumosSipsaMesMadr"  # the only operation with an argument (optional int arg0)
FAULT_PEEK = 64 * 1024  # bytes of an error body read to look for a SOAP Fault


class SoapError(Exception):
    """A call that did not give a usable response; the message is Spanish and says what happened."""


class Unreachable(SoapError):
    """DANE could not be reached (connection refused, DNS, timeouts) after every retry."""


class ServiceFault(SoapError):
    """The service answered with a SOAP Fault (not retried: the service said no)."""


@dataclass(frozen=True)
class SoapConfig:
    url: str = DEFAULT_URL
    timeout_s: float = 600.0  # per read: a 310 MB response keeps bytes flowing, a hung server does not
    connect_timeout_s: float = 30.0
    retries: int = 3  # extra attempts after the first on timeouts, connection errors, cut bodies and 5xx
    backoff_s: float = 2.0  # waits backoff, 2*backoff, 4*backoff... between attempts

    @classmethod
    def of(cls, settings: Any = None, **overrides: Any) -> SoapConfig:
        """From any settings-like object with soap_url / soap_timeout_s / soap_retries (e.g. bot.config.Settings),
        then explicit overrides (None values are ignored)."""
        values: dict[str, Any] = {}
        if settings is not None:
            for attr, key in (("soap_url", "url"), ("soap_timeout_s", "timeout_s"), ("soap_retries", "retries"),
                              ("soap_backoff_s", "backoff_s")):
                if getattr(settings, attr, None) not in (None, ""):
                    values[key] = getattr(settings, attr)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def envelope(operation: str, arg0: int | None = None) -> bytes:
    """The SOAP 1.2 request body for one operation (only consultarInsumosSipsaMesMadr takes an argument)."""
    if operation not in OPERATIONS:
        raise ValueError(f"operación desconocida: {operation}")
    if arg0 is not None and operation != ARG0_OPERATION:
        raise ValueError(f"{operation} no recibe argumentos")
    args = f"<arg0>{escape(str(int(arg0)))}</arg0>" if arg0 is not None else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" '
        f'xmlns:ser="{NAMESPACE}"><soap:Header/><soap:Body>'
        f"<ser:{operation}>{args}</ser:{operation}>"
        "</soap:Body></soap:Envelope>"
    ).encode()


@dataclass
class Download:
    path: Path
    bytes: int
    attempts: int
    seconds: float


def _fault_reason(body: bytes) -> str | None:
    text = body.decode("utf-8", errors="replace")
    if "Fault" not in text:
        return None
    found = re.search(r"<(?:\w+:)?(?:Text|faultstring)[^>]*>(.*?)</", text, re.S)
    return found.group(1).strip() if found else "sin detalle"


def fetch(operation: str, dest: str | Path, config: SoapConfig | None = None, *, arg0: int | None = None,
          log: Callable[[str], None] | None = None) -> Download:
    """POST one operation and stream the response body to `dest`. Retries timeouts, connection errors, bodies
    cut short and 5xx answers with exponential backoff. Raises Unreachable, ServiceFault or SoapError."""
    config = config or SoapConfig()
    dest = Path(dest)
    body = envelope(operation, arg0)
    headers = {"Content-Type": CONTENT_TYPE, "Accept": "application/soap+xml, text/xml"}
    timeout = httpx.Timeout(config.timeout_s, connect=min(config.connect_timeout_s, config.timeout_s))
    t0 = time.perf_counter()
    last = ""
    network_only = True  # every failure so far was the network (-> Unreachable), not a bad answer
    attempts = 0
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        for attempt in range(config.retries + 1):
            attempts = attempt + 1
            if attempt:
                wait = config.backoff_s * 2 ** (attempt - 1)
                if log:
                    log(f"{operation}: reintento {attempt} de {config.retries} en {wait:.1f} s ({last})")
                time.sleep(wait)
            try:
                with client.stream("POST", config.url, content=body, headers=headers) as resp:
                    if resp.status_code >= 400:
                        peek = b""
                        for chunk in resp.iter_bytes():
                            peek += chunk
                            if len(peek) >= FAULT_PEEK:
                                break
                        reason = _fault_reason(peek)
                        if reason is not None:
                            raise ServiceFault(f"El servicio SOAP de DANE respondió con un error: {reason}")
                        last = f"HTTP {resp.status_code}"
                        if resp.status_code >= 500:
                            network_only = False
                            continue
                        raise SoapError(f"El servicio SOAP de DANE rechazó la consulta {operation} ({last}).")
                    size = 0
                    with open(dest, "wb") as fh:
                        for chunk in resp.iter_bytes(1 << 16):
                            fh.write(chunk)
                            size += len(chunk)
                    if size == 0:
                        last, network_only = "respuesta vacía", False
                        continue
                    return Download(dest, size, attempts, time.perf_counter() - t0)
            except httpx.TimeoutException as exc:
                last = f"tiempo de espera agotado ({type(exc).__name__})"
            except httpx.RemoteProtocolError as exc:
                last, network_only = f"respuesta cortada ({exc})", False
            except httpx.TransportError as exc:
                last = f"sin conexión ({type(exc).__name__}: {exc})"
    message = f"No pude descargar {operation} de {config.url} tras {attempts} intentos: {last}."
    raise (Unreachable(message) if network_only else SoapError(message))


def probe(config: SoapConfig | None = None, timeout_s: float = 10.0) -> str | None:
    """A quick check that the endpoint answers at all (DANE serves an HTML page on GET): None when it does,
    else the Spanish reason. Used before a first-run refresh so an offline start falls back to the demo fast."""
    config = config or SoapConfig()
    try:
        with httpx.Client(timeout=httpx.Timeout(timeout_s), follow_redirects=True) as client:
            client.get(config.url)
    except httpx.HTTPError as exc:
        return f"No pude conectarme con {config.url} ({type(exc).__name__}: {exc or 'sin detalle'})."
    return None
