// The month at a glance: reads the signed launch data (Telegram's script, or the URL as Telegram's
// Mini App documentation describes when the script cannot be loaded), asks the bot's API with it,
// and draws the month. Every figure comes from the API; nothing secret is in the page.
"use strict";

// The page's words come with each month, in the group's language, from the bot's catalogs.
const state = { month: null, page: null, words: null, showAll: false };
const FIRST_ROWS = 200;

function launchData() {
  const webApp = window.Telegram && window.Telegram.WebApp;
  if (webApp && webApp.initData) {
    return { initData: webApp.initData, webApp };
  }
  const hash = new URLSearchParams(window.location.hash.slice(1));
  return { initData: hash.get("tgWebAppData") || "", webApp: null };
}

function money(amount, currency) {
  const value = Number(amount);
  if (currency === "KHR") {
    return `${Math.round(value).toLocaleString("en-US")}៛`;
  }
  const dollars = value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // As the chat writes it: $3.00 in English, 3.00$ in Khmer (CLDR).
  return state.page && state.page.language === "km" ? `${dollars}$` : `$${dollars}`;
}

function sums(amounts) {
  const parts = Object.entries(amounts).filter(([, value]) => Number(value) !== 0);
  return parts.length ? parts.map(([currency, value]) => money(value, currency)).join(" + ") : money(0, "USD");
}

function element(tag, text, className) {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

function shiftMonth(month, by) {
  const [year, number] = month.split("-").map(Number);
  const shifted = new Date(Date.UTC(year, number - 1 + by, 1));
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, "0")}`;
}

// The API's own words for a refusal; else, for a proxy's page, the status with the page's word.
function failure(body, response) {
  if (body.error) return body.error;
  return state.words ? `${state.words.failed} (${response.status})` : `⚠ ${response.status}`;
}

async function load(month) {
  const launch = state.launch;
  const asked = new URLSearchParams();
  if (month) asked.set("month", month);
  if (state.chat) asked.set("chat", state.chat);
  const query = asked.toString() ? `?${asked}` : "";
  const response = await fetch(`api/month${query}`, { headers: { Authorization: `tma ${launch.initData}` } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    showError(failure(body, response));
    return;
  }
  state.page = body;
  state.month = body.month;
  state.showAll = false;
  state.words = body.words;
  document.documentElement.lang = body.language || "en";
  const webApp = state.launch.webApp;
  if (webApp && webApp.BackButton) {
    // An earlier month: Telegram's back button returns to this month.
    if (body.has_next) webApp.BackButton.show(); else webApp.BackButton.hide();
  }
  render();
}

function showError(message) {
  const error = document.getElementById("error");
  error.textContent = message;
  error.hidden = false;
  for (const id of ["summary", "admin", "list"]) document.getElementById(id).hidden = true;
}

function fill(select, first, values) {
  const chosen = select.value;
  select.replaceChildren(element("option", first));
  select.firstChild.value = "";
  for (const value of values) {
    const option = element("option", value || state.words.noCategory);
    option.value = value;
    select.append(option);
  }
  select.value = values.includes(chosen) ? chosen : "";
}

function render() {
  const page = state.page;
  const words = state.words;
  document.getElementById("error").hidden = true;
  document.getElementById("title").textContent = page.month_name || page.month;
  document.getElementById("next").disabled = !page.has_next;
  const awaiting = Object.values(page.awaiting || {}).some((value) => Number(value) !== 0);
  document.getElementById("totals").textContent = `${words.spent}: ${sums(page.totals)}` +
    (awaiting ? ` · ⏳ ${sums(page.awaiting)} ${words.awaiting}` : "");
  const groups = document.getElementById("groups");
  groups.replaceChildren(
    ...Object.entries(page.by_member).map(([name, amounts]) => element("span", `${name}: ${sums(amounts)}`, "member")),
    ...Object.entries(page.by_category).map(([name, amounts]) => element("span", `${name || words.noCategory}: ${sums(amounts)}`)),
  );
  drawChart(page);
  // The chart adds riel to dollars: the rate it used, with its day and source, in the group's words.
  const rate = document.getElementById("rate");
  rate.textContent = page.rate_used || "";
  rate.hidden = !page.rate_used || !Object.values(page.by_day).some((amounts) => Number(amounts.KHR || 0) !== 0);
  document.getElementById("search").placeholder = words.search;
  fill(document.getElementById("member"), words.allMembers, Object.keys(page.by_member));
  fill(document.getElementById("category"), words.allCategories, Object.keys(page.by_category));
  fill(document.getElementById("currency"), words.allCurrencies, ["USD", "KHR"]);
  renderRows();
  renderAdmin(page);
  document.getElementById("summary").hidden = false;
  document.getElementById("list").hidden = false;
}

function drawChart(page) {
  const chart = document.getElementById("chart");
  // Each day's riel at that day's rate (the rate of the day), else at the month's.
  const rate = Number(page.khr_per_usd || 4000);
  const rateOf = (day) => Number((page.khr_per_usd_by_day || {})[day] || rate);
  const days = Object.entries(page.by_day).map(([day, amounts]) => [day, Number(amounts.USD || 0) + Number(amounts.KHR || 0) / rateOf(day)]);
  const highest = Math.max(1, ...days.map(([, value]) => value));
  const width = 310 / 31;
  chart.replaceChildren(
    ...days.map(([day, value]) => {
      const bar = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      const height = Math.max(1, (value / highest) * 78);
      bar.setAttribute("x", String((Number(day.slice(8, 10)) - 1) * width + 1));
      bar.setAttribute("y", String(80 - height));
      bar.setAttribute("width", String(width - 2));
      bar.setAttribute("height", String(height));
      return bar;
    }),
  );
}

function renderRows() {
  const page = state.page;
  const words = state.words;
  const search = document.getElementById("search").value.trim().toLowerCase();
  const member = document.getElementById("member").value;
  const category = document.getElementById("category").value;
  const currency = document.getElementById("currency").value;
  // Whole words only: each word searched starts a word of the item ('rice' is not in 'price').
  const searched = search.split(/\s+/).filter(Boolean);
  const shown = page.entries.filter((entry) =>
    searched.every((word) => entry.words.some((own) => own.startsWith(word))) &&
    (!member || entry.member === member) &&
    (!category || entry.category === category) &&
    (!currency || entry.currency === currency));
  // A busy month has thousands of rows: the first ones at once, the rest when asked for.
  const drawn = state.showAll ? shown : shown.slice(0, FIRST_ROWS);
  const rows = drawn.map((entry) => {
    const row = element("tr", undefined, [entry.mine ? "mine" : "", entry.awaiting ? "awaiting" : ""].join(" ").trim());
    row.dataset.no = entry.no ?? "";
    const item = element("td", entry.item);
    if (entry.category) item.append(element("span", entry.category, "category"));
    if (entry.awaiting) item.append(element("span", `⏳ ${words.awaiting}`, "category"));
    const undo = element("td");
    if (entry.undo) {
      const button = element("button", words.undo, "undo");
      button.type = "button";
      button.addEventListener("click", () => undoEntry(entry.undo));
      undo.append(button);
    }
    row.append(element("td", entry.no ?? "–"), element("td", (entry.date || "").slice(5)), item,
      element("td", money(entry.amount, entry.currency), "amount"), element("td", entry.member), undo);
    return row;
  });
  if (drawn.length < shown.length) {
    const more = element("button", `${words.showAll} (${shown.length})`, "undo");
    more.type = "button";
    more.addEventListener("click", () => { state.showAll = true; renderRows(); });
    const cell = element("td");
    cell.colSpan = 6;
    cell.append(more);
    const row = element("tr");
    row.append(cell);
    rows.push(row);
  }
  document.getElementById("rows").replaceChildren(...(rows.length ? rows : [element("tr", words.noEntries)]));
}

function renderAdmin(page) {
  const admin = document.getElementById("admin");
  if (!page.admin || !page.balance) {
    admin.hidden = true;
    return;
  }
  const words = state.words;
  const cash = element("table");
  for (const [currency, figures] of Object.entries(page.balance)) {
    const row = element("tr");
    row.append(element("td", currency),
      element("td", `${words.opening} ${money(figures.opening, currency)} · ${words.topups} ${money(figures.topups, currency)} · ${words.spent} ${money(figures.spent, currency)} · ${words.left} ${money(figures.left, currency)} · ${words.box} ${money(figures.box, currency)}`));
    cash.append(row);
  }
  const parts = [element("h2", words.cash), cash];
  if (page.members && page.members.length) {
    const members = element("table");
    for (const figures of page.members) {
      const row = element("tr");
      const positions = Object.entries(figures.position).filter(([, value]) => Number(value) !== 0)
        .map(([currency, value]) => (Number(value) > 0 ? `${words.holds} ${money(value, currency)}` : `${words.owed} ${money(-Number(value), currency)}`));
      row.append(element("td", figures.name), element("td", positions.join(" · ") || words.even));
      members.append(row);
    }
    parts.push(element("h2", words.members), members);
  }
  if (page.usage) {
    parts.push(element("h2", words.usage), element("p", `${page.usage.calls} ${words.calls} · $${page.usage.cost_usd}`));
  }
  admin.replaceChildren(...parts);
  admin.hidden = false;
}

async function undoEntry(messageId) {
  const response = await fetch("api/undo", {
    method: "POST",
    headers: { Authorization: `tma ${state.launch.initData}`, "Content-Type": "application/json" },
    body: JSON.stringify({ message_id: messageId }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    showError(failure(body, response));
    return;
  }
  await load(state.month);
}

function startParam(initData) {
  return new URLSearchParams(initData).get("start_param");
}

async function pickGroup() {
  const response = await fetch("api/groups", { headers: { Authorization: `tma ${state.launch.initData}` } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.groups || !body.groups.length) {
    showError(body.error || "Open this page from your group's “📊 This month” button.");
    return;
  }
  if (body.groups.length === 1) {
    state.chat = body.groups[0].chat;
    load(null);
    return;
  }
  const picker = document.getElementById("picker");
  picker.replaceChildren(...body.groups.map((group) => {
    const button = element("button", group.title, "undo");
    button.type = "button";
    button.addEventListener("click", () => { state.chat = group.chat; picker.hidden = true; load(null); });
    return button;
  }));
  picker.hidden = false;
}

function start() {
  state.launch = launchData();
  const webApp = state.launch.webApp;
  if (webApp) {
    webApp.ready();
    webApp.expand();
    if (webApp.BackButton) webApp.BackButton.onClick(() => load(null));
  }
  for (const id of ["search", "member", "category", "currency"]) {
    document.getElementById(id).addEventListener("input", renderRows);
  }
  document.getElementById("previous").addEventListener("click", () => load(shiftMonth(state.month, -1)));
  document.getElementById("next").addEventListener("click", () => load(shiftMonth(state.month, 1)));
  if (!state.launch.initData) {
    showError("Open this page from the group's “📊 This month” button in Telegram.");
    return;
  }
  if (!startParam(state.launch.initData)) {
    pickGroup();  // opened from the menu button in a private chat: which group?
    return;
  }
  load(null);
}

document.addEventListener("DOMContentLoaded", start);
