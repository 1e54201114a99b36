/* cookieprefs: a small progressive enhancement of the consent forms. Without
   it every form still works (a POST, then a redirect).
   - The banner and the placeholders save with fetch: Google Consent Mode gets
     the update, the content the visitor now allows is activated in place,
     the banner gives way to a confirmation announced by role="status", and
     focus moves to it instead of falling to <body>.
   - The preferences and policy pages post as usual; the page they come back
     to announces the confirmation, and focus is moved to it. */
(function () {
  "use strict";

  function activate(category) {
    document.querySelectorAll('template[data-cookieprefs-category="' + category + '"]').forEach(function (t) {
      var fragment = document.importNode(t.content, true);
      // Scripts the parser put inside a <template> never run when inserted:
      // recreate each one so that it does.
      fragment.querySelectorAll("script").forEach(function (old) {
        var s = document.createElement("script");
        Array.prototype.forEach.call(old.attributes, function (a) { s.setAttribute(a.name, a.value); });
        s.textContent = old.textContent;
        old.replaceWith(s);
      });
      t.replaceWith(fragment);
    });
    document.querySelectorAll('[data-cookieprefs-placeholder="' + category + '"]').forEach(function (p) { p.remove(); });
  }

  function reserveSpace(banner) {
    // The banner is fixed at the bottom of the viewport: let the page scroll clear of it.
    document.body.style.paddingBottom = banner ? banner.offsetHeight + "px" : "";
  }

  function plainSubmit(form, button) {
    if (button && button.name) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = button.name;
      field.value = button.value;
      form.appendChild(field);
    }
    HTMLFormElement.prototype.submit.call(form); // no submit event: no loop
  }

  function onSubmit(event) {
    var form = event.target.closest && event.target.closest("form[data-cookieprefs-form]");
    var banner = form && form.closest("[data-cookieprefs-banner]");
    var placeholder = form && form.closest("[data-cookieprefs-placeholder]");
    if (!(banner || placeholder) || !window.fetch || !window.FormData) return;
    event.preventDefault();
    var button = event.submitter;
    var data = new FormData(form);
    if (button && button.name) data.append(button.name, button.value);
    var status = placeholder ? placeholder.querySelector('[role="status"]') : document.getElementById("cookieprefs-status");
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (result) {
      if (typeof window.gtag === "function") window.gtag("consent", "update", result.consent_mode);
      if (placeholder && status) placeholder.before(status); // keep it when the placeholder goes
      Object.keys(result.allowed).forEach(function (category) {
        if (result.allowed[category]) activate(category);
      });
      var shown = document.querySelector("[data-cookieprefs-banner]");
      if (shown && !result.needs_banner) {  // e.g. a placeholder's answer settled every category
        shown.remove();
        reserveSpace(null);
      }
      if (status) {
        status.textContent = status.getAttribute("data-saved");
        status.focus();
      }
    }).catch(function () {
      buttons.forEach(function (b) { b.disabled = false; });
      plainSubmit(form, button);
    });
  }

  document.addEventListener("submit", onSubmit);
  document.addEventListener("DOMContentLoaded", function () {
    reserveSpace(document.querySelector("[data-cookieprefs-banner]"));
    var status = document.getElementById("cookieprefs-status");
    if (status && status.textContent.trim()) status.focus();
  });
})();
