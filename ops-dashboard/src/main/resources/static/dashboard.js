// The operators' page: plain JavaScript, no build step, nothing loaded from the internet. It asks for the operator
// key once (kept in this tab's sessionStorage), then polls /api/overview every 2 s and redraws.
"use strict";

const REFRESH_MS = 2000;
const STALE_AFTER_MS = 6000;
const KEY = "vigia.operatorKey";
const AGES = { lt_1m: "< 1 min", "1m_5m": "1–5 min", "5m_1h": "5 min–1 h", gt_1h: "> 1 h" };

const $ = (id) => document.getElementById(id);
let timer = null;
let lastSuccess = 0;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c ?? "")));
  return node;
}

function fill(tbodyParent, rows, emptyText, columns) {
  const body = tbodyParent.querySelector("tbody");
  body.replaceChildren();
  if (!rows.length) {
    body.append(el("tr", {}, el("td", { colspan: columns, class: "empty" }, emptyText)));
    return;
  }
  rows.forEach((r) => body.append(r));
}

function num(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en");
}

function seconds(value) {
  if (value === null || value === undefined) return "–";
  if (value < 1) return Math.round(value * 1000) + " ms";
  if (value < 120) return value.toFixed(1) + " s";
  if (value < 7200) return Math.round(value / 60) + " min";
  return (value / 3600).toFixed(1) + " h";
}

function percent(rate) {
  return (rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0) + " %";
}

// ids are UUIDs: the first block tells them apart on one screen, the tooltip has the whole id
function short(id) {
  return id && id.length > 13 ? id.slice(0, 8) + "…" : id || "–";
}

function ago(iso) {
  if (!iso) return "–";
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  return seconds(s) + " ago";
}

function renderServices(services) {
  const cards = services.map((s) => el("div", { class: "card " + s.status, "data-service": s.name },
    el("h3", {}, el("a", { href: s.url + "/actuator/health", target: "_blank", rel: "noopener" }, s.name),
      el("span", { class: "status " + s.status }, s.status)),
    el("div", {}, ["kafka", "mongo"].filter((name) => s.components && s.components[name])
      .map((name) => [name, s.components[name]])
      .map(([name, status]) => el("span", { class: "component " + status, "data-component": name },
        (status === "UP" ? "● " : "○ ") + name + " " + status))),
    s.problem ? el("p", { class: "problem" }, s.problem) : ""));
  $("services").replaceChildren(...cards);
}

function renderDeliveries(d) {
  const figures = $("deliveries");
  figures.replaceChildren();
  $("window").textContent = d.windowSeconds >= 3590 ? "last hour"
    : d.windowSeconds > 0 ? "last " + seconds(d.windowSeconds) : "";
  if (d.pending === null || d.pending === undefined) {
    figures.append(el("dt", {}, "notify-service"), el("dd", { class: "alert" }, "no figures: it is not answering"));
    return;
  }
  const outcomes = Object.entries(d.byOutcome || {});
  // as the Prometheus alert counts it: HTTP attempts that failed over all HTTP attempts (a delivery held back by
  // an open circuit, or abandoned, made no HTTP call)
  const count = (...names) => outcomes.filter(([o]) => names.includes(o)).reduce((sum, [, n]) => sum + n, 0);
  const attempts = count("delivered", "retrying", "failed");
  const failed = count("retrying", "failed");
  const add = (label, value, alert, id) => figures.append(el("dt", {}, label),
    el("dd", { class: alert ? "alert" : null, id: id || null }, value));
  if (!outcomes.length) add("attempts", "none yet");
  outcomes.forEach(([outcome, n]) => add(outcome, num(n), outcome === "failed" && n > 0, "outcome-" + outcome));
  if (attempts > 0) add("failure rate", percent(failed / attempts), failed / attempts > 0.2, "failure-rate");
  add("p95 latency (event → 2xx)", seconds(d.p95LatencySeconds), false, "p95-latency");
  add("attempts per delivery", d.attemptsPerDelivery === null ? "–" : d.attemptsPerDelivery.toFixed(2));
  add("pending now", num(d.pending), false, "pending");
  const byAge = Object.entries(d.pendingByAge || {}).filter(([, n]) => n > 0);
  if (byAge.length) add("pending by age", byAge.map(([age, n]) => (AGES[age] || age) + ": " + n).join(", "));
  add("open circuit breakers", num(d.openCircuitBreakers), d.openCircuitBreakers > 0, "open-breakers");
  add("disabled subscriptions", num(d.disabledSubscriptions), d.disabledSubscriptions > 0, "disabled-subscriptions");
  const emails = d.emailsByOutcome || {};
  add("emails sent", num(emails.sent || 0), false, "emails-sent");
  add("emails failing", num(d.emailsFailing), d.emailsFailing > 0, "emails-failing");
  add("suspended email addresses", num(d.suspendedAddresses), d.suspendedAddresses > 0, "suspended-addresses");
}

function renderTables(o) {
  $("votes-waiting").textContent = o.votesWaiting === null ? "–" : num(o.votesWaiting);
  fill($("outbox"), o.outbox.map((x) => el("tr", { class: x.oldestAgeSeconds > 60 ? "bad" : null },
    el("td", {}, x.service), el("td", { class: "num" }, num(x.backlog)),
    el("td", { class: "num" }, x.backlog > 0 ? seconds(x.oldestAgeSeconds) : "–"))), "no service answering", 3);
  fill($("consumer-lag"), o.consumerLag.map((x) => el("tr", { class: x.lag > 1000 ? "bad" : null },
    el("td", {}, x.service), el("td", {}, x.group), el("td", {}, x.topic), el("td", { class: "num" }, num(x.lag)))),
    "no consumer group has committed an offset yet", 4);
  fill($("dead-letters"), o.deadLetters.map((x) => el("tr", { class: x.total > 0 ? "bad" : null },
    el("td", {}, x.service), el("td", {}, x.topic + ".DLT"), el("td", { class: "num" }, num(x.lastWindow)),
    el("td", { class: "num" }, num(x.total)))), "none since the services started", 4);
  $("endpoints-problem").textContent = o.worstEndpointsProblem || "";
  fill($("worst-endpoints"), o.worstEndpoints.map((e) => el("tr", { class: "bad", "data-subscription": e.subscriptionId },
    el("td", { title: e.subscriptionId }, short(e.subscriptionId)), el("td", { title: e.subscriberId }, short(e.subscriberId)),
    el("td", {}, e.host),
    el("td", { class: e.status === "DISABLED" ? "alert" : null }, e.status),
    el("td", { class: "num" }, num(e.attempts)), el("td", { class: "num" }, num(e.failures)),
    el("td", { class: "num" }, percent(e.failureRate)),
    el("td", { class: e.circuitBreaker === "CLOSED" ? null : "alert" }, e.circuitBreaker),
    el("td", { title: e.lastAttemptAt ? "last attempt " + ago(e.lastAttemptAt) : null }, e.lastError || "–"),
    el("td", {}, e.disabledReason || "–"))), o.worstEndpointsProblem ? "–" : "every endpoint is healthy", 10);
}

function showKeyPanel(message) {
  clearTimeout(timer);
  $("dashboard").hidden = true;
  $("sign-out").hidden = true;
  $("key-panel").hidden = false;
  $("key-error").textContent = message || "";
  $("freshness").textContent = "not connected";
  $("operator-key").focus();
}

function freshness() {
  const age = Date.now() - lastSuccess;
  const node = $("freshness");
  node.classList.toggle("stale", age > STALE_AFTER_MS);
  node.textContent = age > STALE_AFTER_MS
    ? "the dashboard is not answering: figures are " + Math.round(age / 1000) + " s old"
    : "updated " + new Date(lastSuccess).toLocaleTimeString("en-GB") + " · refreshes every " + REFRESH_MS / 1000 + " s";
}

async function refresh() {
  const key = sessionStorage.getItem(KEY);
  if (!key) {
    showKeyPanel();
    return;
  }
  try {
    const response = await fetch("api/overview", { headers: { Authorization: "Bearer " + key }, cache: "no-store" });
    if (response.status === 401) {
      sessionStorage.removeItem(KEY);
      const problem = await response.json().catch(() => ({}));
      showKeyPanel(problem.detail || "the operator key was not accepted");
      return;
    }
    if (!response.ok) throw new Error("HTTP " + response.status);
    const overview = await response.json();
    $("key-panel").hidden = true;
    $("dashboard").hidden = false;
    $("sign-out").hidden = false;
    renderServices(overview.services);
    renderDeliveries(overview.deliveries);
    renderTables(overview);
    lastSuccess = Date.now();
  } catch (e) {
    // keep the last figures on screen, marked stale by freshness()
    console.error("overview not shown", e);
  }
  freshness();
  timer = setTimeout(refresh, REFRESH_MS);
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $("operator-key").value.trim());
  $("operator-key").value = "";
  refresh();
});

$("sign-out").addEventListener("click", () => {
  sessionStorage.removeItem(KEY);
  showKeyPanel();
});

refresh();
