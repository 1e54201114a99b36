"""Django integration of cookieprefs.

Add ``"cookieprefs.django"`` to ``INSTALLED_APPS``,
``"cookieprefs.django.middleware.CookiePreferencesMiddleware"`` to
``MIDDLEWARE``, ``"cookieprefs.django.context_processors.cookie_preferences"``
to the template context processors, and ``path("cookies/",
include("cookieprefs.django.urls"))`` to the URLs. Configure the policy with
the ``COOKIEPREFS`` setting (the keys of the policy JSON form). See
docs/PYTHON.md.
"""

from .preferences import CookiePreferences

__all__ = ["CookiePreferences"]
