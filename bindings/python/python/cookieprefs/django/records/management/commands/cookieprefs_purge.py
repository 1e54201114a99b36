"""``manage.py cookieprefs_purge``: deletes the consent records older than
the retention period (``COOKIEPREFS_RECORDS["retention_days"]``, default
six years: docs/PYTHON.md, "Retention"). Run it daily (cron, a systemd
timer). Policy versions are kept.

``--consent-id UUID`` deletes that consent id's records whatever their age
instead (an erasure request the site has decided to grant)."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet
from django.utils import timezone

from ....conf import get_policy
from ... import conf
from ...models import ConsentRecord


class Command(BaseCommand):
    help = "Delete the consent records saved longer ago than the retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--retention-days", type=int, metavar="DAYS",
            help="keep this many days instead of COOKIEPREFS_RECORDS['retention_days']",
        )
        parser.add_argument(
            "--consent-id", action="append", default=[], metavar="UUID",
            help="delete every record of this consent id instead, whatever its age (repeatable)",
        )
        parser.add_argument("--dry-run", action="store_true", help="count what would be deleted, delete nothing")
        parser.add_argument(
            "--allow-short-retention", action="store_true",
            help="allow a retention shorter than the policy's longest max age",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["consent_id"]:
            if options["retention_days"] is not None:
                raise CommandError("--consent-id and --retention-days do not go together")
            ids = [_consent_id(c) for c in options["consent_id"]]
            self._delete(ConsentRecord.objects.filter(consent_id__in=ids), "of the consent ids given", options)
            return
        days = options["retention_days"]
        if days is None:
            days = conf.get_settings().retention_days
        if days < 1:
            raise CommandError("--retention-days must be at least 1")
        max_age = max(json.loads(get_policy().to_json())["max_age_days"].values())
        if days < max_age and not options["allow_short_retention"]:
            raise CommandError(
                f"a retention of {days} days is shorter than the policy's max age ({max_age} days): it would "
                "delete the proof of choices still applied (--allow-short-retention to do it anyway)"
            )
        cutoff = timezone.now() - datetime.timedelta(days=days)
        self._delete(ConsentRecord.objects.filter(created__lt=cutoff), f"saved before {cutoff.isoformat()}", options)

    def _delete(self, records: QuerySet[ConsentRecord], which: str, options: dict[str, Any]) -> None:
        if options["dry_run"]:
            count = records.count()
            self.stdout.write(f"{count} consent record{'s' if count != 1 else ''} {which} would be deleted")
            return
        count, _by_model = records.delete()
        self.stdout.write(f"{count} consent record{'s' if count != 1 else ''} {which} deleted")


def _consent_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise CommandError(f"not a consent id (a UUID): {text!r}") from None
