"""Opt-in migration from another consent tool (docs/FORMAT.md §13).

With ``COOKIEPREFS_IMPORT = True`` in the settings (or a dict, ``{"drop_id":
True}`` to never keep the old tool's consent id), a visitor's request that
carries no valid cookieprefs value but another tool's consent cookie is
answered as if the visitor had made the same choice here:

1. :func:`import_request`, before the view: imports the old tool's cookie
   from the raw ``Cookie:`` header (the policy's ``import`` settings of
   ``COOKIEPREFS`` say which tools, under which cookie names, and how their
   items map) and puts the imported value in front of the request's
   ``Cookie:`` header, so that ``request.cookie_preferences`` evaluates it:
   no banner when every offered category was answered.
2. :func:`write_import`, after the view: writes our cookie (unless the view
   already wrote one: a choice saved on this request wins) and deletes the
   old tool's cookies with the ``domain`` and ``path`` the policy gives them.

The middleware calls both::

    importing.import_request(request)           # before the view
    response = self.get_response(request)
    importing.write_import(request, response)   # after it
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.cache import patch_cache_control

from .. import Imported, import_header
from . import conf

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

logger = logging.getLogger(__name__)

#: Where :func:`import_request` leaves its result for :func:`write_import`.
ATTRIBUTE = "_cookieprefs_imported"


def _setting() -> dict[str, Any] | None:
    """The ``COOKIEPREFS_IMPORT`` setting as options, or None when off."""
    value = getattr(settings, "COOKIEPREFS_IMPORT", False)
    if value is True:
        return {}
    if isinstance(value, dict):
        return value
    return None


def import_request(request: HttpRequest) -> Imported | None:
    """Imports another tool's consent for a request without a valid
    cookieprefs value, when ``COOKIEPREFS_IMPORT`` is on. Call it before the
    view (before ``request.cookie_preferences`` is first read). Returns what
    was imported, or None (off, a valid value already there, nothing to
    import: the reason is logged at debug level)."""
    options = _setting()
    header = request.META.get("HTTP_COOKIE")
    if options is None or not header:
        return None
    policy = conf.get_policy()
    today = conf.today()
    if policy.evaluate_header(header, today=today).stored is not None:
        return None  # the visitor has a valid value: never import over it
    result = import_header(header, policy, today, drop_id=bool(options.get("drop_id", False)))
    if not isinstance(result, Imported):
        logger.debug("cookieprefs: nothing imported: %s (%s)", result.message, result.kind)
        return None
    # Our value first: every surface reads every copy of the cookie, and an
    # old tool's cookie of the same name (invalid as a value) is ignored
    # while this valid one is there (docs/FORMAT.md §8).
    request.META["HTTP_COOKIE"] = f"{policy.cookie_name}={result.preferences.encode()}; {header}"
    setattr(request, ATTRIBUTE, result)
    return result


def write_import(request: HttpRequest, response: HttpResponseBase) -> bool:
    """After the view: writes the value :func:`import_request` imported and
    deletes the old tool's cookies. Returns whether a value was written."""
    imported: Imported | None = getattr(request, ATTRIBUTE, None)
    if imported is None:
        return False
    policy = conf.get_policy()
    ours = policy.cookie_name
    written = False
    existing = response.headers.get("Set-Cookie", "")
    if not existing.startswith(ours + "="):
        # The core's header, byte for byte, as the save view writes it.
        response["Set-Cookie"] = policy.set_cookie_header(imported.preferences, conf.today())
        written = True
    attrs = _cookie_attributes(policy)
    for name, domain, path in imported.source_cookies:
        if (name, domain, path) == (ours, attrs["domain"], attrs["path"]):
            continue  # our own cookie replaces it
        response.delete_cookie(name, path=path, domain=domain)
    patch_cache_control(response, private=True)
    return written


def _cookie_attributes(policy: Any) -> dict[str, Any]:
    """The policy's cookie attributes, from its JSON form."""
    cookie: dict[str, Any] = json.loads(policy.to_json())["cookie"]
    return cookie


__all__ = ["ATTRIBUTE", "import_request", "write_import"]
