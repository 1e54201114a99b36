"""Read-only admin: consent records (search by consent id or cookie value,
filters by date, revision, method and category state) and policy versions.
Nothing can be added, changed or deleted here."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.db.models.fields.json import KeyTransform
from django.http import HttpRequest
from django.utils.html import format_html

from ... import Error, decode
from ..conf import get_policy
from .models import ConsentRecord, PolicyVersion

STATES = ("granted", "denied", "not_asked")


class _ReadOnly(admin.ModelAdmin):
    actions = None

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CategoryStateFilter(admin.SimpleListFilter):
    """One choice per offered category of the current policy and state."""

    title = "category state"
    parameter_name = "category_state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(f"{name}:{state}", f"{name}: {state}") for _cid, name, _ in get_policy().categories for state in STATES]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if not value:
            return queryset
        name, _, state = value.partition(":")
        if state not in STATES or not any(name == n for _c, n, _s in get_policy().categories):
            return queryset.none()
        return queryset.alias(_category_state=KeyTransform(name, "states")).filter(_category_state=state)


def _consent_id_of(term: str) -> uuid.UUID | None:
    """A consent id typed as a UUID, or found in a cookie value pasted whole."""
    try:
        return uuid.UUID(term)
    except ValueError:
        pass
    try:
        return decode(term).consent_id
    except Error:
        return None


@admin.register(ConsentRecord)
class ConsentRecordAdmin(_ReadOnly):
    list_display = ("created", "consent_id", "method", "revision", "choice", "language")
    list_filter = ("created", "revision", "method", CategoryStateFilter)
    date_hierarchy = "created"
    search_fields = ("consent_id",)
    search_help_text = "A consent id (the UUID in the visitor's cookie), or the cookie's value"
    ordering = ("-created", "-id")
    list_select_related = ("policy_version",)
    show_full_result_count = False
    fields = (
        "consent_id", "created", "revision", "method", "states_table", "cookie_value", "policy_version",
        "client_ip", "user_agent_family",
    )
    readonly_fields = fields

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        term = search_term.strip()
        if not term:
            return queryset, False
        consent_id = _consent_id_of(term)
        if consent_id is None:
            return queryset.none(), False
        return queryset.filter(consent_id=consent_id), False

    @admin.display(description="choice")
    def choice(self, record: ConsentRecord) -> str:
        return ", ".join(f"{name}: {state}" for name, state in record.states.items())

    @admin.display(description="language")
    def language(self, record: ConsentRecord) -> str:
        return record.policy_version.language

    @admin.display(description="states")
    def states_table(self, record: ConsentRecord) -> str:
        return format_html(
            "<pre>{}</pre>", json.dumps(record.states, indent=2, ensure_ascii=False)
        )


@admin.register(PolicyVersion)
class PolicyVersionAdmin(_ReadOnly):
    list_display = ("first_seen", "revision", "language", "digest", "library_version")
    list_filter = ("revision", "language")
    search_fields = ("digest",)
    ordering = ("-first_seen",)
    fields = ("digest", "revision", "language", "first_seen", "library_version", "page_text", "texts_json", "declaration")
    readonly_fields = fields

    @admin.display(description="policy page shown (Markdown)")
    def page_text(self, version: PolicyVersion) -> str:
        return format_html("<pre style='white-space: pre-wrap'>{}</pre>", version.page)

    @admin.display(description="texts shown")
    def texts_json(self, version: PolicyVersion) -> str:
        return format_html("<pre>{}</pre>", json.dumps(version.texts, indent=2, ensure_ascii=False))
