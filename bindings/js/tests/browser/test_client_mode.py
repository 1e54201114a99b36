"""Client mode in a real browser: one cached page, each visitor's own
behaviour decided by the WebAssembly module (docs/JS.md)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest
from conftest import AXE, WCAG_21_AA, Site, cookie_value, cookieprefs
from django.conf import settings
from playwright.sync_api import BrowserContext, Page, expect

GPC = "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});"
NAME = "cookies_preferences"


def fetch(site: Site, cookie: str | None = None) -> tuple[bytes, Any]:
    request = urllib.request.Request(site.url + "/", headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read(), response.headers


def visit(page: Page, site: Site) -> None:
    page.goto(site.url + "/")
    page.wait_for_function("window.changes.length > 0")


def set_choice(context: BrowserContext, site: Site, choice: str) -> str:
    value = cookie_value(choice)
    context.add_cookies([{"name": NAME, "value": value, "url": site.url}])
    return value


def consent_calls(page: Page) -> list[list[Any]]:
    """The gtag('consent', …) calls in window.dataLayer, in order."""
    calls: list[list[Any]] = page.evaluate(
        "window.dataLayer.filter((a) => a[0] === 'consent').map((a) => Array.from(a))"
    )
    return calls


def cookies(page: Page) -> str:
    return str(page.evaluate("document.cookie"))


def test_every_visitor_gets_the_same_cached_page(site: Site) -> None:
    first, headers = fetch(site)
    accepted, _ = fetch(site, f"{NAME}={cookie_value('accept_all')}")
    refused, _ = fetch(site, f"{NAME}={cookie_value('reject_all')}; other=1")
    assert first == accepted == refused  # the same render: served from Django's per-site cache
    assert "cookie" not in (headers.get("Vary") or "").lower()
    assert "max-age=600" in headers["Cache-Control"]
    assert b'gtag(\'consent\',\'default\',{"ad_storage":"denied"' in first
    assert b'"wait_for_update":500' in first
    assert b'<script type="text/plain" data-cookieprefs-category="statistics">' in first


def test_the_page_loads_the_page_build_with_the_servers_policy_and_texts(site: Site, page: Page) -> None:
    """What the page downloads is the page build (the size budget's files),
    its policy the compact form the server wrote from the policy it checked,
    and the dialog's labels the server's texts (FORMAT.md §14, docs/JS.md)."""
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url.rsplit("/", 1)[-1]))
    visit(page, site)
    assert {"page.js", "cookieprefs_page_bg.wasm", "page.css"} <= set(loaded)
    assert not {"cookieprefs.js", "cookieprefs_wasm.js", "cookieprefs_wasm_bg.wasm"} & set(loaded)
    config = json.loads(page.locator("#cookieprefs-client-config").text_content() or "")
    policy = cookieprefs.Policy.from_dict(settings.COOKIEPREFS)
    assert config["policy"] == policy.to_compact()
    assert [c["label"] for c in config["texts"]["categories"]] == [
        policy.label(c, "en") for c in ("necessary", "statistics", "first_party", "third_party")
    ]
    expect(page.locator("dialog.cookieprefs-client label[for=cookieprefs-client-category-1]")).to_contain_text(
        policy.label("statistics", "en")
    )


@pytest.mark.context(viewport={"width": 320, "height": 568})
def test_on_a_small_screen_the_banner_shows_its_title_and_both_answers(site: Site, page: Page) -> None:
    visit(page, site)
    dialog = page.locator("dialog.cookieprefs-client")
    box = dialog.bounding_box()
    assert box is not None and box["height"] <= 0.6 * 568 + 1, box
    for target in (
        page.get_by_role("heading", name="Cookies on this site"),
        page.get_by_role("button", name="Reject all"),
        page.get_by_role("button", name="Accept all"),
    ):
        expect(target).to_be_in_viewport(ratio=1)
    assert page.evaluate("document.activeElement.id") == "cookieprefs-client-title"


def test_visitor_a_accepted(site: Site, context: BrowserContext, page: Page) -> None:
    rendered = fetch(site)[0]
    set_choice(context, site, "accept_all")
    visit(page, site)
    assert f'<span id="render">{page.locator("#render").inner_text()}</span>'.encode() in rendered
    expect(page.locator("dialog.cookieprefs-client")).to_have_count(0)  # no banner: never built
    expect(page.locator("#stats-status")).to_have_text("statistics: on")
    page.wait_for_function("window.statsExternal === 1")
    assert page.evaluate("window.statsInline") == 1
    expect(page.locator("iframe[title=Video]")).to_have_attribute("src", "/embed/")
    expect(page.frame_locator("iframe[title=Video]").locator("#video")).to_have_text("the video")
    expect(page.locator("[data-cookieprefs-placeholder]")).to_be_hidden()
    calls = consent_calls(page)
    assert [c[1] for c in calls] == ["default", "update"]
    assert calls[0][2]["analytics_storage"] == "denied"
    assert calls[1][2]["analytics_storage"] == "granted" and calls[1][2]["ad_storage"] == "granted"
    changes = page.evaluate("window.changes")
    assert [c["source"] for c in changes] == ["load"]
    assert changes[0]["allowed"] == {"necessary": True, "statistics": True, "first_party": True, "third_party": True}


def test_visitor_b_refused(site: Site, context: BrowserContext, page: Page) -> None:
    value = set_choice(context, site, "reject_all")
    visit(page, site)
    expect(page.locator("dialog.cookieprefs-client")).to_have_count(0)
    expect(page.locator("#stats-status")).to_have_text("statistics: off")
    assert page.evaluate("window.statsInline === undefined && window.statsExternal === undefined")
    assert page.locator("iframe[title=Video]").get_attribute("src") is None
    expect(page.locator("[data-cookieprefs-placeholder]")).to_be_visible()
    assert consent_calls(page)[-1][2] == {
        "ad_storage": "denied", "ad_user_data": "denied", "ad_personalization": "denied",
        "analytics_storage": "denied", "functionality_storage": "denied",
        "personalization_storage": "denied", "security_storage": "granted",
    }
    # The manage link reopens the dialog, nothing ticked; closing saves nothing.
    page.get_by_role("link", name="Manage cookies").click()
    dialog = page.get_by_role("dialog", name="Cookies on this site")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("checkbox", name="Statistics cookies")).not_to_be_checked()
    expect(dialog.get_by_role("checkbox", name="Necessary cookies (Always on)")).to_be_checked()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    assert f"{NAME}={value}" in cookies(page)



@pytest.mark.context(locale="en-GB")
def test_visitor_c_no_cookie_with_gpc(site: Site, context: BrowserContext, page: Page) -> None:
    context.add_init_script(GPC)
    visit(page, site)
    dialog = page.get_by_role("dialog", name="Cookies on this site")
    expect(dialog).to_be_visible()  # the banner: statistics and first_party not asked
    expect(dialog.get_by_text("Global Privacy Control")).to_be_visible()
    expect(page.locator("#stats-status")).to_have_text("statistics: off")
    assert page.locator("iframe[title=Video]").get_attribute("src") is None
    assert NAME not in cookies(page)  # nothing written from the signal alone
    changes = page.evaluate("window.changes")
    assert changes[0]["allowed"]["third_party"] is False
    # The visitor accepts statistics only.
    dialog.get_by_role("checkbox", name="Statistics cookies").check()
    dialog.get_by_role("button", name="Save my choices").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("status")).to_have_text("Your choice about cookies is saved.")
    expect(page.locator("#stats-status")).to_have_text("statistics: on")
    assert page.locator("iframe[title=Video]").get_attribute("src") is None
    value = page.evaluate(f"document.cookie.split('; ').find((c) => c.startsWith('{NAME}=')).split('=')[1]")
    states = {name: str(state) for name, state in cookieprefs.decode(value).categories.items()}
    assert states == {"statistics": "granted", "first_party": "denied", "third_party": "denied"}
    assert [c["source"] for c in page.evaluate("window.changes")] == ["load", "choice"]
    assert consent_calls(page)[-1][2]["analytics_storage"] == "granted"


def test_scripts_and_embeds_activate_only_after_consent(site: Site, page: Page) -> None:
    visit(page, site)
    dialog = page.get_by_role("dialog", name="Cookies on this site")
    expect(dialog).to_be_visible()
    expect(page.locator("#stats-status")).to_have_text("statistics: off")
    assert page.locator("iframe[title=Video]").get_attribute("src") is None
    assert page.evaluate("window.statsInline === undefined && window.statsExternal === undefined")
    dialog.get_by_role("button", name="Accept all").click()
    expect(page.locator("#stats-status")).to_have_text("statistics: on")
    page.wait_for_function("window.statsExternal === 1")
    expect(page.locator("iframe[title=Video]")).to_have_attribute("src", "/embed/")
    changes = page.evaluate("window.changes")
    assert [c["source"] for c in changes] == ["load", "choice"]
    assert changes[1]["allowed"]["statistics"] is True
    # The next page comes from the cache and asks nothing.
    visit(page, site)
    expect(page.locator("dialog.cookieprefs-client")).to_have_count(0)
    expect(page.locator("#stats-status")).to_have_text("statistics: on")


def test_withdrawal_clears_the_declared_cookies(site: Site, context: BrowserContext, page: Page) -> None:
    set_choice(context, site, "accept_all")
    context.add_cookies([{"name": "_pk_id.1.ab12", "value": "x", "url": site.url},
                         {"name": "embed_visitor", "value": "e", "url": site.url},
                         {"name": "sessionid", "value": "s", "url": site.url}])
    visit(page, site)
    assert "_pk_id.1.ab12=x" in cookies(page)
    page.get_by_role("link", name="Manage cookies").click()
    dialog = page.get_by_role("dialog", name="Cookies on this site")
    dialog.get_by_role("checkbox", name="Statistics cookies").uncheck()
    dialog.get_by_role("button", name="Save my choices").click()
    expect(dialog).to_be_hidden()
    jar = cookies(page)
    assert "_pk_id.1.ab12" not in jar  # statistics withdrawn: cleared
    assert "embed_visitor=e" in jar and "sessionid=s" in jar  # still granted; undeclared allowed
    last = page.evaluate("window.changes")[-1]
    assert last["source"] == "choice" and last["withdrawn"] == ["statistics"]


def test_a_placeholder_allows_its_category(site: Site, context: BrowserContext, page: Page) -> None:
    set_choice(context, site, "reject_all")
    visit(page, site)
    page.get_by_role("button", name="Allow and show it").click()
    expect(page.locator("iframe[title=Video]")).to_have_attribute("src", "/embed/")
    expect(page.locator("[data-cookieprefs-placeholder]")).to_be_hidden()
    expect(page.locator("#stats-status")).to_have_text("statistics: off")


def test_no_accessibility_violation_in_the_dialog(site: Site, page: Page) -> None:
    visit(page, site)
    page.add_script_tag(path=str(AXE))
    for modal in (False, True):
        if modal:
            page.evaluate("window.cookieprefs.open({modal: true})")
        expect(page.locator("dialog.cookieprefs-client")).to_be_visible()
        result = page.evaluate(
            """(tags) => axe.run({include: [["dialog.cookieprefs-client"]]}, {runOnly: {type: "tag", values: tags}})""",
            WCAG_21_AA,
        )
        violations = [(v["id"], [n["html"] for n in v["nodes"]]) for v in result["violations"]]
        assert violations == [], json.dumps(violations, indent=2)
        assert len(result["passes"]) > 5


@pytest.mark.context(java_script_enabled=False)
def test_without_javascript_the_page_links_to_the_preferences_page(site: Site, page: Page) -> None:
    page.goto(site.url + "/")
    link = page.get_by_role("link", name="Manage cookies")
    expect(link).to_have_attribute("href", "/preferences/")
    expect(page.get_by_role("link", name="Choose which cookies you accept").first).to_be_visible()
    expect(page.locator("#stats-status")).to_have_text("statistics: off")
    link.click()
    expect(page.get_by_role("heading")).to_have_text("Cookie preferences (server)")
