// autoif dashboard: a hash-routed page over the services' own endpoints, reached through this app's /api/{service}
// proxy. Every text from the services (LLM output included) goes into the page as text, never as HTML.
"use strict";

const POLL_MS = 3000;
const KEY = "autoif.apiKey";
const STAGES = ["SELF_INSTRUCT", "FUNCTION_GENERATION", "CROSS_VALIDATION", "BACK_TRANSLATION", "QUERY_SAMPLING",
  "RESPONSE_VERIFICATION", "REJECTION", "JUDGE", "EXPORT"];
// The paper's defaults (RunParameters.defaults()); the form shows them and sends what the user leaves.
const DEFAULTS = [
  ["selfInstructRounds", 100, "K self-instruct rewrites"],
  ["functionsPerInstruction", 5, "functions per instruction"],
  ["functionAccuracy", 0.5, "function accuracy >", "threshold", false],
  ["caseAccuracy", 0.5, "case accuracy >", "threshold", false],
  ["minFunctions", 1, "min kept functions"],
  ["minCases", 1, "min kept cases"],
  ["backTranslationsPerInstruction", 3, "back-translations"],
  ["queriesPerInstruction", 16, "queries per instruction"],
  ["responsesPerQuery", 8, "responses per query"],
  ["responsePassRate", 0.5, "response pass rate >", "threshold", false],
  ["resampleBudget", 0, "resample budget"],
  ["judgeThreshold", 8, "judge score >=", "threshold", true],
  ["judgeSamples", 1, "judge samples"],
  ["seed", 42, "seed"],
];

let timer = null;
let rates = {};

// ---------- small helpers ----------
function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const $ = (sel) => document.querySelector(sel);
const fmt = (n) => (n === null || n === undefined) ? "?" : Number(n).toLocaleString("en-US");
const enc = encodeURIComponent;

function duration(ms) {
  if (!(ms >= 0)) return "";
  const s = Math.round(ms / 1000);
  if (s < 60) return s + " s";
  if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
  return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min";
}

function showError(msg) {
  const e = $("#error");
  e.textContent = msg || "";
  e.hidden = !msg;
}

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ("HTTP " + status));
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  opts.headers = Object.assign({ Accept: "application/json" }, opts.headers);
  const key = sessionStorage.getItem(KEY);
  if (key) opts.headers.Authorization = "Bearer " + key;
  if (opts.json !== undefined) {
    opts.method = opts.method || "POST";
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(opts.json);
  }
  const r = await fetch("api/" + path, opts);
  const type = r.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await r.json().catch(() => null) : await r.text();
  if (!r.ok) {
    let detail = body;
    if (body && body.errors) detail = Object.assign({}, body, {
      detail: (body.detail || body.title) + ": " + body.errors.map((v) => v.field + " " + v.message).join("; ") });
    throw new ApiError(r.status, typeof detail === "object" ? detail : { detail: String(detail) });
  }
  return body;
}

function explain(err) {
  if (err.status === 401) return "The services need an API key: type it above (it stays in this browser tab).";
  return err.message || String(err);
}

function poll(fn) {
  stopPolling();
  const tick = async () => {
    try {
      await fn();
      showError("");
    } catch (e) {
      showError(explain(e));
    }
  };
  tick();
  timer = setInterval(tick, POLL_MS);
}
function stopPolling() {
  if (timer) clearInterval(timer);
  timer = null;
}

// Exports are links; with an API key they are fetched with the header and saved from a blob.
async function download(ev) {
  const key = sessionStorage.getItem(KEY);
  if (!key) return;
  ev.preventDefault();
  const a = ev.currentTarget;
  try {
    const r = await fetch(a.getAttribute("href"), { headers: { Authorization: "Bearer " + key } });
    if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null));
    const name = /filename="([^"]+)"/.exec(r.headers.get("Content-Disposition") || "");
    const url = URL.createObjectURL(await r.blob());
    const tmp = h("a", { href: url, download: name ? name[1] : "export" });
    document.body.append(tmp);
    tmp.click();
    tmp.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    showError(explain(e));
  }
}

// ---------- routing ----------
function route() {
  stopPolling();
  showError("");
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const view = $("#view");
  view.replaceChildren();
  if (parts[0] === "run" && parts[1]) {
    nav(parts[1], parts[2] || "funnel");
    if (parts[2] === "instructions") return instructionsPage(view, parts[1], params);
    if (parts[2] === "samples") return samplesPage(view, parts[1], params);
    return runPage(view, parts[1]);
  }
  nav(null);
  return runsPage(view);
}

function nav(runId, active) {
  const n = $("#run-nav");
  n.replaceChildren(h("a", { href: "#/runs", class: runId ? "" : "active" }, "Runs"));
  if (!runId) return;
  const base = "#/run/" + enc(runId);
  for (const [key, label, href] of [["funnel", "Run", base], ["instructions", "Instructions", base + "/instructions"],
    ["samples", "Samples", base + "/samples"]]) {
    n.append(h("a", { href, class: active === key ? "active" : "", id: "nav-" + key }, label));
  }
}

// ---------- Runs ----------
function progress(run) {
  const stages = run.funnel || [];
  const done = stages.filter((s) => s.done).length;
  if (run.status === "done") return 1;
  return stages.length ? done / STAGES.length : 0;
}

function elapsed(run) {
  const start = Date.parse(run.createdAt);
  const live = run.status === "queued" || run.status === "running";
  const end = live ? Date.now() : Date.parse(run.updatedAt);
  return end - start;
}

// ETA: p = the share of the 9 stages done, plus the running stages' share of their input seen so far (items in over
// the previous stage's items out, at most 1); the average progress rate since the start is p / elapsed, so
// ETA = elapsed * (1 - p) / p. A rough linear extrapolation: shown while running, once p > 0.
function eta(run) {
  if (run.status !== "running") return null;
  const byStage = Object.fromEntries((run.funnel || []).map((s) => [s.stage, s]));
  let p = 0;
  STAGES.forEach((name, i) => {
    const s = byStage[name];
    if (!s) return;
    if (s.done) { p += 1; return; }
    const prev = i > 0 ? byStage[STAGES[i - 1]] : null;
    if (prev && prev.itemsOut > 0) p += Math.min(1, s.itemsIn / prev.itemsOut) * 0.99;
  });
  p /= STAGES.length;
  const ms = elapsed(run);
  return p > 0 && p < 1 && ms > 0 ? ms * (1 - p) / p : null;
}

// Cost once GET /runs/{id} has it ({usd, savedUsd, unknownPriceCalls}); "—" otherwise.
function cost(run) {
  const c = run.cost;
  if (!c || typeof c.usd !== "number") return "—";
  let text = "$" + c.usd.toFixed(c.usd < 1 ? 4 : 2);
  if (typeof c.savedUsd === "number" && c.savedUsd > 0) text += " (saved $" + c.savedUsd.toFixed(2) + ")";
  if (c.unknownPriceCalls > 0) text += " + " + fmt(c.unknownPriceCalls) + " calls unpriced";
  return text;
}

function runsPage(view) {
  const tbody = h("tbody");
  const total = h("span", { class: "hint" });
  view.append(h("h1", {}, "Runs"),
    h("table", { id: "runs-table" },
      h("thead", {}, h("tr", {}, h("th", {}, "run"), h("th", {}, "name"), h("th", {}, "status"),
        h("th", {}, "progress"), h("th", { class: "num" }, "elapsed"),
        h("th", { class: "num", title: "elapsed × (1 − p) / p, p = share of the stages done" }, "ETA"),
        h("th", { class: "num" }, "LLM calls"), h("th", { class: "num" }, "tokens"), h("th", { class: "num" }, "cost"),
        h("th", {}, ""))),
      tbody),
    total,
    h("h2", {}, "Submit a run"),
    submitForm());
  poll(async () => {
    const page = await api("instruction/runs?page=0&size=20");
    const runs = await Promise.all(page.items.map((r) => api("instruction/runs/" + enc(r.runId))
      .catch(() => Object.assign({ funnel: [] }, r))));
    total.textContent = fmt(page.total) + " runs (newest 20 shown)";
    tbody.replaceChildren(...runs.map((run) => {
      const p = progress(run);
      const live = run.status === "queued" || run.status === "running";
      return h("tr", { "data-run-id": run.runId },
        h("td", {}, h("a", { href: "#/run/" + enc(run.runId), class: "run-link" }, run.runId)),
        h("td", {}, run.name || ""),
        h("td", {}, h("span", { class: "status " + run.status }, run.status),
          run.error ? h("div", { class: "hint" }, run.error) : null),
        h("td", {}, h("span", { class: "progress", title: Math.round(p * 100) + "%" },
          h("span", { style: "width:" + Math.round(p * 100) + "%" }))),
        h("td", { class: "num" }, duration(elapsed(run))),
        h("td", { class: "num eta" }, live ? (eta(run) === null ? "…" : "~" + duration(eta(run))) : ""),
        h("td", { class: "num llm-calls" }, fmt(run.llmCalls)),
        h("td", { class: "num tokens" }, fmt(run.tokens)),
        h("td", { class: "num cost" }, cost(run)),
        h("td", {}, live ? h("button", { class: "secondary cancel", onclick: () => cancel(run.runId) }, "Cancel")
          : null));
    }));
  });
}

async function cancel(runId) {
  if (!confirm("Cancel run " + runId + "?")) return;
  try {
    await api("instruction/runs/" + enc(runId) + "/cancel", { method: "POST" });
  } catch (e) {
    showError(explain(e));
  }
}

function submitForm() {
  const result = h("span", { id: "submit-result", class: "hint" });
  const fields = DEFAULTS.map(([name, value, label, kind, inclusive]) => h("label", {},
    label + (kind === "threshold" ? "" : ""),
    h("input", { name: "p-" + name, id: "p-" + name, type: "number", step: "any", value: String(value),
      "data-kind": kind || "int", "data-inclusive": inclusive ? "true" : "false" })));
  const form = h("form", { id: "run-form", class: "grid panel" },
    h("label", {}, "name", h("input", { name: "name", id: "run-name", required: true, value: "dashboard run" })),
    h("label", {}, "query corpus", h("input", { name: "corpusId", id: "run-corpus", value: "sample" })),
    h("label", { class: "wide" }, "seed instructions, one per line (empty: the project's default set)",
      h("textarea", { name: "seeds", id: "run-seeds", rows: "4" })),
    ...fields,
    h("div", { class: "wide" }, h("button", { type: "submit", id: "submit-run" }, "Submit run"), " ", result,
      h("div", { class: "hint" }, "Defaults are the paper's (Appendix E). A local test run: K=1, 3 functions, "
        + "2 queries, 4 responses.")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const parameters = {};
    for (const input of form.querySelectorAll("input[data-kind]")) {
      const name = input.name.slice(2);
      const v = Number(input.value);
      if (input.value === "" || Number.isNaN(v)) continue;
      parameters[name] = input.dataset.kind === "threshold"
        ? { value: v, inclusive: input.dataset.inclusive === "true" } : v;
    }
    const seeds = $("#run-seeds").value.split("\n").map((s) => s.trim()).filter(Boolean);
    const body = { name: $("#run-name").value, corpusId: $("#run-corpus").value || "sample", parameters };
    if (seeds.length) body.seedInstructions = seeds;
    $("#submit-run").disabled = true;
    try {
      const created = await api("instruction/runs", { json: body });
      result.replaceChildren("submitted ", h("a", { href: "#/run/" + enc(created.runId), id: "submitted-run",
        "data-run-id": created.runId }, created.runId));
      showError("");
    } catch (e) {
      showError(explain(e));
    } finally {
      $("#submit-run").disabled = false;
    }
  });
  return form;
}

// ---------- Run (funnel) ----------
function runPage(view, runId) {
  rates = {};
  const head = h("div", { class: "panel" });
  const funnel = h("div", { id: "funnel", class: "panel" });
  const tallies = h("div", { id: "tallies", class: "panel tally" });
  const report = h("tbody");
  const base = "api/export/runs/" + enc(runId);
  const link = (href, label) => h("a", { href: base + href, class: "export", onclick: download }, label);
  view.append(h("h1", {}, "Run ", h("span", { id: "run-id" }, runId)), head,
    h("h2", {}, "Funnel per stage"), funnel, tallies,
    h("h2", {}, "Paper-shaped report"),
    h("table", { id: "report" }, h("thead", {}, h("tr", {}, h("th", {}, "step"), h("th", { class: "num" }, "count"),
      h("th", {}, "dropped"))), report),
    h("h2", {}, "Exports"),
    h("div", { class: "panel exports", id: "exports" },
      h("div", {}, "SFT: ", link("/export/sft?format=alpaca", "alpaca"), link("/export/sft?format=messages", "messages"),
        link("/export/sft?format=sharegpt", "sharegpt")),
      h("div", {}, "DPO: ", link("/export/dpo?format=trl", "TRL"),
        link("/export/dpo?format=trl-conversational", "TRL conversational"),
        link("/export/dpo?format=llama-factory", "LLaMA-Factory pairwise"),
        link("/export/dpo?level=query", "query pairs only"), link("/export/dpo?level=instruction",
          "instruction pairs only")),
      h("div", {}, "RLVR and trainer files: ", link("/export/rlvr", "RLVR prompts"),
        link("/export/dataset_info.json", "dataset_info.json (LLaMA-Factory)")),
      h("div", {}, "Card and funnel: ", link("/card", "dataset card (README.md)"),
        link("/funnel?format=text", "funnel table"), link("/funnel", "funnel JSON"))));
  poll(async () => {
    const [run, f] = await Promise.all([api("instruction/runs/" + enc(runId)),
      api("export/runs/" + enc(runId) + "/funnel").catch((e) => (e.status === 404 ? null : Promise.reject(e)))]);
    renderHead(head, run, f);
    renderFunnel(funnel, f ? f.stages : run.funnel);
    renderTallies(tallies, f && f.tallies);
    if (f) {
      report.replaceChildren(...f.report.map((s) => h("tr", {}, h("td", {}, s.step),
        h("td", { class: "num" }, fmt(s.count)), h("td", { class: "drops" }, dropList(s.dropped)))));
    }
  });
}

function renderHead(head, run, f) {
  const live = run.status === "queued" || run.status === "running";
  head.replaceChildren(h("dl", { class: "kv" },
    h("dt", {}, "name"), h("dd", {}, run.name || ""),
    h("dt", {}, "status"), h("dd", {}, h("span", { id: "run-status", class: "status " + run.status }, run.status),
      run.error ? " " + run.error : "", live ? h("button", { class: "secondary cancel",
        onclick: () => cancel(run.runId) }, "Cancel") : null),
    h("dt", {}, "elapsed"), h("dd", {}, duration(elapsed(run))),
    h("dt", {}, "ETA"), h("dd", { id: "run-eta" }, eta(run) === null ? "—" : "~" + duration(eta(run))),
    h("dt", {}, "LLM calls"), h("dd", { id: "run-llm-calls" }, fmt(run.llmCalls)),
    h("dt", {}, "tokens"), h("dd", {}, fmt(run.tokens)),
    h("dt", {}, "cost"), h("dd", { id: "run-cost" }, cost(run)),
    h("dt", {}, "funnel complete"), h("dd", { id: "funnel-complete" }, f ? String(f.complete) : "no data yet")));
}

function dropList(dropped) {
  return Object.entries(dropped || {}).sort().map(([reason, n]) =>
    h("span", { class: "drop", "data-reason": reason }, reason + " ", h("b", {}, fmt(n))));
}

// Counts of another unit than a stage's own (the functions inside cross-validation's instructions), shown apart.
function renderTallies(el, tallies) {
  const f = tallies && tallies.functions;
  el.hidden = !f;
  if (!f) return;
  const n = (x) => (x === null || x === undefined) ? "?" : fmt(x);
  el.replaceChildren(h("div", { class: "name" }, "functions (inside cross-validation's instructions, counted apart)"),
    h("div", { class: "counts", "data-tally": "functions" }, "in ", h("b", { class: "in" }, n(f.in)), " \u2192 kept ",
      h("b", { class: "out" }, n(f.out))),
    h("div", { class: "drops" }, dropList(f.dropped)));
}

function renderFunnel(el, stages) {
  const byStage = Object.fromEntries((stages || []).map((s) => [s.stage, s]));
  const now = Date.now();
  el.replaceChildren(...STAGES.map((name) => {
    const s = byStage[name] || { itemsIn: 0, itemsOut: 0, dropped: {}, done: false };
    const prev = rates[name];
    let rate = "";
    if (prev && now > prev.t && s.itemsIn >= prev.n) {
      const r = (s.itemsIn - prev.n) / ((now - prev.t) / 1000);
      rate = r > 0 ? r.toFixed(1) + " in/s" : "";
    }
    rates[name] = { t: now, n: s.itemsIn };
    const share = s.itemsIn > 0 ? Math.min(1, s.itemsOut / s.itemsIn) : 0;
    return h("div", { class: "stage", "data-stage": name },
      h("div", { class: "name" }, name.toLowerCase().replaceAll("_", " "),
        s.done ? h("span", { class: "done-mark" }, "done") : null),
      h("div", { class: "bar" }, h("span", { style: "width:" + (share * 100).toFixed(1) + "%" }),
        h("em", {}, s.itemsIn > 0 ? Math.round(share * 100) + "% out" : "")),
      h("div", {},
        h("div", { class: "counts" }, "in ", h("b", { class: "in" }, fmt(s.itemsIn)), " \u2192 out ",
          h("b", { class: "out" }, fmt(s.itemsOut)), " ", h("span", { class: "rate" }, rate)),
        h("div", { class: "drops" }, dropList(s.dropped))));
  }));
}

// ---------- Instructions ----------
function pager(params, total, limit, go) {
  const offset = Number(params.get("offset") || 0);
  const prev = h("button", { class: "secondary", id: "prev-page", disabled: offset <= 0,
    onclick: () => go(Math.max(0, offset - limit)) }, "\u2190 previous");
  const next = h("button", { class: "secondary", id: "next-page", disabled: offset + limit >= total,
    onclick: () => go(offset + limit) }, "next \u2192");
  return h("div", { class: "pager" }, prev, next, h("span", { class: "hint", id: "page-info" },
    total === 0 ? "nothing matches" : fmt(offset + 1) + "\u2013" + fmt(Math.min(total, offset + limit)) + " of "
      + fmt(total)));
}

function searchBar(params, placeholder, extra, apply) {
  const q = h("input", { type: "search", id: "search", placeholder, value: params.get("q") || "" });
  const form = h("form", { class: "toolbar" }, q, extra, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    apply(q.value);
  });
  return form;
}

function setHash(base, params) {
  for (const [k, v] of [...params.entries()]) if (v === "" || v === null) params.delete(k);
  location.hash = base + (params.toString() ? "?" + params : "");
}

async function instructionsPage(view, runId, params) {
  const base = "#/run/" + enc(runId) + "/instructions";
  const limit = 50;
  const origin = h("select", { id: "origin" }, ...[["", "any origin"], ["seed", "seed"], ["augmented", "self-instruct"]]
    .map(([v, l]) => h("option", { value: v, selected: (params.get("origin") || "") === v }, l)));
  const detail = h("div", { class: "panel detail", id: "instruction-detail" },
    h("span", { class: "hint" }, "Click an instruction to see its functions and what became of it."));
  const tbody = h("tbody");
  const list = h("div", {});
  view.append(h("h1", {}, "Instructions of ", runId),
    searchBar(params, "text contains\u2026", origin, (q) => {
      params.set("q", q); params.set("origin", origin.value); params.delete("offset"); setHash(base, params);
    }),
    h("div", { class: "split" }, list, detail));
  try {
    const page = await api("instruction/instructions?run=" + enc(runId) + "&limit=" + limit
      + "&offset=" + enc(params.get("offset") || 0) + "&q=" + enc(params.get("q") || "")
      + "&origin=" + enc(params.get("origin") || ""));
    tbody.replaceChildren(...page.items.map((i) => h("tr", { class: "clickable", "data-instruction-id": i.instructionId,
      onclick: (ev) => { select(ev.currentTarget); showInstruction(detail, runId, i); } },
      h("td", { class: "truncate", title: i.text }, i.text), h("td", {}, i.origin === "SEED" ? "seed" : "self-instruct"),
      h("td", { class: "num" }, i.generated ? fmt(i.functions) : "\u2026"),
      h("td", { class: "num" }, i.generated ? fmt(i.cases) : "\u2026"))));
    list.append(h("table", { id: "instructions-table" }, h("thead", {}, h("tr", {}, h("th", {}, "instruction"),
      h("th", {}, "origin"), h("th", { class: "num" }, "functions"), h("th", { class: "num" }, "cases"))), tbody),
    pager(params, page.total, limit, (o) => { params.set("offset", o); setHash(base, params); }));
  } catch (e) {
    showError(explain(e));
  }
}

function select(tr) {
  tr.parentElement.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected"));
  tr.classList.add("selected");
}

async function showInstruction(el, runId, i) {
  const fate = h("dd", { id: "instruction-fate" }, "\u2026");
  const functions = h("div", {});
  el.replaceChildren(h("h2", {}, "Instruction"), h("div", { class: "text" }, i.text),
    h("dl", { class: "kv" },
      h("dt", {}, "id"), h("dd", {}, i.instructionId),
      h("dt", {}, "origin"), h("dd", {}, i.origin === "SEED" ? "seed" : "self-instruct (augmented)"),
      h("dt", {}, "function answers"), h("dd", {}, fmt(i.answersRequested) + " asked, " + fmt(i.answersUnparsable)
        + " unparsable"),
      h("dt", {}, "generated"), h("dd", {}, fmt(i.functions) + " functions, " + fmt(i.cases) + " cases"),
      h("dt", {}, "kept?"), fate),
    functions,
    h("a", { href: "#/run/" + enc(runId) + "/samples?instruction=" + enc(i.instructionId) }, "its samples \u2192"));
  if (!i.generated) {
    fate.textContent = "function generation has not finished it yet";
    return;
  }
  if (i.functions === 0) {
    fate.replaceChildren(h("span", { class: "dropped" }, "dropped"), " at function generation (no usable function)");
    return;
  }
  const verdicts = h("div", { id: "cross-validation" });
  const nli = h("div", { id: "back-translations" });
  functions.append(verdicts, nli);
  try {
    const cv = await api("verifier/cross-validations/" + enc(i.instructionId));
    if (cv.outcome !== "kept") {
      fate.replaceChildren(h("span", { class: "dropped" }, "dropped"), " at cross-validation: ",
        h("span", { class: "drop", "data-reason": cv.outcome }, cv.outcome));
    } else {
      const bt = await api("nli/runs/" + enc(runId) + "/back-translations?limit=1&instruction="
        + enc(i.instructionId)).catch(() => ({ total: 0, items: [] }));
      const nliOutcome = bt.items.length ? bt.items[0].outcome : null;
      if (nliOutcome && nliOutcome !== "accepted") {
        fate.replaceChildren(h("span", { class: "dropped" }, "dropped"), " at back-translation: ",
          h("span", { class: "drop", "data-reason": nliOutcome }, nliOutcome));
      } else {
        const samples = await api("export/runs/" + enc(runId) + "/samples?limit=1&instruction="
          + enc(i.instructionId)).catch(() => ({ total: 0 }));
        fate.replaceChildren(h("span", { class: "kept" }, "kept by cross-validation"),
          nliOutcome ? " and by NLI" : "; NLI has not labelled it (yet)",
          samples.total > 0 ? " (" + fmt(samples.total) + " sampled responses)" : "; no responses sampled (yet)");
      }
    }
    verdicts.replaceChildren(h("h2", {}, "Functions: verdict per case"), verdictMatrix(cv));
    const code = cv.outcome === "kept" ? await api("verifier/verified-instructions/" + enc(i.instructionId))
      .catch(() => null) : null;
    if (code) {
      verdicts.append(h("h2", {}, "Kept functions' code"), ...code.functions.map((fn) => h("div", {},
        h("div", {}, fn.functionId + ": accuracy " + (fn.accuracy * 100).toFixed(0) + "%"
          + (fn.constant ? " (constant verdict)" : "")), h("pre", {}, fn.code))));
    }
    if (cv.outcome === "kept") backTranslations(nli, runId, i.instructionId, 0);
  } catch (e) {
    if (e.status === 404) {
      fate.textContent = "cross-validation has not seen it yet";
    } else {
      fate.textContent = explain(e);
    }
  }
}

// Functions down, cases across: each cell the sandbox's verdict; a case's expected label and accuracy on top.
function verdictMatrix(cv) {
  const pct = (x) => (x === null || x === undefined) ? "–" : (x * 100).toFixed(0) + "%";
  const head = h("tr", {}, h("th", {}, "function"), h("th", {}, "fate"), h("th", { class: "num" }, "accuracy"),
    ...cv.cases.map((c, n) => h("th", { class: "case" + (c.kept ? "" : " dropped-case"),
      title: c.input + "\nexpected " + (c.expected ? "pass" : "fail") + ", case accuracy " + pct(c.accuracy)
        + (c.kept ? "" : " (case dropped)") },
    "case " + (n + 1) + (c.expected ? " ✓" : " ✗"))));
  const rows = cv.functions.map((f) => h("tr", { "data-function-id": f.functionId },
    h("td", {}, f.functionId), h("td", { class: f.outcome === "kept" ? "kept" : "dropped" }, f.outcome),
    h("td", { class: "num" }, pct(f.accuracy)),
    ...cv.cases.map((c, n) => h("td", { class: f.verdicts[n] ? "verdict verdict-" + f.verdicts[n] : "hint" },
      f.verdicts[n] || "–"))));
  return h("div", { class: "scroll" }, h("table", { class: "matrix", id: "verdict-matrix" }, h("thead", {}, head),
    h("tbody", {}, ...rows)), h("div", { class: "hint" }, "✓ expected to pass, ✗ expected to fail;"
      + " hover a case for its text and accuracy. The instruction: " + cv.outcome + "."));
}

async function backTranslations(el, runId, instructionId, offset) {
  const limit = 20;
  try {
    const page = await api("nli/runs/" + enc(runId) + "/back-translations?limit=" + limit + "&offset=" + offset
      + "&instruction=" + enc(instructionId));
    const prev = h("button", { class: "secondary", disabled: offset <= 0,
      onclick: () => backTranslations(el, runId, instructionId, Math.max(0, offset - limit)) }, "\u2190");
    const next = h("button", { class: "secondary", disabled: offset + limit >= page.total,
      onclick: () => backTranslations(el, runId, instructionId, offset + limit) }, "\u2192");
    el.replaceChildren(h("h2", {}, "Back-translations (NLI)"),
      page.total === 0 ? h("div", { class: "hint" }, "none labelled (yet, or every back-translation was unreadable)")
        : h("table", { id: "back-translation-table" }, h("thead", {}, h("tr", {}, h("th", {}, "function"),
          h("th", {}, "back-translation"), h("th", {}, "label"), h("th", { class: "num" }, "p(contradiction)"))),
        h("tbody", {}, ...page.items.map((b) => h("tr", {}, h("td", {}, b.functionId || ""),
          h("td", { class: "text" }, b.backTranslation),
          h("td", { class: "nli-label label-" + b.label.toLowerCase() }, b.label.toLowerCase()),
          h("td", { class: "num" }, b.contradiction.toFixed(2)))))),
      page.total > limit ? h("div", { class: "pager" }, prev, next) : null);
  } catch (e) {
    el.replaceChildren(h("div", { class: "hint" }, explain(e)));
  }
}

// ---------- Samples ----------
async function samplesPage(view, runId, params) {
  const base = "#/run/" + enc(runId) + "/samples";
  const limit = 50;
  const outcome = h("select", { id: "outcome" }, ...[["all", "all"], ["kept", "kept"], ["dropped", "dropped"]]
    .map(([v, l]) => h("option", { value: v, selected: (params.get("outcome") || "all") === v }, l)));
  const detail = h("div", { class: "panel detail", id: "sample-detail" },
    h("span", { class: "hint" }, "Click a sample to see its response, verdicts and judgement."));
  const list = h("div", {});
  view.append(h("h1", {}, "Samples of ", runId),
    h("div", { class: "hint" }, params.get("instruction") ? "instruction " + params.get("instruction") + " only" : ""),
    searchBar(params, "prompt or response contains\u2026", outcome, (q) => {
      params.set("q", q); params.set("outcome", outcome.value); params.delete("offset"); setHash(base, params);
    }),
    h("div", { class: "split" }, list, detail));
  try {
    const page = await api("export/runs/" + enc(runId) + "/samples?limit=" + limit
      + "&offset=" + enc(params.get("offset") || 0) + "&q=" + enc(params.get("q") || "")
      + "&outcome=" + enc(params.get("outcome") || "all") + "&instruction=" + enc(params.get("instruction") || ""));
    const tbody = h("tbody", {}, ...page.items.map((s) => h("tr", { class: "clickable",
      "data-response-id": s.responseId, "data-kept": String(s.kept),
      onclick: (ev) => { select(ev.currentTarget); showSample(detail, runId, s); } },
      h("td", { class: "truncate", title: s.instruction || s.prompt }, s.instruction || s.prompt),
      h("td", { class: "truncate short", title: s.query || "" }, s.query || ""),
      h("td", { class: "num" }, s.passRate.toFixed(2)),
      h("td", { class: "num" }, s.score === null ? "\u2013" : s.score.toFixed(1)),
      h("td", { class: "reason " + (s.kept ? "kept" : "dropped") }, s.reason))));
    list.append(h("table", { id: "samples-table" }, h("thead", {}, h("tr", {}, h("th", {}, "instruction"),
      h("th", {}, "query"),
      h("th", { class: "num" }, "pass rate"), h("th", { class: "num" }, "judge"), h("th", {}, "kept or why not"))),
    tbody), pager(params, page.total, limit, (o) => { params.set("offset", o); setHash(base, params); }));
  } catch (e) {
    showError(explain(e));
  }
}

async function showSample(el, runId, s) {
  const verdicts = h("ol", { id: "verdicts" }, h("li", { class: "hint" }, "re-running the functions\u2026"));
  const pairs = h("div", { id: "pairs" }, h("span", { class: "hint" }, "\u2026"));
  el.replaceChildren(...h("div", {}, h("h2", {}, "Sample"),
    h("dl", { class: "kv" },
      h("dt", {}, "response"), h("dd", {}, s.responseId),
      h("dt", {}, "instruction"), h("dd", {}, h("a", { href: "#/run/" + enc(runId) + "/instructions?q="
        + enc((s.instruction || "").slice(0, 60)) }, s.instruction || s.instructionId)),
      h("dt", {}, "pass rate"), h("dd", { class: "pass-rate" }, s.passRate.toFixed(2)),
      h("dt", {}, "judge score"), h("dd", { class: "score" }, s.score === null ? "not judged" : s.score.toFixed(1)),
      h("dt", {}, "kept?"), h("dd", { class: "reason " + (s.kept ? "kept" : "dropped") }, s.reason)),
    h("div", {}, "prompt"), h("div", { class: "text" }, s.prompt),
    h("div", {}, "response"), h("div", { class: "text" }, s.response),
    s.analysis ? [h("div", {}, "judge's analysis"), h("div", { class: "text analysis" }, s.analysis)] : null,
    h("div", {}, "verdict per kept function (verifier, now)"), verdicts,
    h("div", {}, "DPO pairs of this prompt (query level, as the DPO export builds them)"), pairs).childNodes);
  samplePairs(pairs, runId, s.sampleId);
  try {
    const r = await api("verifier/verify", { json: { instructionId: s.instructionId, responses: [s.response] } });
    const res = r.results[0];
    verdicts.replaceChildren(...res.verdicts.map((v, n) => h("li", { class: "verdict verdict-" + v },
      "function " + (n + 1) + ": " + v)));
    verdicts.setAttribute("data-pass-rate", String(res.passRate));
  } catch (e) {
    verdicts.replaceChildren(h("li", { class: "hint" }, explain(e)));
  }
}

async function samplePairs(el, runId, sampleId) {
  try {
    const p = await api("export/runs/" + enc(runId) + "/samples/" + enc(sampleId) + "/pairs");
    el.replaceChildren(p.pairs.length === 0
      ? h("span", { class: "hint" }, "no pair: the prompt's " + fmt(p.responses) + " responses have no chosen"
        + " (pass rate > 0.5) and rejected (pass rate 0) texts to pair")
      : h("table", { id: "pairs-table" }, h("thead", {}, h("tr", {}, h("th", {}, "chosen"), h("th", {}, "rejected"))),
        h("tbody", {}, ...p.pairs.map((x) => h("tr", {},
          h("td", { class: "text" + (x.chosenHere ? " here" : "") }, x.chosen),
          h("td", { class: "text" + (x.rejectedHere ? " here" : "") }, x.rejected))))),
    h("div", { class: "hint" }, "built from the prompt's " + fmt(p.responses) + " responses; outlined: a text of"
      + " this sample"));
  } catch (e) {
    el.replaceChildren(h("span", { class: "hint" }, explain(e)));
  }
}

// ---------- start ----------
function keyState() {
  $("#key-state").textContent = sessionStorage.getItem(KEY) ? "key set for this tab" : "no key";
}
$("#key-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const v = $("#api-key").value.trim();
  if (v) sessionStorage.setItem(KEY, v); else sessionStorage.removeItem(KEY);
  $("#api-key").value = "";
  keyState();
  route();
});
window.addEventListener("hashchange", route);
keyState();
route();
