// Copy buttons: <button data-copy="ID" data-copied="Copied"> copies the text of element ID to the clipboard. The
// buttons are hidden without JavaScript (the text stays selectable), shown here. No inline script: CSP allows 'self'.
"use strict";
document.querySelectorAll("button[data-copy]").forEach((button) => {
  const source = document.getElementById(button.dataset.copy);
  const status = document.getElementById("copy-status");
  if (!source || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      if (status) status.textContent = button.dataset.copied || "Copied";
    } catch (e) {
      // the clipboard may be refused (permissions): select the text so the user can copy it by hand
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  });
});
