// The sandbox console: polls GET /sandbox/state and renders it; the buttons call the /sandbox actions.
// Every value shown is untrusted text (webhook bodies, names, ids): it reaches the page only through
// text nodes and setAttribute on data-* attributes, never parsed as HTML.
"use strict";

(() => {
  const POLL_MS = 500; // cheap on loopback; hidden tabs poll four times slower
  const opened = new Set(); // keys of the <details> the user expanded, kept across re-renders
  const rendered = {}; // section name -> the JSON it was last rendered from

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function show(value) {
    if (value === null || value === undefined || value === "") return "—";
    if (value === true) return "yes";
    if (value === false) return "no";
    if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "—";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  const token = (value) => String(value).toLowerCase().replace(/[^a-z0-9_-]/g, "");
  const badge = (value, kind) => el("span", { class: `badge ${kind || ""} v-${token(show(value))}` }, show(value));
  // "2026-01-02T14:12:07.497525Z" -> "14:12:07" (or "14:12:07.497" with ms): the day is the same all session.
  const time = (iso, ms) =>
    typeof iso === "string" && iso.includes("T") ? iso.split("T")[1].slice(0, ms ? 12 : 8) : show(iso);
  const pretty = (value) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));

  function details(key, summary, ...parts) {
    const node = el("details", { "data-open-key": key }, el("summary", {}, summary), ...parts);
    node.open = opened.has(key);
    node.addEventListener("toggle", () => (node.open ? opened.add(key) : opened.delete(key)));
    return node;
  }

  // A table of objects. Fields of a row that no column names are appended as columns of their own,
  // so a field the sandbox adds later (a call leg's real state machine, say) shows without a change here.
  function table(rows, columns, { key, hide = [], generic = true } = {}) {
    const cols = columns.slice();
    if (generic) {
      const known = new Set([...cols.map((c) => c.key), ...hide]);
      for (const row of rows) {
        for (const [name, value] of Object.entries(row)) {
          if (!known.has(name) && (value === null || typeof value !== "object")) {
            known.add(name);
            cols.push({ key: name });
          }
        }
      }
    }
    const head = el("tr", {}, cols.map((c) => el("th", {}, c.label || c.key.replace(/_/g, " "))));
    const body = rows.map((row) =>
      el(
        "tr",
        { "data-key": key ? row[key] : null },
        cols.map((c) => el("td", { "data-col": c.key }, c.cell ? c.cell(row) : show(row[c.key]))),
      ),
    );
    return el("table", {}, el("thead", {}, head), el("tbody", {}, body));
  }

  const empty = (text) => el("p", { class: "muted empty" }, text);

  function button(label, action, attrs) {
    return el("button", { type: "button", ...attrs, onclick: action }, label);
  }

  async function act(path, body, done) {
    try {
      const response = await fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body || {}),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        const error = (data.errors && data.errors[0]) || {};
        throw new Error(`${response.status} ${error.title || ""}: ${error.detail || ""}`);
      }
      notice(done(data), "ok");
    } catch (error) {
      notice(error.message, "error");
    }
    refresh();
  }

  function notice(text, kind) {
    const node = document.getElementById("notice");
    node.textContent = text;
    node.dataset.kind = kind;
    node.hidden = false;
  }

  const endLeg = (id) => act(`calls/${encodeURIComponent(id)}/hangup`, {}, () => `Hung up ${id}`);
  const endConference = (id) => act(`conferences/${encodeURIComponent(id)}/end`, {}, () => `Ended conference ${id}`);
  const redeliver = (n) => act(`events/${n}/redeliver`, {}, (d) => `Redelivering #${n} as #${d.data.number}`);

  const sections = {
    calls(calls) {
      if (!calls.length) return [empty("No call legs yet.")];
      const rows = calls.slice().reverse();
      return [
        table(
          rows,
          [
            { key: "call_control_id", label: "call control id" },
            { key: "direction", cell: (r) => badge(r.direction || "unknown") },
            { key: "state", cell: (r) => badge(r.state, "state") },
            {
              key: "actions",
              label: "",
              cell: (r) => (r.state === "hangup" ? "" : button("Hang up", () => endLeg(r.call_control_id), { "data-action": "hangup" })),
            },
            { key: "from" },
            { key: "to" },
            { key: "conference" },
            { key: "queue" },
            { key: "started_at", label: "started", cell: (r) => time(r.started_at) },
            {
              key: "timeline",
              cell: (r) =>
                el("ol", { class: "timeline" }, (r.timeline || []).map((t) => el("li", {}, `${time(t.at)} ${t.event}`))),
            },
          ],
          { key: "call_control_id", hide: ["call_leg_id", "call_session_id"] },
        ),
      ];
    },

    conferences(conferences) {
      if (!conferences.length) return [empty("No conferences yet.")];
      return conferences.map((c) =>
        el(
          "article",
          { class: "card", "data-key": c.id, "data-name": c.name },
          el(
            "h3",
            {},
            el("span", { class: "name" }, c.name),
            " ",
            badge(c.status, "state"),
            c.status === "completed" ? null : button("End conference", () => endConference(c.id), { "data-action": "end" }),
          ),
          el(
            "p",
            { class: "muted" },
            `id ${c.id} · region ${show(c.region)} · recording ${show(c.recording)} · floor ${show(c.floor)}`,
            c.end_reason ? ` · ended: ${c.end_reason}` : "",
          ),
          c.participants.length
            ? table(
                c.participants,
                [
                  { key: "call_control_id", label: "participant" },
                  { key: "status", cell: (p) => badge(p.status, "state") },
                  { key: "muted", cell: (p) => badge(p.muted) },
                  { key: "on_hold", label: "on hold", cell: (p) => badge(p.on_hold) },
                  { key: "supervisor_role", label: "supervisor role" },
                  { key: "whispering", cell: (p) => (p.whispering ? `to ${show(p.whisper_call_control_ids)}` : "no") },
                  { key: "label" },
                  { key: "joined_at", label: "joined", cell: (p) => time(p.joined_at) },
                ],
                { key: "call_control_id", generic: false },
              )
            : empty("No participants."),
        ),
      );
    },

    queues(queues) {
      if (!queues.length) return [empty("No queues yet.")];
      return queues.map((q) =>
        el(
          "article",
          { class: "card", "data-key": q.name },
          el("h3", {}, el("span", { class: "name" }, q.name), ` ${q.current_size}/${q.max_size} waiting`),
          el("p", { class: "muted" }, `average wait ${q.average_wait_time_secs} s`),
          q.calls.length
            ? table(
                q.calls,
                [{ key: "position" }, { key: "call_control_id", label: "call" }, { key: "wait_time_secs", label: "waited (s)" }],
                { key: "call_control_id" },
              )
            : empty("Nobody waiting."),
        ),
      );
    },

    recordings(recordings) {
      if (!recordings.length) return [empty("No recordings yet.")];
      return [
        table(
          recordings,
          [
            { key: "id" },
            { key: "conference" },
            { key: "state", cell: (r) => badge(r.state, "state") },
            { key: "format" },
            { key: "channels" },
            { key: "started_at", label: "started", cell: (r) => time(r.started_at) },
            { key: "ended_at", label: "ended", cell: (r) => time(r.ended_at) },
          ],
          { key: "id" },
        ),
      ];
    },

    deliveries(deliveries) {
      if (!deliveries.length) return [empty("No webhooks sent yet.")];
      return [
        table(
          deliveries,
          [
            { key: "number", label: "#" },
            { key: "event_type", label: "event" },
            { key: "target" },
            {
              key: "response_status",
              label: "receiver",
              cell: (d) => badge(d.response_status || d.error || (d.status === "pending" ? "pending" : "inbox"), "http"),
            },
            { key: "latency_ms", label: "ms" },
            {
              key: "signature_verified",
              label: "signature",
              cell: (d) => badge(d.signature_verified === null ? "pending" : d.signature_verified ? "verified" : "invalid", "sig"),
            },
            { key: "attempts", label: "retries", cell: (d) => Math.max(0, d.attempts - 1) },
            { key: "status", cell: (d) => badge(d.status, "state") },
            { key: "redelivery_of", label: "resend of", cell: (d) => (d.redelivery_of ? `#${d.redelivery_of}` : "") },
            {
              key: "body",
              label: "",
              cell: (d) =>
                details(
                  `delivery-${d.number}`,
                  "body",
                  el("pre", {}, pretty(d.body)),
                  el("pre", {}, pretty(d.headers)),
                  d.history.length ? el("pre", {}, pretty(d.history)) : null,
                ),
            },
            { key: "actions", label: "", cell: (d) => button("Redeliver", () => redeliver(d.number), { "data-action": "redeliver" }) },
          ],
          { key: "number", generic: false },
        ),
      ];
    },

    requests(requests) {
      if (!requests.length) return [empty("No API requests yet.")];
      return [
        table(
          requests,
          [
            { key: "number", label: "#" },
            { key: "at", cell: (r) => time(r.at, true) },
            { key: "method" },
            { key: "path", cell: (r) => (r.query ? `${r.path}?${r.query}` : r.path) },
            { key: "status", cell: (r) => badge(r.status || r.outcome, "http") },
            { key: "latency_ms", label: "ms" },
            { key: "fault", cell: (r) => (r.fault ? `${r.fault.kind} (${r.fault.phase})` : "") },
            {
              key: "exchange",
              label: "",
              cell: (r) =>
                details(
                  `request-${r.number}`,
                  "request / response",
                  el("h4", {}, "request headers"),
                  el("pre", {}, pretty(r.request_headers)),
                  el("h4", {}, "request body"),
                  el("pre", {}, pretty(r.request_body)),
                  el("h4", {}, `response ${show(r.status)} (request id ${show(r.request_id)})`),
                  el("pre", {}, pretty(r.response_body)),
                ),
            },
          ],
          { key: "number", generic: false },
        ),
      ];
    },

    faults(faults) {
      const s = faults.settings;
      document.querySelector('[data-section="faults"] .settings').textContent =
        `rate ${s.rate} · seed ${show(s.seed)} · kinds ${show(s.kinds)} · after share ${s.after_share}`;
      if (!faults.injected.length) return [empty("No faults injected.")];
      return [
        table(
          faults.injected,
          [
            { key: "request", label: "request #" },
            { key: "at", cell: (f) => time(f.at, true) },
            { key: "path", label: "request", cell: (f) => `${f.method} ${f.path}` },
            { key: "kind", label: "fault", cell: (f) => badge(f.kind, "http") },
            { key: "phase", label: "when", cell: (f) => `${f.phase} the command applied` },
            { key: "outcome" },
          ],
          { key: "request", generic: false },
        ),
      ];
    },
  };

  function render(state) {
    const clock = state.clock;
    document.getElementById("clock").textContent = `sandbox time ${time(clock.now)} · speed ${clock.speed}×`;
    const t = state.stats;
    document.getElementById("totals").textContent =
      `${t.requests} requests · ${t.applied} applied · ${t.deduplicated} deduplicated · ${t.faults} faults · ${t.duplicates_applied} applied twice`;
    document.querySelector('[data-section="deliveries"] .target').textContent = `to ${state.webhook_url || "the in-memory inbox"}`;
    for (const [name, draw] of Object.entries(sections)) {
      const data = name === "faults" ? state.faults : state[name];
      const text = JSON.stringify(data);
      if (rendered[name] === text) continue; // unchanged: keep the DOM (and any click in progress)
      rendered[name] = text;
      const section = document.querySelector(`[data-section="${name}"]`);
      section.querySelector(".count").textContent = `(${(name === "faults" ? data.injected : data).length})`;
      section.querySelector(".body").replaceChildren(...draw(data));
    }
  }

  function setStatus(state, detail) {
    const node = document.getElementById("status");
    node.dataset.state = state;
    node.textContent = detail ? `${state}: ${detail}` : state;
  }

  async function refresh() {
    try {
      const response = await fetch("state", { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      render(await response.json());
      setStatus("live");
    } catch (error) {
      setStatus("disconnected", error.message);
    }
  }

  async function loop() {
    await refresh();
    setTimeout(loop, document.hidden ? POLL_MS * 4 : POLL_MS);
  }

  document.getElementById("inbound-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { from: form.get("from"), to: form.get("to") };
    if (form.get("client_state")) body.client_state = form.get("client_state");
    if (form.get("digits")) body.digits = form.get("digits");
    act("calls/inbound", body, (d) => `Inbound call ${d.data.call_control_id} (${d.data.state})`);
  });

  loop();
})();
