"""``manage.py cookieprefs_export``: consent records for an audit or an
access request, as JSON Lines or CSV, by date range and/or consent id."""

from __future__ import annotations

import csv
import datetime
import json
import uuid
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from ....conf import get_policy
from ...models import ConsentRecord

UTC = datetime.timezone.utc
CSV_HEAD = ("consent_id", "created", "revision", "method")
CSV_TAIL = ("cookie_value", "policy_version", "language", "library_version", "client_ip", "user_agent_family")


def _moment(text: str, *, end: bool) -> datetime.datetime:
    """A date (the whole UTC day: its start, or for ``end`` the next day's
    start) or an ISO 8601 date-time (naive: UTC)."""
    try:
        if len(text) == 10:
            day = datetime.date.fromisoformat(text)
            start = datetime.datetime.combine(day, datetime.time(), tzinfo=UTC)
            return start + datetime.timedelta(days=1) if end else start
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(f"not a date (YYYY-MM-DD) or an ISO 8601 date-time: {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _consent_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise CommandError(f"not a consent id (a UUID): {text!r}") from None


class Command(BaseCommand):
    help = (
        "Export consent records as JSON Lines (one record per line) or CSV (one column per category), "
        "oldest first. --from and --to are inclusive; a bare date is the whole UTC day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
        parser.add_argument("--from", dest="start", metavar="DATE", help="records saved on or after (UTC)")
        parser.add_argument("--to", dest="end", metavar="DATE", help="records saved on or before (UTC)")
        parser.add_argument(
            "--consent-id", action="append", default=[], metavar="UUID",
            help="only this consent id's records (repeatable)",
        )
        parser.add_argument(
            "--with-policy", action="store_true",
            help="JSON Lines: add each record's declaration, texts and policy page",
        )
        parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        records: QuerySet[ConsentRecord] = ConsentRecord.objects.select_related("policy_version").order_by(
            "created", "id"
        )
        if options["start"]:
            records = records.filter(created__gte=_moment(options["start"], end=False))
        if options["end"]:
            end = options["end"]
            records = records.filter(**{"created__lt" if len(end) == 10 else "created__lte": _moment(end, end=True)})
        if options["consent_id"]:
            records = records.filter(consent_id__in=[_consent_id(c) for c in options["consent_id"]])
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as out:
                count = self._write(records, out, options)
        else:
            count = self._write(records, self.stdout, options)
        self.stderr.write(f"{count} consent record{'s' if count != 1 else ''} exported")

    def _write(self, records: QuerySet[ConsentRecord], out: IO[str] | Any, options: dict[str, Any]) -> int:
        count = 0
        if options["format"] == "jsonl":
            for record in records.iterator(chunk_size=2000):
                out.write(json.dumps(record.as_dict(with_policy=options["with_policy"]), ensure_ascii=False) + "\n")
                count += 1
            return count
        # One column per category name found in the exported records: the
        # current policy's categories in its order, then any others by name.
        found: set[str] = set()
        for states in records.values_list("states", flat=True).iterator(chunk_size=2000):
            found.update(states)
        offered = [name for _cid, name, _since in get_policy().categories]
        categories = [name for name in offered if name in found] + sorted(found - set(offered))
        # One write per row, ending in a newline: Django's OutputWrapper
        # then adds none of its own.
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([*CSV_HEAD, *categories, *CSV_TAIL])
        for record in records.iterator(chunk_size=2000):
            v = record.policy_version
            writer.writerow([
                record.consent_id, record.created.isoformat(), record.revision, record.method,
                *(record.states.get(name, "") for name in categories),
                record.cookie_value, v.digest, v.language, v.library_version, record.client_ip, record.user_agent_family,
            ])
            count += 1
        return count

