"""Which hosts a crawl may connect to: never loopback, private, link-local or metadata ones.

A crawler that follows links and redirects from the web is a server-side request forgery
vector: one ``<a href="http://169.254.169.254/latest/meta-data/">`` or one redirect to
``http://localhost:6379/`` and it reads cloud credentials or talks to an internal service.
Origins the user gave (start URLs, sites file) are trusted as given; everything else must
resolve to public addresses only.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud instance-metadata endpoints, by name and by address. Names are refused before any
# DNS lookup; 168.63.129.16 (Azure) is a public address, so it is listed explicitly.
METADATA_HOSTS = frozenset(
    {"metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"}
)
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "168.63.129.16", "100.100.100.200", "fd00:ec2::254")
)
_DEFAULT_PORTS = {"http": 80, "https": 443}

Origin = tuple[str, int]


def origin_of(url: str) -> Origin | None:
    """``(host, port)`` of an http(s) URL, port made explicit; None for other schemes.

    >>> origin_of("https://Example.com/a")
    ('example.com', 443)
    >>> origin_of("http://127.0.0.1:8000/x")
    ('127.0.0.1', 8000)
    >>> origin_of("file:///etc/passwd") is None
    True
    """
    parts = urlsplit(url)
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    try:
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
    except ValueError:
        return None
    return parts.hostname.lower().rstrip("."), port


def trusted_origins(urls: Iterable[str]) -> frozenset[Origin]:
    """The origins of user-given URLs; a site on a default port is trusted on both 80 and 443.

    >>> sorted(trusted_origins(["http://news.example/", "http://127.0.0.1:8000/"]))
    [('127.0.0.1', 8000), ('news.example', 80), ('news.example', 443)]
    """
    origins: set[Origin] = set()
    for url in urls:
        origin = origin_of(url)
        if origin is None:
            continue
        host, port = origin
        origins.update([(host, 80), (host, 443)] if port in (80, 443) else [origin])
    return frozenset(origins)


def literal_address(host: str) -> IPAddress | None:
    """The address when ``host`` is a plain IP literal (``10.0.0.1``, ``::1``), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def address_refusal(address: IPAddress) -> str | None:
    """Why a connection to ``address`` is refused (a stats key), or None when it is public.

    >>> address_refusal(ipaddress.ip_address("169.254.169.254"))
    'metadata'
    >>> address_refusal(ipaddress.ip_address("::ffff:10.0.0.1"))
    'private'
    >>> address_refusal(ipaddress.ip_address("93.184.216.34")) is None
    True
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in METADATA_ADDRESSES:
        return "metadata"
    if address.is_loopback:
        return "loopback"
    if address.is_unspecified:
        return "non_public"  # 0.0.0.0 and :: reach the local host on many systems
    if address.is_link_local:
        return "link_local"
    if address.is_private:
        return "private"
    # Multicast, reserved, unspecified, carrier-grade NAT, documentation ranges…
    if not address.is_global or address.is_multicast:
        return "non_public"
    return None


def name_refusal(host: str) -> str | None:
    """Why a host *name* is refused before resolving it (metadata service names)."""
    return "metadata" if host.lower().rstrip(".") in METADATA_HOSTS else None


def addresses_refusal(addresses: Iterable[IPAddress]) -> str | None:
    """The refusal for a resolved host: any non-public address refuses it (DNS may rotate)."""
    found = list(addresses)
    if not found:
        return "unresolvable"
    for address in found:
        reason = address_refusal(address)
        if reason:
            return reason
    return None
