"""Every scenario of the consent experience, as a visitor lives it, in
headless Chromium against the example portal; axe-core (WCAG 2.1 A and AA)
on the banner, the preferences page and the policy page."""

from __future__ import annotations

import datetime
import json
import pathlib
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import cookieprefs
from conftest import AXE, SCREENSHOTS, WCAG_21_AA, Site

STATUS = "#cookieprefs-status"
BANNER = "#cookieprefs-banner"
CUSTOMISE = "details.cookieprefs-details > summary"


# ---------------------------------------------------------------- helpers


def shot(page: Page, name: str, full_page: bool = False) -> pathlib.Path:
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path


def axe(page: Page, what: str) -> None:
    """axe-core on the page as it is (details opened first, so that what they
    hide is checked too): no WCAG 2.1 A/AA violation."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert not violations, f"axe on {what}:\n" + "\n".join(violations)
    assert result["passes"], "axe ran no rule"
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)")


def cookies(context: BrowserContext) -> dict[str, str]:
    return {c["name"]: c["value"] for c in context.cookies()}


def stored(context: BrowserContext) -> dict[str, str]:
    """The consent cookie's categories, decoded by the library."""
    value = cookies(context)["cookies_preferences"]
    return {k: str(v) for k, v in cookieprefs.decode(value).categories.items()}


def data_layer(page: Page) -> list[list[Any]]:
    return page.evaluate("(window.dataLayer || []).map(a => Array.from(a))")


def statistics_loaded(page: Page) -> bool:
    return bool(page.evaluate("!!(window.portalStatistics && window.portalStatistics.loaded)"))


def expect_saved_and_focused(page: Page) -> None:
    status = page.locator(STATUS)
    expect(status).to_have_attribute("role", "status")
    expect(status).not_to_be_empty()
    expect(status).to_be_focused()


def value_of(day: datetime.date, revision: int = 1, **states: str) -> str:
    return cookieprefs.Preferences(categories=states, revision=revision, updated=day).encode()


TODAY = datetime.datetime.now(datetime.timezone.utc).date()


# ---------------------------------------------------------------- scenarios


def test_first_visit_shows_the_french_banner_and_loads_nothing(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    banner = page.locator(BANNER)
    expect(banner).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(banner.get_by_role("heading")).to_have_text("Vos choix en matière de cookies")
    reject = banner.get_by_role("button", name="Tout refuser")
    accept = banner.get_by_role("button", name="Tout accepter")
    expect(reject).to_be_visible()
    expect(accept).to_be_visible()
    # Refusing is as easy as accepting: the same size, colours and weight.
    style = "e => { const s = getComputedStyle(e), r = e.getBoundingClientRect();" \
            " return [s.color, s.backgroundColor, s.fontWeight, s.fontSize, Math.round(r.height)]; }"
    assert reject.evaluate(style) == accept.evaluate(style)
    # The categories with their texts and cookies, and the policy link.
    banner.locator(CUSTOMISE).click()
    expect(banner.get_by_label("Cookies statistiques")).not_to_be_checked()
    expect(banner.get_by_role("link", name="Charte cookies")).to_have_attribute("href", "/cookies/policy/")
    banner.locator(CUSTOMISE).click()
    # Nothing loaded: no statistics script, no embed, no optional cookie.
    assert not statistics_loaded(page)
    expect(page.locator("#video-embed")).to_have_count(0)
    assert set(cookies(context)) <= {"csrftoken"}
    # Consent Mode: default (denied, wait_for_update) before the update.
    commands = [c for c in data_layer(page) if c[0] == "consent"]
    assert [c[1] for c in commands] == ["default", "update"]
    assert commands[0][2]["analytics_storage"] == "denied" and commands[0][2]["wait_for_update"] == 500
    assert commands[1][2]["ad_storage"] == "denied"
    shot(page, "01-first-visit-fr")
    axe(page, "the banner (first visit)")
    assert not page.js_errors  # type: ignore[attr-defined]


def test_reject_all(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    page.locator(BANNER).get_by_role("button", name="Tout refuser").click()
    expect_saved_and_focused(page)
    expect(page.locator(BANNER)).to_have_count(0)
    assert stored(context) == {"statistics": "denied", "first_party": "denied", "third_party": "denied"}
    shot(page, "02-after-reject")
    page.goto(site.url + "/datasets/")  # a view that tries to set a statistics cookie
    expect(page.locator(BANNER)).to_have_count(0)
    assert not statistics_loaded(page)
    assert not any(name.startswith("_pk_") for name in cookies(context))


def test_accept_all(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    page.locator(BANNER).get_by_role("button", name="Tout accepter").click()
    expect_saved_and_focused(page)
    # Activated on this page, without a reload.
    page.wait_for_function("window.portalStatistics && window.portalStatistics.loaded")
    expect(page.locator("#video-embed")).to_be_visible()
    assert stored(context) == {"statistics": "granted", "first_party": "granted", "third_party": "granted"}
    update = [c for c in data_layer(page) if c[:2] == ["consent", "update"]][-1][2]
    assert update["analytics_storage"] == "granted" and update["ad_storage"] == "granted"
    assert "_pk_id.1.portal" in cookies(context)
    shot(page, "03-after-accept")
    page.reload()
    expect(page.locator(BANNER)).to_have_count(0)
    assert statistics_loaded(page)


def test_custom_choice(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    banner = page.locator(BANNER)
    banner.locator(CUSTOMISE).click()
    banner.get_by_label("Cookies statistiques").check()
    shot(page, "04-customise")
    banner.get_by_role("button", name="Enregistrer mes choix").click()
    expect_saved_and_focused(page)
    assert stored(context) == {"statistics": "granted", "first_party": "denied", "third_party": "denied"}
    page.wait_for_function("window.portalStatistics && window.portalStatistics.loaded")
    expect(page.locator("[data-cookieprefs-placeholder='third_party']")).to_be_visible()


def test_reopen_from_the_footer_link(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    page.locator(BANNER).get_by_role("button", name="Tout refuser").click()
    expect_saved_and_focused(page)
    page.get_by_role("contentinfo").get_by_role("link", name="Gérer les cookies").click()
    expect(page).to_have_url(site.url + "/cookies/preferences/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gérer les cookies")
    expect(page.locator(BANNER)).to_have_count(0)  # one form per page
    form = page.locator("form.cookieprefs-form")
    expect(form.get_by_label("Cookies statistiques")).not_to_be_checked()
    expect(page.locator(".cookieprefs-current")).to_contain_text("Cookies statistiques : refusés")
    shot(page, "05-preferences-page")
    axe(page, "the preferences page")
    form.get_by_label("Cookies statistiques").check()
    form.get_by_role("button", name="Enregistrer mes choix").click()
    expect(page).to_have_url(site.url + "/cookies/preferences/?saved=1")
    expect_saved_and_focused(page)
    assert stored(context)["statistics"] == "granted"
    expect(form.get_by_label("Cookies statistiques")).to_be_checked()


def test_withdrawal_clears_the_statistics_cookies(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    page.locator(BANNER).get_by_role("button", name="Tout accepter").click()
    expect_saved_and_focused(page)
    page.wait_for_function("document.cookie.includes('_pk_id.1.portal')")
    page.goto(site.url + "/datasets/")
    assert {"_pk_id.1.portal", "_pk_ses.1.portal"} <= set(cookies(context))
    page.goto(site.url + "/cookies/preferences/")
    form = page.locator("form.cookieprefs-form")
    form.get_by_label("Cookies statistiques").uncheck()
    form.get_by_role("button", name="Enregistrer mes choix").click()
    expect_saved_and_focused(page)
    assert stored(context)["statistics"] == "denied"
    assert not any(name.startswith("_pk_") for name in cookies(context)), cookies(context)
    shot(page, "06-after-withdrawal")


def test_targeted_reconsent_after_a_revision_adds_a_category(page: Page, context: BrowserContext, site: Site,
                                                             revised_site: Site) -> None:
    # A choice made under the current policy: statistics granted, the rest refused.
    page.goto(site.url + "/")
    banner = page.locator(BANNER)
    banner.locator(CUSTOMISE).click()
    banner.get_by_label("Cookies statistiques").check()
    banner.get_by_role("button", name="Enregistrer mes choix").click()
    expect_saved_and_focused(page)
    # The revised policy (same host: the cookie goes along) adds "maps".
    page.goto(revised_site.url + "/")
    banner = page.locator(BANNER)
    expect(banner.get_by_role("heading")).to_have_text("Une nouvelle question sur les cookies")
    expect(banner).to_contain_text("Cartes interactives")
    expect(banner).to_contain_text("Cookies statistiques : acceptés")
    shot(page, "07-targeted-reconsent")
    axe(page, "the banner (targeted re-consent)")
    # "Refuse" answers the new question only: the statistics grant stands.
    banner.get_by_role("button", name="Refuser", exact=True).click()
    expect_saved_and_focused(page)
    states = stored(context)
    assert states["statistics"] == "granted" and states["16"] == "denied", states
    assert states["first_party"] == "denied" and states["third_party"] == "denied"


@pytest.mark.context(extra_http_headers={"Sec-GPC": "1"})
def test_gpc(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    banner = page.locator(BANNER)
    expect(banner.locator(".cookieprefs-gpc")).to_contain_text("Global Privacy Control")
    expect(banner.locator(".cookieprefs-gpc")).to_contain_text("Cookies tiers (third-party)")
    shot(page, "08-gpc")
    # "Accept all" does not grant what GPC refused.
    banner.get_by_role("button", name="Tout accepter").click()
    expect_saved_and_focused(page)
    assert stored(context) == {"statistics": "granted", "first_party": "granted", "third_party": "denied"}
    # Granting it takes an explicit tick.
    page.goto(site.url + "/cookies/preferences/")
    form = page.locator("form.cookieprefs-form")
    form.get_by_label("Cookies tiers (third-party)").check()
    form.get_by_role("button", name="Enregistrer mes choix").click()
    expect_saved_and_focused(page)
    assert stored(context)["third_party"] == "granted"


def _focus_is_visible(page: Page) -> bool:
    return bool(page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"))


def test_keyboard_only(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    banner = page.locator(BANNER)
    banner.locator(CUSTOMISE).evaluate("e => e.parentElement.open = true")
    wanted = {"Tout refuser", "Tout accepter", "Personnaliser", "Enregistrer mes choix", "Charte cookies",
              "Cookies statistiques", "Cookies internes (first-party)", "Cookies tiers (third-party)"}
    reached: set[str] = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        inside, name = page.evaluate(
            "() => { const e = document.activeElement; const b = document.getElementById('cookieprefs-banner');"
            " const l = e.labels && e.labels[0]; return [!!b && b.contains(e),"
            " (l ? l.textContent : e.tagName === 'SUMMARY' || e.tagName === 'A' || e.tagName === 'BUTTON'"
            " ? e.textContent : '').trim()]; }")
        if inside:
            assert _focus_is_visible(page), f"no visible focus on {name!r}"
            reached.add(name)
        if wanted <= reached:
            break
    assert wanted <= reached, f"not reached by Tab: {wanted - reached}"
    shot(page, "09-keyboard-focus")
    # Space ticks a box, Enter on a button saves.
    banner.get_by_label("Cookies statistiques").focus()
    page.keyboard.press("Space")
    banner.get_by_role("button", name="Enregistrer mes choix").focus()
    page.keyboard.press("Enter")
    expect_saved_and_focused(page)
    assert stored(context)["statistics"] == "granted"


def test_language_switch(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert cookies(context).get("django_language") == "en"
    banner = page.locator(BANNER)
    expect(banner.get_by_role("heading")).to_have_text("Your cookie choices")
    banner.locator(CUSTOMISE).click()
    expect(banner.get_by_label("Statistics cookies")).to_be_visible()
    expect(page.get_by_role("contentinfo").get_by_role("link", name="Manage cookies")).to_be_visible()
    shot(page, "10-english")
    page.goto(site.url + "/cookies/policy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cookie policy")
    page.get_by_role("button", name="Français").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Charte cookies")


def test_embed_placeholder(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    page.locator(BANNER).get_by_role("button", name="Tout refuser").click()
    expect_saved_and_focused(page)
    page.reload()
    expect(page.locator(BANNER)).to_have_count(0)
    placeholder = page.locator("[data-cookieprefs-placeholder='third_party']")
    expect(placeholder).to_be_visible()
    expect(placeholder).to_contain_text("Vidéo de présentation")
    expect(page.locator("#video-embed")).to_have_count(0)
    shot(page, "11-embed-placeholder")
    placeholder.get_by_role("button").click()
    frame = page.locator("#video-embed")
    expect(frame).to_be_visible()
    assert frame.get_attribute("src", timeout=1000).startswith(site.embed_origin)
    expect(page.frame_locator("#video-embed").locator("#video")).to_be_visible()
    status = page.locator("[role='status']").filter(has_text="autorisés")
    expect(status).to_be_focused()
    states = stored(context)
    assert states == {"statistics": "denied", "first_party": "denied", "third_party": "granted"}
    shot(page, "12-embed-shown")


@pytest.mark.context(viewport={"width": 375, "height": 667}, device_scale_factor=2, is_mobile=True, has_touch=True)
def test_small_screen_layout(page: Page, site: Site) -> None:
    page.goto(site.url + "/")
    box = page.locator(BANNER).bounding_box()
    assert box is not None and box["height"] <= 667 / 2, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "13-375x667")
    page.set_viewport_size({"width": 320, "height": 568})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator(BANNER).bounding_box()["height"] <= 568 / 2  # type: ignore[index]
    shot(page, "14-320x568")
    page.goto(site.url + "/cookies/policy/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


BAD_COOKIES = {
    "garbage": "%%%not-a-value%%%",
    "raw-json": '{"statistics":true}',
    "url-encoded-json": "%7B%22statistics%22%3Atrue%7D",
    "expired": value_of(TODAY - datetime.timedelta(days=200), statistics="granted", first_party="granted",
                        third_party="granted"),
    "future": value_of(TODAY + datetime.timedelta(days=30), statistics="granted"),
}


@pytest.mark.parametrize("value", list(BAD_COOKIES.values()), ids=list(BAD_COOKIES))
def test_bad_cookies_show_the_banner_without_error(page: Page, context: BrowserContext, site: Site,
                                                   value: str) -> None:
    context.add_cookies([{"name": "cookies_preferences", "value": value, "url": site.url}])
    response = page.goto(site.url + "/")
    assert response is not None and response.status == 200
    expect(page.locator(BANNER)).to_be_visible()
    assert not statistics_loaded(page)
    assert not page.js_errors  # type: ignore[attr-defined]


@pytest.mark.context(java_script_enabled=False)
def test_without_javascript(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    page.locator(BANNER).get_by_role("button", name="Tout refuser").click()
    page.wait_for_url(site.url + "/")
    expect(page.locator(BANNER)).to_have_count(0)
    assert stored(context)["statistics"] == "denied"


def test_policy_page(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/cookies/policy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Charte cookies")
    expect(page.locator(BANNER)).to_have_count(0)  # the page carries the form
    body = page.locator(".cookieprefs-policy")
    for name in ("sessionid", "django_language", "csrftoken", "cookies_preferences"):
        expect(body.get_by_text(name, exact=True)).to_be_visible()
    expect(body).to_contain_text("Se souvenir de la langue du visiteur")
    expect(page.locator("form.cookieprefs-form")).to_be_visible()
    shot(page, "15-policy-page", full_page=True)
    axe(page, "the policy page")
    page.locator("form.cookieprefs-form").get_by_role("button", name="Tout refuser").click()
    expect(page).to_have_url(site.url + "/cookies/policy/?saved=1")
    expect_saved_and_focused(page)
    assert json.dumps(stored(context))


@pytest.mark.context(color_scheme="dark", reduced_motion="reduce")
def test_dark_mode_and_reduced_motion(page: Page, site: Site) -> None:
    page.goto(site.url + "/")
    banner = page.locator(BANNER)
    background = banner.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(30, 31, 34)", background  # the dark scheme's --cookieprefs-bg
    assert banner.evaluate("e => getComputedStyle(e).animationName") == "none"
    shot(page, "16-dark-mode")
    axe(page, "the banner in dark mode")


def test_a_placeholder_answers_the_first_visit_too(page: Page, context: BrowserContext, site: Site) -> None:
    page.goto(site.url + "/")
    expect(page.locator(BANNER)).to_be_visible()
    page.locator("[data-cookieprefs-placeholder='third_party']").get_by_role("button").click()
    expect(page.locator("#video-embed")).to_be_visible()
    # Every category is answered now (the others refused): the banner goes.
    expect(page.locator(BANNER)).to_have_count(0)
    assert stored(context) == {"statistics": "denied", "first_party": "denied", "third_party": "granted"}
    assert not statistics_loaded(page)
