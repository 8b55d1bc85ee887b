/* annotated-timeline page script: plot, search, filters, detail panel, deep links. No innerHTML with data. */
(function () {
  "use strict";
  var doc = document;
  var data = JSON.parse(doc.getElementById("tl__data").textContent);
  var S = data.strings;
  var plot = doc.getElementById("tl__plot");
  var list = doc.getElementById("tl__list");
  var items = list ? Array.prototype.slice.call(list.children) : [];
  var status = doc.getElementById("tl__status");
  var panel = doc.getElementById("tl__panel");
  var panelBody = doc.getElementById("tl__panel-body");
  var panelHeading = doc.getElementById("tl__panel-h");
  var search = doc.getElementById("tl__q");
  var selLane = doc.getElementById("tl__lane");
  var selTag = doc.getElementById("tl__tag");
  var selSource = doc.getElementById("tl__source");
  var byId = Object.create(null);
  var haystack = null;
  var mask = null;
  var current = -1;
  var opener = null;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var api = { ready: false, filterMs: 0, zoomMs: 0 };
  window.timelinePage = api;

  items.forEach(function (li, i) { byId[li.id] = i; });
  doc.documentElement.className += " tl-js";
  ["tl__controls", "tl__zoom"].forEach(function (id) { var el = doc.getElementById(id); if (el) el.hidden = false; });
  Array.prototype.forEach.call(doc.querySelectorAll(".tl-show"), function (b) { b.hidden = false; });

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? "" : String(values[k]); });
  }
  function announce(message) { status.textContent = message; }
  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  /* ---- plot ---- */
  var fullTraces = data.figure.data;
  var layout = data.figure.layout;
  var config = { responsive: true, displayModeBar: false, displaylogo: false, doubleClick: "reset", showTips: false,
                 scrollZoom: false, locale: data.plotlyLocale ? data.plotlyLocale.name : "en" };

  function pick(value, keep, n) {
    if (Array.isArray(value)) {
      if (value.length !== n) return value;
      var out = new Array(keep.length);
      for (var k = 0; k < keep.length; k++) out[k] = value[keep[k]];
      return out;
    }
    if (value && typeof value === "object") {
      var copy = {};
      for (var key in value) if (Object.prototype.hasOwnProperty.call(value, key)) copy[key] = pick(value[key], keep, n);
      return copy;
    }
    return value;
  }
  function visibleTraces() {
    if (!mask) return fullTraces;
    return fullTraces.map(function (trace) {
      var ids = trace.customdata, keep = [];
      for (var k = 0; k < ids.length; k++) if (mask[ids[k]]) keep.push(k);
      return pick(trace, keep, ids.length);
    });
  }
  function draw() {
    return Plotly.react(plot, visibleTraces(), layout, config);
  }

  function start() {
    if (typeof Plotly === "undefined" || !plot) { api.ready = true; return; }
    if (data.plotlyLocale) {
      Plotly.register({ moduleType: "locale", name: data.plotlyLocale.name, dictionary: {},
                        format: { months: data.plotlyLocale.months, shortMonths: data.plotlyLocale.shortMonths } });
    }
    Plotly.newPlot(plot, fullTraces, layout, config).then(function () {
      api.afterplotMs = performance.now();
      var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 0); };
      idle(function () { api.idleMs = performance.now(); }, { timeout: 3000 });
      plot.on("plotly_click", function (ev) {
        if (ev && ev.points && ev.points.length) open(ev.points[0].customdata, true);
      });
      performance.mark("tl-plotted");
      api.ready = true;
    });
  }

  /* ---- zoom and pan ---- */
  function axis() { return plot._fullLayout && plot._fullLayout.xaxis; }
  function zoom(kind) {
    var ax = axis();
    if (!ax) return Promise.resolve();
    var t0 = performance.now();
    var lo = ax.r2l(ax.range[0]), hi = ax.r2l(ax.range[1]), mid = (lo + hi) / 2, half = (hi - lo) / 2;
    var range;
    if (kind === "reset") range = data.range.slice();
    else {
      if (kind === "zoom_in") half /= 2;
      if (kind === "zoom_out") half *= 2;
      if (kind === "earlier") mid -= half;
      if (kind === "later") mid += half;
      half = Math.max(half, 43200000);
      range = [ax.l2r(mid - half), ax.l2r(mid + half)];
    }
    return Plotly.relayout(plot, { "xaxis.range": range }).then(function () {
      api.zoomMs = performance.now() - t0;
      var a = axis();
      announce(fmt(S.zoomed, { a: shortDate(a.range[0]), b: shortDate(a.range[1]) }));
    });
  }
  function shortDate(value) { return String(value).slice(0, 10); }

  /* ---- search and filters ---- */
  function buildIndex() {
    haystack = items.map(function (li) { return fold(li.textContent); });
  }
  function matches(i, words, lane, tag, source) {
    var f = data.facets[i];
    if (lane !== "" && f[0] !== +lane) return false;
    if (tag !== "" && f[1].indexOf(+tag) < 0) return false;
    if (source !== "" && f[2].indexOf(+source) < 0) return false;
    for (var w = 0; w < words.length; w++) if (haystack[i].indexOf(words[w]) < 0) return false;
    return true;
  }
  function filter() {
    var t0 = performance.now();
    var q = fold(search.value.trim());
    var words = q ? q.split(/\s+/) : [];
    var lane = selLane ? selLane.value : "", tag = selTag ? selTag.value : "", source = selSource ? selSource.value : "";
    var active = words.length || lane || tag || source;
    if (words.length && !haystack) buildIndex();
    var count = 0;
    mask = active ? new Uint8Array(items.length) : null;
    for (var i = 0; i < items.length; i++) {
      var ok = !active || matches(i, words, lane, tag, source);
      if (mask) mask[i] = ok ? 1 : 0;
      if (ok) count++;
      if (items[i].hidden === ok) items[i].hidden = !ok;
    }
    return draw().then(function () {
      api.filterMs = performance.now() - t0;
      announce(count === 0 ? S.no_match : count === 1 ? S.match_one : fmt(S.match, { n: count }));
      return count;
    });
  }
  var timer = 0;
  function filterSoon() { clearTimeout(timer); timer = setTimeout(filter, 120); }
  api.filter = filter;
  api.zoom = zoom;

  /* ---- detail panel ---- */
  function open(i, moveFocus) {
    var li = items[i];
    if (!li) return;
    if (current >= 0 && items[current]) items[current].classList.remove("tl-current");
    current = i;
    li.classList.add("tl-current");
    var clone = li.firstElementChild.cloneNode(true);
    var title = clone.querySelector("h3");
    panelHeading.textContent = title ? title.textContent : S.details;
    if (title) title.parentNode.removeChild(title);
    clone.removeAttribute("aria-labelledby");
    Array.prototype.forEach.call(clone.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    var wrap = doc.createElement("div");
    wrap.className = "tl-event";
    wrap.appendChild(clone);
    panelBody.replaceChildren(wrap);
    panel.hidden = false;
    panelBody.scrollTop = 0;
    if (location.hash !== "#" + li.id) history.replaceState(null, "", "#" + li.id);
    if (moveFocus) panelHeading.focus({ preventScroll: true });
    announce(fmt(S.opened, { name: panelHeading.textContent }));
  }
  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    var li = items[current];
    if (li) li.classList.remove("tl-current");
    history.replaceState(null, "", location.pathname + location.search);
    announce(S.closed);
    var back = opener && doc.contains(opener) ? opener : li && li.querySelector("a.tl-open");
    if (back) back.focus({ preventScroll: false });
    current = -1;
  }
  api.open = open;

  function showSource(button) {
    var key = button.getAttribute("data-key");
    var row = button.closest("li");
    var existing = row.querySelector(".tl-source-view");
    if (existing) { existing.parentNode.removeChild(existing); button.setAttribute("aria-expanded", "false"); return; }
    var cite = data.excerpts.cites[key];
    if (!cite) return;
    var source = data.excerpts.sources[cite[0]], text = source[1][cite[1]], at = cite[2], end = cite[2] + cite[3];
    var x = [text.slice(Math.max(0, at - 320), at), text.slice(at, end), text.slice(end, end + 320), source[0]];
    var box = doc.createElement("div");
    box.className = "tl-source-view";
    box.setAttribute("role", "region");
    var h = doc.createElement("h5");
    h.textContent = S.source_view + ": " + x[3] + " (" + S.excerpt + ")";
    var mark = doc.createElement("mark");
    mark.textContent = x[1];
    box.append(h, "…" + x[0], mark, x[2] + "…");
    box.setAttribute("aria-label", S.source_view);
    row.appendChild(box);
    button.setAttribute("aria-expanded", "true");
    mark.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
  }

  /* ---- events ---- */
  doc.addEventListener("click", function (ev) {
    var target = ev.target;
    if (!(target instanceof Element)) return;
    var link = target.closest("a.tl-open");
    if (link && list.contains(link)) {
      ev.preventDefault();
      opener = link;
      open(byId[link.closest("li").id], true);
      return;
    }
    var show = target.closest("button.tl-show");
    if (show) { showSource(show); return; }
    var z = target.closest("[data-zoom]");
    if (z) { zoom(z.getAttribute("data-zoom")); return; }
    if (target.closest("#tl__close")) close();
  });
  doc.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !panel.hidden) { ev.preventDefault(); close(); }
  });
  if (search) search.addEventListener("input", filterSoon);
  [selLane, selTag, selSource].forEach(function (s) { if (s) s.addEventListener("change", filter); });
  var form = doc.getElementById("tl__controls");
  if (form) form.addEventListener("submit", function (ev) { ev.preventDefault(); filter(); });
  var clear = doc.getElementById("tl__clear");
  if (clear) clear.addEventListener("click", function () {
    search.value = "";
    [selLane, selTag, selSource].forEach(function (s) { if (s) s.value = ""; });
    filter();
  });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && id in byId) { opener = null; open(byId[id], true); }
  }
  window.addEventListener("hashchange", fromHash);

  start();
  fromHash();
})();
