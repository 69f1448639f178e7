// The operators' console refreshes its panels every 2 s from /ops/resumen (the same panels, rendered on the server),
// so a stopped service shows DOWN within seconds. The page is whole without it. A redirect means the session ended:
// reload, which shows the sign-in page.
"use strict";
(() => {
  const REFRESH_MS = 2000;
  const panels = document.getElementById("panels");
  if (!panels || !window.fetch) {
    return;
  }
  const url = panels.dataset.refresh;
  async function refresh() {
    try {
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store", redirect: "manual" });
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
        window.location.reload();
        return;
      }
      if (response.ok) {
        const html = await response.text();
        const next = new DOMParser().parseFromString(html, "text/html").getElementById("panels");
        // keep the focus where it was when the operator is reading a table with the keyboard
        if (next && !panels.contains(document.activeElement)) {
          panels.replaceChildren(...next.childNodes);
        } else if (next) {
          panels.querySelector("#services").replaceWith(next.querySelector("#services"));
        }
      }
    } catch (e) {
      console.warn("console panels not refreshed", e);
    }
    setTimeout(refresh, REFRESH_MS);
  }
  setTimeout(refresh, REFRESH_MS);
})();
