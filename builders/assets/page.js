/* annotated-timeline page script: plot, search, filters, detail panel, deep links. Data reaches the DOM only through
   textContent and DOM building; the one HTML parse is of the page's own escaped list chunks, in an inert document. */
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
  var haystack = [];  /* folded text of items[i], filled at idle time (with each chunk of a long list) */
  var mask = null;
  var current = -1;
  var opener = null;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var api = { ready: false, filterMs: 0, zoomMs: 0 };
  window.timelinePage = api;

  items.forEach(function (li, i) { byId[li.id] = i; });
  var chunks = Array.prototype.slice.call(doc.querySelectorAll("noscript.tl-chunk"));
  var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 1); };

  /* A long list arrives in <noscript> chunks: the page's own escaped markup, parsed here in an inert
     document (no script runs, no resource loads) and moved into the list, in order. */
  function materialize() {
    var chunk = chunks.shift();
    if (!chunk) return;
    var parsed = new DOMParser().parseFromString(chunk.textContent, "text/html");
    var source = parsed.querySelector("ol");
    var fragment = doc.createDocumentFragment();
    while (source && source.firstElementChild) {
      var li = doc.adoptNode(source.firstElementChild);
      var i = items.length;
      byId[li.id] = i;
      items.push(li);
      if (mask && !mask[i]) li.hidden = true;
      Array.prototype.forEach.call(li.querySelectorAll(".tl-show"), function (b) { b.hidden = false; });
      fragment.appendChild(li);
    }
    list.appendChild(fragment);
    chunk.parentNode.removeChild(chunk);
    indexUpTo(items.length);
    if (!chunks.length) api.listCompleteMs = performance.now();
  }
  function ensureAll() { while (chunks.length) materialize(); }
  function background() {
    if (chunks.length) { materialize(); idle(background, { timeout: 1000 }); } else idle(indexSoon, { timeout: 2000 });
  }
  /* The search index is built while the page is idle, a slice at a time, so the first search does not pay for it. */
  function indexUpTo(n) { for (var i = haystack.length; i < n; i++) haystack.push(fold(items[i].textContent)); }
  function indexSoon(deadline) {
    var n = items.length;
    while (haystack.length < n && (!deadline || deadline.timeRemaining() > 2)) indexUpTo(Math.min(n, haystack.length + 250));
    if (haystack.length < n) idle(indexSoon, { timeout: 2000 });
  }
  if (!chunks.length) api.listCompleteMs = 0;
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
  /* Level of detail: at most CAP events are drawn at once (plotly redraws ~0.1 ms per point) (the most important in view); zooming in shows the rest. */
  var CAP = 800, DAY = 86400000, MARGIN = 0.25;
  var total = data.facets.length;
  var spanLo = new Float64Array(total), spanHi = new Float64Array(total), rankOf = new Int32Array(total);
  (function () {
    var order = [];
    for (var i = 0; i < total; i++) {
      var f = data.facets[i];
      spanLo[i] = f[4] === null ? NaN : f[4] * DAY;
      spanHi[i] = f[5] === null ? NaN : (f[5] + 1) * DAY;
      order.push(i);
    }
    var spread = function (i) { return (Math.imul(i + 1, 2654435761) >>> 0); };
    order.sort(function (a, b) { return (data.facets[b][3] - data.facets[a][3]) || (spread(a) - spread(b)); });
    for (var r = 0; r < order.length; r++) rankOf[order[r]] = r;
  })();
  var drawnKey = "";
  var lod = doc.getElementById("tl__lod");

  function select(range) {
    var width = range[1] - range[0], lo = range[0] - width * MARGIN, hi = range[1] + width * MARGIN;
    var shown = [], matching = 0;
    for (var i = 0; i < total; i++) {
      if ((mask && !mask[i]) || !(spanHi[i] >= lo && spanLo[i] <= hi)) continue;
      shown.push(i);
    }
    matching = shown.length;
    if (matching > CAP) {
      shown.sort(function (a, b) { return rankOf[a] - rankOf[b]; });
      shown.length = CAP;
    }
    var keep = new Uint8Array(total);
    for (var k = 0; k < shown.length; k++) keep[shown[k]] = 1;
    return { keep: keep, shown: shown.length, matching: matching, key: shown.join(",") };
  }
  function tracesFor(keep) {
    return fullTraces.map(function (trace) {
      var ids = trace.customdata, picked = [];
      for (var k = 0; k < ids.length; k++) if (keep[ids[k]]) picked.push(k);
      return picked.length === ids.length ? trace : pick(trace, picked, ids.length);
    });
  }
  function toAxis(ms) { var ax = axis(); return ax ? ax.l2r(ms) : new Date(ms).toISOString().slice(0, 10); }
  function fromAxis(value) { var ax = axis(); return ax ? ax.r2l(value) : Date.parse(value); }
  function currentRange() {
    var ax = axis(), r = ax ? ax.range : data.range;
    return [fromAxis(r[0]), fromAxis(r[1])];
  }
  function render(range, force) {
    var sel = select(range);
    if (lod) {
      lod.hidden = sel.shown === sel.matching;
      lod.textContent = fmt(S.lod, { shown: sel.shown.toLocaleString(S.lang), n: sel.matching.toLocaleString(S.lang) });
    }
    var lay = layoutFor([toAxis(range[0]), toAxis(range[1])]);
    if (!force && sel.key === drawnKey) return Promise.resolve();
    drawnKey = sel.key;
    return Plotly.react(plot, tracesFor(sel.keep), lay, config);
  }
  /* On a narrow plot the era titles would overlap: they stay in the eras list above the events. */
  function isNarrow() { return plot.clientWidth < 640; }
  function layoutFor(range) {
    var narrow = isNarrow();
    var xaxis = Object.assign({}, layout.xaxis, { range: range, autorange: false });
    var lay = Object.assign({}, layout, { xaxis: xaxis });
    if (narrow) {
      lay.annotations = layout.annotations.filter(function (a) { return a.name !== "era"; });
      lay.margin = Object.assign({}, layout.margin, { t: 36 });
    }
    return lay;
  }
  var wasNarrow = null;
  window.addEventListener("resize", function () {
    if (wasNarrow !== null && isNarrow() !== wasNarrow && axis()) { wasNarrow = isNarrow(); render(currentRange(), true); }
  });

  function start() {
    if (typeof Plotly === "undefined" || !plot) { api.ready = true; return; }
    if (data.plotlyLocale) {
      Plotly.register({ moduleType: "locale", name: data.plotlyLocale.name, dictionary: {},
                        format: { months: data.plotlyLocale.months, shortMonths: data.plotlyLocale.shortMonths } });
    }
    var sel = select([Date.parse(data.range[0]), Date.parse(data.range[1])]);
    drawnKey = sel.key;
    if (lod) {
      lod.hidden = sel.shown === sel.matching;
      lod.textContent = fmt(S.lod, { shown: sel.shown.toLocaleString(S.lang), n: sel.matching.toLocaleString(S.lang) });
    }
    wasNarrow = isNarrow();
    Plotly.newPlot(plot, tracesFor(sel.keep), layoutFor(data.range.slice()), config).then(function () {
      api.afterplotMs = performance.now();
      idle(function () { api.idleMs = performance.now(); idle(background, { timeout: 1000 }); }, { timeout: 3000 });
      plot.on("plotly_relayout", function (ev) {
        if (ev && ("xaxis.range[0]" in ev || "xaxis.autorange" in ev || "xaxis.range" in ev)) render(currentRange(), false);
      });
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
    if (!axis()) return Promise.resolve();
    var t0 = performance.now();
    var r = currentRange(), mid = (r[0] + r[1]) / 2, half = (r[1] - r[0]) / 2;
    var range;
    if (kind === "reset") range = [Date.parse(data.range[0]), Date.parse(data.range[1])];
    else {
      if (kind === "zoom_in") half /= 2;
      if (kind === "zoom_out") half *= 2;
      if (kind === "earlier") mid -= half;
      if (kind === "later") mid += half;
      half = Math.max(half, DAY / 2);
      range = [mid - half, mid + half];
    }
    return render(range, true).then(function () {
      api.zoomMs = performance.now() - t0;
      var r = currentRange();
      announce(fmt(S.zoomed, { a: longDate(r[0]), b: longDate(r[1]) }));
    });
  }
  function longDate(ms) {
    return new Date(ms).toLocaleDateString(S.lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  /* ---- search and filters ---- */
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
    if (words.length) { ensureAll(); indexUpTo(items.length); }
    var count = 0;
    mask = active ? new Uint8Array(total) : null;
    for (var i = 0; i < total; i++) {
      var ok = !active || matches(i, words, lane, tag, source);
      if (mask) mask[i] = ok ? 1 : 0;
      if (ok) count++;
    }
    /* Plot first, list after: plotly measures the page, which would otherwise lay out the changed list too.
       The plot is redrawn only when the set of events it draws changes. */
    return render(currentRange(), false).then(function () {
      for (var k = 0; k < items.length; k++) {
        var show = !mask || mask[k] === 1;
        if (items[k].hidden === show) items[k].hidden = !show;
      }
      api.filterMs = performance.now() - t0;
      announce(count === 0 ? S.no_match : count === 1 ? S.match_one : fmt(S.match, { n: count.toLocaleString(S.lang) }));
      return count;
    });
  }
  var timer = 0;
  function filterSoon() { clearTimeout(timer); timer = setTimeout(filter, 120); }
  api.filter = filter;
  api.ensureAll = ensureAll;
  api.zoom = zoom;

  /* A focused or opened event shows its hover label in the plot, so keyboard readers see where it sits. */
  function hoverEvent(i) {
    if (!plot.data || !Plotly.Fx) return;
    for (var t = 0; t < plot.data.length; t++) {
      var trace = plot.data[t];
      if (trace.name !== "events") continue;
      var j = trace.customdata.indexOf(i);
      if (j >= 0) { try { Plotly.Fx.hover(plot, [{ curveNumber: t, pointNumber: j }]); } catch (e) { /* point outside the view */ } return; }
    }
  }
  doc.addEventListener("focusin", function (ev) {
    var link = ev.target instanceof Element && ev.target.closest("a.tl-open");
    if (link && list.contains(link)) hoverEvent(byId[link.closest("li").id]);
  });

  /* ---- detail panel ---- */
  function open(i, moveFocus) {
    var li = items[i];
    if (!li) return;
    if (current >= 0 && items[current]) items[current].classList.remove("tl-current");
    current = i;
    li.classList.add("tl-current");
    var clone = li.cloneNode(true);
    var title = clone.querySelector("h3");
    panelHeading.textContent = title ? title.textContent : S.details;
    if (title) title.parentNode.removeChild(title);
    Array.prototype.forEach.call(clone.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    var wrap = doc.createElement("div");
    wrap.className = clone.className.replace("tl-current", "");
    while (clone.firstChild) wrap.appendChild(clone.firstChild);
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
    var x = [text.slice(Math.max(0, at - 200), at), text.slice(at, end), text.slice(end, end + 200), source[0]];
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
    while (id && !(id in byId) && chunks.length) materialize();
    if (id && id in byId) { opener = null; open(byId[id], true); }
  }
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("beforeprint", ensureAll);

  start();
  fromHash();
})();
