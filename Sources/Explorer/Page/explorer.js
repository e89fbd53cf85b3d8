// PrecisionLab bit explorer. Every number on the page comes from the server's JSON API
// (/api/inspect, /api/decode, /api/formats); this script only draws it and flips bits.
"use strict";

const DEFAULT_FORMATS = ["float32", "float16", "bfloat16", "float8_e4m3fn", "float8_e5m2"];
const state = {
  value: "0.1", formats: DEFAULT_FORMATS.slice(), rounding: "nearest-even", overflow: "default",
  subnormals: "keep", seed: "0",
  decoded: {},        // format index -> hex code shown in decode view (a flipped bit, a step)
  builtIn: [],        // names from /api/formats
};
let generation = 0;   // answers to older requests are dropped

const $ = (id) => document.getElementById(id);

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

async function api(path, parameters) {
  const query = new URLSearchParams(parameters);
  const response = await fetch(path + "?" + query.toString());
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || ("HTTP " + response.status));
  return body;
}

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
}

function inspectParameters() {
  const parameters = [["value", state.value]];
  for (const format of state.formats) parameters.push(["format", format]);
  if (state.rounding !== "nearest-even") parameters.push(["rounding", state.rounding]);
  if (state.overflow !== "default") parameters.push(["overflow", state.overflow]);
  if (state.subnormals !== "keep") parameters.push(["subnormals", state.subnormals]);
  if (state.rounding === "stochastic" && state.seed !== "0") parameters.push(["seed", state.seed]);
  return parameters;
}

function readLocation() {
  const query = new URLSearchParams(location.search);
  if (query.has("value")) state.value = query.get("value");
  const formats = query.getAll("format").flatMap((f) => f.split(",")).filter((f) => f.length > 0);
  if (formats.length > 0) state.formats = formats;
  for (const key of ["rounding", "overflow", "subnormals", "seed"]) if (query.has(key)) state[key] = query.get(key);
}

function writeLocation() {
  const query = new URLSearchParams(inspectParameters());
  history.replaceState(null, "", "?" + query.toString());
}

function syncControls() {
  $("value").value = state.value;
  for (const key of ["rounding", "overflow", "subnormals", "seed"]) $(key).value = state[key];
  $("seed-field").hidden = state.rounding !== "stochastic";
  const list = $("format-list");
  list.replaceChildren();
  const names = state.builtIn.concat(state.formats.filter((f) => !state.builtIn.includes(f)));
  for (const name of names) {
    const box = element("input", { type: "checkbox", value: name, id: "format-" + name });
    box.checked = state.formats.includes(name);
    box.addEventListener("change", () => {
      if (box.checked) state.formats = names.filter((n) => n === name || state.formats.includes(n));
      else state.formats = state.formats.filter((n) => n !== name);
      state.decoded = {};
      refresh();
    });
    list.append(element("label", { for: "format-" + name }, box, " " + name));
  }
}

// ---- drawing -------------------------------------------------------------------------

function bitBoxes(view, index) {
  const fields = view.fields;
  const parts = [["sign", fields.sign], ["exponent", fields.exponent], ["mantissa", fields.mantissa]];
  const width = fields.sign.length + fields.exponent.length + fields.mantissa.length;
  const row = element("div", { class: "bits", role: "group", "aria-label": view.format + " bits " + view.bits });
  let position = width - 1;
  for (const [kind, text] of parts) {
    for (let i = 0; i < text.length; i++) {
      const bit = position;
      const label = kind + " bit " + (i + 1) + " of " + text.length + " (bit " + bit + "), value " + text[i] + "; press to flip";
      row.append(element("button", {
        type: "button", class: "bit " + kind + (text[i] === "0" ? " zero" : "") + (i === 0 && bit !== width - 1 ? " gap" : ""),
        "aria-label": label, title: label, "data-bit": String(bit), text: text[i],
        onclick: () => flip(index, view, bit),
      }));
      position--;
    }
  }
  return row;
}

function numberLine(view, inputPosition) {
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNS, "svg");
  svg.setAttribute("class", "numberline");
  svg.setAttribute("viewBox", "0 0 320 64");
  svg.setAttribute("role", "img");
  const points = (view.neighbors || []).filter((n) => n.position !== null);
  const positions = points.map((n) => n.position);
  if (inputPosition !== null && inputPosition !== undefined) positions.push(inputPosition);
  if (points.length === 0) { svg.setAttribute("aria-label", "no finite neighbours"); return svg; }
  let low = Math.min(...positions), high = Math.max(...positions);
  if (low === high) { low -= 1; high += 1; }
  const x = (p) => 16 + (288 * (p - low)) / (high - low);
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(svgNS, tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.append(node);
  };
  add("line", { class: "axis", x1: 8, x2: 312, y1: 30, y2: 30 });
  points.forEach((n, i) => {
    const stored = n.bits === view.bits;
    add("line", { class: stored ? "stored" : "tick", x1: x(n.position), x2: x(n.position), y1: stored ? 18 : 23, y2: stored ? 42 : 37 });
    // The outermost labels hang inward so that long decimals stay inside the box.
    const anchor = i === 0 && points.length > 1 ? "start" : i === points.length - 1 && points.length > 1 ? "end" : "middle";
    const at = anchor === "start" ? x(n.position) - 8 : anchor === "end" ? x(n.position) + 8 : x(n.position);
    add("text", { class: stored ? "stored" : "", x: at, y: i % 2 === 0 ? 56 : 14, "text-anchor": anchor }, n.shortest);
  });
  if (inputPosition !== null && inputPosition !== undefined) {
    const p = x(inputPosition);
    add("polygon", { class: "input", points: `${p},29 ${p - 4},21 ${p + 4},21` });
  }
  svg.setAttribute("aria-label", "neighbours " + points.map((n) => n.shortest).join(", ") +
    (inputPosition !== null && inputPosition !== undefined ? "; the input is marked with a triangle" : ""));
  return svg;
}

function card(view, index, mode, inputPosition) {
  const decoded = mode === "decoded";
  const rows = [
    ["class", view.class], ["exact", view.exact], ["shortest", view.shortest],
  ];
  if (!decoded) {
    rows.push(["abs error", view.abs_error ?? "n/a"], ["rel error", view.rel_error ?? "n/a"],
      ["ulp error", view.ulp_error ?? "n/a"], ["flags", view.flags.length ? view.flags.join(", ") : "none"]);
  }
  const list = element("dl");
  for (const [name, text] of rows) {
    list.append(element("dt", { text: name }), element("dd", { class: name.replace(" ", "-"), text }));
  }
  const steps = element("div", { class: "steps" },
    element("button", { type: "button", class: "prev", "aria-label": "previous representable value " + view.next_down,
      text: "◀", onclick: () => decode(index, view.format, view.next_down) }),
    element("code", { class: "hex", text: view.bits }),
    element("button", { type: "button", class: "next", "aria-label": "next representable value " + view.next_up,
      text: "▶", onclick: () => decode(index, view.format, view.next_up) }),
    decoded ? element("button", { type: "button", class: "back", text: "back to the value",
      onclick: () => { delete state.decoded[index]; refresh(); } }) : null);
  return element("section", { class: "card", "data-format": view.format, "data-index": String(index), "data-mode": mode },
    element("h2", {}, view.format, element("span", { class: "mode",
      text: decoded ? "decoded code (errors apply to the rounded value only)" : "rounded from " + state.value })),
    bitBoxes(view, index),
    element("div", { class: "legend" }, element("span", { class: "sign", text: "sign" }),
      element("span", { class: "exponent", text: "exponent" }), element("span", { class: "mantissa", text: "mantissa" })),
    steps, list, numberLine(view, decoded ? null : inputPosition));
}

// ---- actions -------------------------------------------------------------------------

async function refresh() {
  const mine = ++generation;
  writeLocation();
  $("status").textContent = "computing…";
  $("status").dataset.state = "busy";
  try {
    const answer = await api("/api/inspect", inspectParameters());
    const views = await Promise.all(answer.results.map((result, index) =>
      state.decoded[index] ? api("/api/decode", { format: result.format, bits: state.decoded[index] }) : result));
    if (mine !== generation) return;
    showError("");
    $("results").replaceChildren(...views.map((view, index) =>
      card(view, index, state.decoded[index] ? "decoded" : "rounded", answer.position)));
    $("status").textContent = answer.results.length + " format" + (answer.results.length === 1 ? "" : "s") +
      ", " + answer.rounding + ", overflow " + answer.overflow + ", subnormals " + answer.subnormals;
    $("status").dataset.state = "ready";
  } catch (error) {
    if (mine !== generation) return;
    showError(error.message);
    $("status").textContent = "";
    $("status").dataset.state = "error";
  }
}

function decode(index, format, bits) {
  state.decoded[index] = bits;
  refresh();
}

function flip(index, view, bit) {
  const width = view.fields.sign.length + view.fields.exponent.length + view.fields.mantissa.length;
  const code = BigInt(view.bits) ^ (1n << BigInt(bit));
  const digits = Math.max(2, Math.ceil(width / 4));
  decode(index, view.format, "0x" + code.toString(16).padStart(digits, "0"));
}

async function addFormat() {
  const name = $("custom-format").value.trim();
  if (!name) return;
  try {
    await api("/api/decode", { format: name, bits: "0" });
  } catch (error) {
    showError(error.message);
    return;
  }
  if (!state.formats.includes(name)) state.formats.push(name);
  $("custom-format").value = "";
  syncControls();
  refresh();
}

let typing = null;
function onValueInput() {
  clearTimeout(typing);
  typing = setTimeout(() => { state.value = $("value").value.trim() || "0"; state.decoded = {}; refresh(); }, 120);
}

async function start() {
  readLocation();
  try {
    state.builtIn = (await api("/api/formats", {})).formats.map((f) => f.name);
  } catch (error) {
    showError(error.message);
  }
  syncControls();
  $("value").addEventListener("input", onValueInput);
  for (const key of ["rounding", "overflow", "subnormals", "seed"]) {
    $(key).addEventListener("change", () => {
      state[key] = $(key).value;
      $("seed-field").hidden = state.rounding !== "stochastic";
      state.decoded = {};
      refresh();
    });
  }
  $("add-format").addEventListener("click", addFormat);
  $("custom-format").addEventListener("keydown", (event) => { if (event.key === "Enter") addFormat(); });
  refresh();
}

start();
