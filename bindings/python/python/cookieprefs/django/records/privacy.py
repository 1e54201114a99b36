"""What a record may keep of the request, beyond the choice itself: by
default nothing. docs/PYTHON.md, "What a record keeps, and why"."""

from __future__ import annotations

import ipaddress
import re

from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from .conf import RecordsSettings

_IP_HASH_SALT = "cookieprefs.django.records.ip_address"


def client_ip(request: HttpRequest, config: RecordsSettings) -> str:
    """``REMOTE_ADDR`` as the setting allows: ``""`` (the default),
    truncated to the network (an IPv4 /24, an IPv6 /48), or a keyed hash
    (32 hex digits). Behind a proxy ``REMOTE_ADDR`` is the proxy's unless
    the site sets it from a header it trusts."""
    if config.ip_address is None:
        return ""
    try:
        ip = ipaddress.ip_address(str(request.META.get("REMOTE_ADDR", "")).strip())
    except ValueError:
        return ""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if config.ip_address == "truncated":
        prefix = 24 if ip.version == 4 else 48
        return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))
    # keyed_hash: anyone with the key can test every IPv4 address, so this
    # is pseudonymisation, not anonymisation; it lets the site check an
    # address it is given without storing addresses.
    digest = salted_hmac(_IP_HASH_SALT, ip.packed, secret=config.ip_hash_key, algorithm="sha256")
    return digest.hexdigest()[:32]


# Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
_FAMILIES = (
    ("bot", re.compile(r"bot|crawl|spider|slurp|headless", re.IGNORECASE)),
    ("Edge", re.compile(r"\bEdg(e|A|iOS)?/")),
    ("Opera", re.compile(r"\bOPR/|\bOpera\b")),
    ("Firefox", re.compile(r"\bFirefox/|\bFxiOS/")),
    ("Chrome", re.compile(r"\bChrome/|\bCriOS/|\bChromium/")),
    ("Safari", re.compile(r"\bSafari/")),
)


def user_agent_family(request: HttpRequest, config: RecordsSettings) -> str:
    """The browser family only (``Firefox``, ``Chrome``, ``Safari``,
    ``Edge``, ``Opera``, ``bot``, ``other``), and only when the setting
    asks for it: no version, no system, nothing that narrows the visitor
    down further."""
    if not config.user_agent_family:
        return ""
    ua = str(request.META.get("HTTP_USER_AGENT", ""))[:1024]
    for family, pattern in _FAMILIES:
        if pattern.search(ua):
            return family
    return "other"
