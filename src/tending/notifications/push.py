"""Web Push from Tending's own server: VAPID (RFC 8292), payloads encrypted with aes128gcm
(RFC 8291) by pywebpush, POSTed to the subscription's push service.

A subscription is input from a browser, so its endpoint is checked before anything is
sent to it: https only, a host on the operator's list of push services, no IP literal
and no private, loopback or link-local address behind the name; redirects are not
followed and timeouts are short (see ``endpoint_problem``).
"""

from __future__ import annotations

import base64
import fnmatch
import ipaddress
import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from py_vapid import Vapid02
from pywebpush import WebPusher

# The encrypted record of one push may be 4,096 bytes: 86 bytes of header, a 16-byte tag
# and one padding delimiter leave 3,993 for the JSON payload.
MAX_PAYLOAD_BYTES = 3993
TIMEOUT_SECONDS = (3.05, 10)
TTL_SECONDS = 12 * 60 * 60
VAPID_HEADER_LIFETIME = 6 * 60 * 60
GONE_STATUSES = frozenset({404, 410})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REFUSED = -1


class EndpointRefused(ValueError):
    """A push endpoint Tending will not send to; the message says why."""


@dataclass(frozen=True)
class Delivery:
    """What one push service answered: ``status`` 0 when it could not be reached."""

    status: int

    @property
    def delivered(self) -> bool:
        return 200 <= self.status < 300

    @property
    def gone(self) -> bool:
        """The push service says the subscription is no more, or Tending refuses it."""
        return self.status in GONE_STATUSES or self.status == REFUSED

    @property
    def worth_retrying(self) -> bool:
        return self.status == 0 or self.status in RETRY_STATUSES


def _host_allowed(host: str) -> bool:
    return any(fnmatch.fnmatchcase(host, pattern) for pattern in settings.PUSH_SERVICE_HOSTS)


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_global and not ip.is_multicast


def endpoint_problem(endpoint: str, *, resolve: bool = False) -> str:
    """Why Tending will not send to ``endpoint``, or "" when it may."""
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    if settings.PUSH_ALLOW_LOCAL_ENDPOINTS and host in {"127.0.0.1", "localhost"}:
        return ""
    if parts.scheme != "https":
        return "A push service is reached over https only."
    if not host or parts.username or parts.password:
        return "That is not the address of a push service."
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return "A push service is named, not given as an IP address."
    if not _host_allowed(host):
        return f"{host} is not a push service this Tending sends to."
    if resolve:
        try:
            addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, parts.port or 443)}
        except OSError:
            return f"{host} could not be found."
        if not addresses or not all(_is_public(address) for address in addresses):
            return f"{host} does not lead to a public address."
    return ""


class NoRedirectSession(requests.Session):
    """A session that never follows a redirect and checks each address before sending."""

    def request(self, method, url, *args, **kwargs):
        problem = endpoint_problem(url, resolve=True)
        if problem:
            raise EndpointRefused(problem)
        kwargs["allow_redirects"] = False
        kwargs.setdefault("timeout", TIMEOUT_SECONDS)
        return super().request(method, url, *args, **kwargs)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def generate_private_key_pem() -> bytes:
    vapid = Vapid02()
    vapid.generate_keys()
    return vapid.private_pem()


def read_or_create_private_key(path: Path) -> str:
    """The VAPID private key stored at ``path`` (PEM), created (0600) on first use."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "wb") as handle:
        handle.write(generate_private_key_pem())
    return path.read_text().strip()


_vapid_lock = threading.Lock()
_vapid_cache: dict[str, object] = {}


def vapid() -> Vapid02:
    """The server's VAPID key: from the settings, or generated once into the data directory."""
    configured = settings.VAPID_PRIVATE_KEY
    with _vapid_lock:
        key = configured or f"file:{settings.VAPID_PRIVATE_KEY_FILE}"
        cached = _vapid_cache.get(key)
        if isinstance(cached, Vapid02):
            return cached
        if configured:
            text = configured.strip()
            loaded = (
                Vapid02.from_pem(text.encode()) if "BEGIN" in text else Vapid02.from_string(text)
            )
        else:
            pem = read_or_create_private_key(Path(settings.VAPID_PRIVATE_KEY_FILE))
            loaded = Vapid02.from_pem(pem.encode())
        _vapid_cache.clear()
        _vapid_cache[key] = loaded
        return loaded


def application_server_key() -> str:
    """The public key a browser subscribes with (uncompressed point, base64url)."""
    public = vapid().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64url(public)


_headers_lock = threading.Lock()
_signed_headers: dict[str, tuple[float, dict]] = {}


def vapid_headers(endpoint: str, now: float | None = None) -> dict:
    """The VAPID Authorization header for the push service of ``endpoint``, signed once
    for a few hours per service rather than once per push."""
    now = now or time.time()
    parts = urlsplit(endpoint)
    audience = f"{parts.scheme}://{parts.netloc}"
    with _headers_lock:
        cached = _signed_headers.get(audience)
        if cached and cached[0] > now + 60:
            return cached[1]
        expires = int(now) + VAPID_HEADER_LIFETIME
        claims = {"aud": audience, "exp": expires, "sub": settings.VAPID_SUBJECT}
        headers = vapid().sign(claims)
        _signed_headers[audience] = (expires, headers)
        return headers


def payload_bytes(payload: dict) -> bytes:
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    if len(data) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"a push payload of {len(data)} bytes is over {MAX_PAYLOAD_BYTES}")
    return data


def send(
    subscription: dict, payload: dict, *, session: requests.Session, topic: str = ""
) -> Delivery:
    """Encrypt ``payload`` for one subscription and POST it; never raises for the network."""
    endpoint = subscription["endpoint"]
    headers = {**vapid_headers(endpoint), "Urgency": "normal"}
    if topic:
        headers["Topic"] = topic
    try:
        response = WebPusher(subscription, requests_session=session).send(
            payload_bytes(payload), headers, ttl=TTL_SECONDS, timeout=TIMEOUT_SECONDS
        )
    except EndpointRefused:
        return Delivery(status=REFUSED)
    except requests.RequestException:
        return Delivery(status=0)
    return Delivery(status=response.status_code)
