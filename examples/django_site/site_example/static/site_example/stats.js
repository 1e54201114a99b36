/* The portal's own statistics script (a stand-in for a self-hosted Matomo):
   loaded only with the visitor's consent to "statistics". */
(function () {
  "use strict";
  var id = "visitor-" + Math.random().toString(36).slice(2, 10);
  document.cookie = "_pk_id.1.portal=" + id + "; Max-Age=" + 395 * 86400 + "; Path=/; SameSite=Lax";
  document.cookie = "_pk_ses.1.portal=1; Max-Age=1800; Path=/; SameSite=Lax";
  window.portalStatistics = { loaded: true, visitor: id };
  document.documentElement.setAttribute("data-statistics", "loaded");
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (window.fetch && meta) {
    fetch("/stats/collect", { method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": meta.content } });
  }
})();
