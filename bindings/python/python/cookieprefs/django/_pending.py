"""TEMPORARY stand-in for the core's declaration API (issue 11), used only
while the native module lacks it; deleted when it lands. Not a rule of the
library: the core's own implementation is the one that counts."""

from __future__ import annotations

import copy
import html
from dataclasses import dataclass
from typing import Any

from .. import Evaluation, Policy

_config: dict[str, Any] = {}

_DEFAULTS = {
    "necessary": {
        "label": {"fr": "Cookies nécessaires", "en": "Necessary cookies"},
        "description": {
            "fr": "Indispensables au fonctionnement du site (session, langue, sécurité, mémorisation de votre choix). Ils ne requièrent pas de consentement.",
            "en": "Needed for the site to work (session, language, security, remembering your choice). They need no consent.",
        },
    },
    "statistics": {
        "label": {"fr": "Statistiques", "en": "Statistics"},
        "description": {
            "fr": "Mesure d'audience : suivre les actions des visiteurs pour comprendre l'usage du site.",
            "en": "Audience measurement: following visitors' actions to understand how the site is used.",
        },
    },
    "first_party": {
        "label": {"fr": "Cookies internes", "en": "First-party cookies"},
        "description": {
            "fr": "Déposés par ce site au-delà du nécessaire : ils peuvent collecter des données personnelles, suivre votre comportement ou servir à la publicité.",
            "en": "Set by this site beyond what is necessary: they may collect personal data, track your behaviour or serve advertising.",
        },
    },
    "third_party": {
        "label": {"fr": "Cookies tiers", "en": "Third-party cookies"},
        "description": {
            "fr": "Déposés par (ou pour) un autre site, par exemple un contenu intégré : cet autre site peut voir les pages que vous visitez ici.",
            "en": "Set by (or for) another site, such as embedded content: that site can see which pages you visit here.",
        },
    },
}


def load(config: dict[str, Any]) -> Policy:
    global _config
    core = copy.deepcopy(config)
    for key in ("languages", "necessary", "cookies", "undeclared"):
        core.pop(key, None)
    for c in core.get("categories", []) if isinstance(core.get("categories"), list) else []:
        if isinstance(c, dict):
            c.pop("label", None)
            c.pop("description", None)
    policy = Policy.from_dict(core)
    _config = config
    return policy


def languages(policy: Policy) -> list[str]:
    return list(_config.get("languages") or ["fr", "en"])


def language_for(policy: Policy, requested: str) -> str:
    langs = languages(policy)
    req = requested.lower()
    for candidate in (req, req.split("-")[0]):
        for lang in langs:
            if lang.lower() == candidate:
                return lang
    return langs[0]


def _name(policy: Policy, category: str | int) -> str:
    if isinstance(category, int) or str(category).isdigit():
        cid = int(category)
        if cid == 0:
            return "necessary"
        for i, name, _since in policy.categories:
            if i == cid:
                return name
    return str(category)


def _text(texts: Any, lang: str, policy: Policy) -> str:
    if isinstance(texts, str):
        return texts
    if not isinstance(texts, dict) or not texts:
        return ""
    return str(texts.get(lang) or texts.get(languages(policy)[0]) or next(iter(texts.values())))


def _entry(policy: Policy, category: str | int) -> dict[str, Any]:
    name = _name(policy, category)
    if name == "necessary":
        entry = _config.get("necessary") or {}
    else:
        entry = next((c for c in _config.get("categories", []) if c.get("name") == name), {})
    return {**_DEFAULTS.get(name, {"label": {"en": name}, "description": {}}), **entry}


def label(policy: Policy, category: str | int, lang: str) -> str:
    return _text(_entry(policy, category)["label"], lang, policy)


def description(policy: Policy, category: str | int, lang: str) -> str:
    return _text(_entry(policy, category)["description"], lang, policy)


@dataclass(frozen=True)
class DeclaredCookie:
    name: str
    is_pattern: bool
    category: str
    provider: str
    service: str
    purpose: str
    retention: int | str | None
    domain: str | None
    path: str


def cookies(policy: Policy, lang: str) -> list[DeclaredCookie]:
    out = []
    for c in _config.get("cookies", []):
        name = c["name"]
        out.append(DeclaredCookie(
            name=name, is_pattern=name.endswith("*"), category=c["category"],
            provider=_text(c.get("provider", ""), lang, policy), service=_text(c.get("service", ""), lang, policy),
            purpose=_text(c.get("purpose", ""), lang, policy), retention=c.get("retention"),
            domain=c.get("domain"), path=c.get("path", "/"),
        ))
    return out


def undeclared(policy: Policy) -> str:
    return str(_config.get("undeclared", "allow"))


def _match(policy: Policy, name: str) -> DeclaredCookie | None:
    best = None
    for c in cookies(policy, languages(policy)[0]):
        if c.is_pattern:
            if name.startswith(c.name[:-1]) and (best is None or len(c.name) > len(best.name)):
                best = c
        elif c.name == name:
            return c
    return best


def classify(policy: Policy, name: str) -> str | None:
    if name == policy.cookie_name:
        return "necessary"
    found = _match(policy, name)
    return found.category if found else None


def cookie_allowed(evaluation: Evaluation, name: str) -> bool:
    category = classify(evaluation.policy, name)
    if category is None:
        return undeclared(evaluation.policy) == "allow"
    return evaluation.allowed(category)


def set_cookie_allowed(evaluation: Evaluation, set_cookie: str) -> bool:
    name = set_cookie.split(";", 1)[0].split("=", 1)[0].strip()
    return cookie_allowed(evaluation, name)


def cookies_to_clear(evaluation: Evaluation, cookie_header: str) -> list[str]:
    out = []
    for part in cookie_header.split(";"):
        name = part.split("=", 1)[0].strip()
        if not name or cookie_allowed(evaluation, name):
            continue
        declared = _match(evaluation.policy, name)
        header = f"{name}=; Max-Age=0; Path={declared.path if declared else '/'}"
        if declared and declared.domain:
            header += f"; Domain={declared.domain}"
        if header not in out:
            out.append(header)
    return out


_PAGE = {
    "fr": ("Charte cookies", "Qu'est-ce qu'un cookie ?", "Nom du prestataire", "Service et emplacement",
           "Nom du cookie", "Finalités", "Durée de conservation", "session", "jours"),
    "en": ("Cookie policy", "What is a cookie?", "Provider", "Service and location", "Cookie name", "Purpose",
           "Retention", "session", "days"),
}


def page(policy: Policy, lang: str) -> str:
    t = _PAGE.get(lang, _PAGE["en"])
    e = html.escape
    parts = [f"<h2>{e(t[1])}</h2>",
             "<p>" + e("Un cookie est une petite suite d'informations déposée par un site dans votre navigateur."
                       if lang == "fr" else "A cookie is a small piece of information a site stores in your browser.")
             + "</p>"]
    names = ["necessary"] + [name for _i, name, _s in policy.categories]
    declared = cookies(policy, lang)
    for name in names:
        parts.append(f"<h3>{e(label(policy, name, lang))}</h3><p>{e(description(policy, name, lang))}</p>")
        rows = [c for c in declared if c.category == name]
        if not rows:
            continue
        parts.append(f"<table><thead><tr><th scope=\"col\">{e(t[2])}</th><th scope=\"col\">{e(t[3])}</th>"
                     f"<th scope=\"col\">{e(t[4])}</th><th scope=\"col\">{e(t[5])}</th><th scope=\"col\">{e(t[6])}</th></tr></thead><tbody>")
        for c in rows:
            retention = t[7] if c.retention == "session" else f"{c.retention} {t[8]}" if c.retention else ""
            parts.append(f"<tr><td>{e(c.provider)}</td><td>{e(c.service)}</td><td><code>{e(c.name)}</code></td>"
                         f"<td>{e(c.purpose)}</td><td>{e(retention)}</td></tr>")
        parts.append("</tbody></table>")
    return "\n".join(parts)
