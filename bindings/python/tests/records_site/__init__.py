"""A small Django project with the consent records app: the settings of
tests/test_records.py (``--ds tests.records_site.settings``) and the site
scripts/load-records.sh serves under gunicorn."""
