"""Consent records: proof of consent in the site's database.

An optional Django app. Add ``"cookieprefs.django.records"`` to
``INSTALLED_APPS`` after ``"cookieprefs.django"`` and run ``migrate``: every
choice the save view saves is then recorded (consent id, server time, the
state of every offered category, revision, method, and the exact
declaration shown), and the cookie carries the record's consent id. Read
them in the admin, export them with ``manage.py cookieprefs_export`` and
purge them with ``manage.py cookieprefs_purge``. See docs/PYTHON.md,
"Consent records".

The save view calls :func:`service.with_consent_id` and
:func:`service.record_choice`; importing this package does not import the
models, so the view may import it whether or not the app is installed.
"""

APP = "cookieprefs.django.records"
