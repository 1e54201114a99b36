"""WSGI entry point of the example site (gunicorn site_example.wsgi, mod_wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_example.settings")
application = get_wsgi_application()
