"""The address a request came from, read through the proxies the operator trusts.

Behind a reverse proxy every request arrives from the proxy's address, and the visitor's
own address is the right-most entry the proxy appended to ``X-Forwarded-For``; entries
further left were written by whoever sent the request and can be anything. So the header
is read from the right, and only as far as trusted proxies vouch for it:

* ``TENDING_TRUSTED_PROXIES`` unset: ``REMOTE_ADDR``, and the header is ignored.
* a number N: N proxies stand in front of Tending (the same as a proxy count): the client
  is the N-th address from the right of ``X-Forwarded-For`` followed by ``REMOTE_ADDR``.
* a list of addresses or networks: starting from ``REMOTE_ADDR``, every address that is a
  trusted proxy hands over to the one on its left; the first untrusted one is the client.

``TENDING_TRUSTED_PROXIES`` is parsed once by the settings module; ``address_of(request)``
is what the rest of Tending (log-in throttling, password-reset limits) calls.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
TrustedProxies = int | tuple[Network, ...] | None


class ProxyConfigurationError(ValueError):
    """``TENDING_TRUSTED_PROXIES`` holds something that is neither a count nor addresses."""


def parse_trusted_proxies(value: str) -> TrustedProxies:
    """``""`` trusts no proxy, ``"2"`` trusts two hops, ``"10.0.0.0/8, ::1"`` trusts those."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return int(value) or None
    networks = []
    for item in value.split(","):
        item = item.strip()
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as error:
            raise ProxyConfigurationError(
                f"TENDING_TRUSTED_PROXIES: {item!r} is not a number of proxies, an IP "
                "address or a network such as 10.0.0.0/8"
            ) from error
    return tuple(networks) or None


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address from a header entry, without a port or brackets; None if it is not one."""
    text = text.strip().strip('"')
    if text.startswith("["):
        text = text[1 : text.find("]")] if "]" in text else text
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address, networks: Sequence[Network]) -> bool:
    return any(address.version == network.version and address in network for network in networks)


def client_address(meta: Mapping[str, str], trusted: TrustedProxies) -> str:
    """The visitor's address for a request with these ``META`` values."""
    remote = _address(meta.get("REMOTE_ADDR", "") or "")
    if remote is None:
        return meta.get("REMOTE_ADDR", "") or ""
    if trusted is None:
        return str(remote)
    forwarded = meta.get("HTTP_X_FORWARDED_FOR", "") or ""
    chain = [_address(entry) for entry in forwarded.split(",") if entry.strip()] + [remote]
    if isinstance(trusted, int):
        position = max(len(chain) - 1 - trusted, 0)
        # A hop a trusted proxy wrote but that is no address: stop at the proxy's own view.
        while chain[position] is None:
            position += 1
        return str(chain[position])
    client = remote
    for address in reversed(chain):
        if address is None:
            break
        client = address
        if not _is_trusted(address, trusted):
            break
    return str(client)


def address_of(request) -> str:
    """The visitor's address for ``request``, through the proxies in the settings."""
    return client_address(request.META, settings.TENDING_TRUSTED_PROXIES)
