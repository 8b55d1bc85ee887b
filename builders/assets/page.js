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
  var still = { preventScroll: true };
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
  /* ?embed=1: the compact view for an iframe (plot, search, panel; the list behind a button), sized to the frame. */
  var embedded = /(^|[?&])embed=1(&|$)/.test(location.search.slice(1));
  var eventsSection = doc.getElementById("tl__events"), listToggle = doc.getElementById("tl__list-toggle");
  if (embedded) {
    doc.documentElement.className += " tl-embed";
    eventsSection.hidden = true;
    listToggle.hidden = false;
    listToggle.addEventListener("click", function () {
      eventsSection.hidden = !eventsSection.hidden;
      listToggle.setAttribute("aria-expanded", String(!eventsSection.hidden));
    });
  }
  ["tl__controls", "tl__zoom"].forEach(function (id) { var el = doc.getElementById(id); if (el) el.hidden = false; });
  Array.prototype.forEach.call(doc.querySelectorAll(".tl-show"), function (b) { b.hidden = false; });

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? "" : String(values[k]); });
  }
  function announce(message) { status.textContent = message; }
  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  /* ---- plot ---- */
  var fig = data.figure, marks = fig.marks, DAY = 86400000;
  var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
  /* On a touch screen a swipe on the plot scrolls the page; zooming is by the buttons. */
  if (touch) fig.layout.dragmode = false;
  var config = { responsive: true, displayModeBar: false, displaylogo: false, doubleClick: "reset", showTips: false,
                 scrollZoom: false, doubleClickDelay: 300, locale: data.plotlyLocale ? data.plotlyLocale.name : "en" };
  var total = data.facets.length;
  var ev = { lo: new Float64Array(total), hi: new Float64Array(total), mid: new Float64Array(total),
             lane: new Int32Array(total), point: new Uint8Array(total) };
  var rank = [];  /* event indices, most important first */
  (function () {
    for (var i = 0; i < total; i++) {
      var f = data.facets[i];
      ev.lane[i] = f[0];
      ev.point[i] = /^circle/.test(marks.symbol[i]) ? 1 : 0;
      ev.lo[i] = f[4] === null ? NaN : f[4] * DAY;
      ev.hi[i] = f[5] === null ? NaN : (f[5] + 1) * DAY;
      ev.mid[i] = ev.point[i] ? ev.lo[i] + DAY / 2 : (ev.lo[i] + ev.hi[i]) / 2;
      if (f[4] !== null) rank.push(i);
    }
    rank.sort(function (a, b) { return (data.facets[b][3] - data.facets[a][3]) || (a - b); });
  })();
  var canvas = doc.createElement("canvas").getContext("2d");
  var titleWidth = new Float32Array(total).fill(-1);
  function measure(text, size, bold) {
    canvas.font = (bold ? "bold " : "") + size + "px " + fig.layout.font.family;
    return canvas.measureText(text.replace(/&(lt|gt|amp);/g, "x")).width;
  }
  function widthOf(i) {
    if (titleWidth[i] < 0) titleWidth[i] = Math.ceil(measure(marks.label[i], 11));
    return titleWidth[i];
  }
  var laneWidth = fig.lanes.map(function (label) { return Math.ceil(measure("■ " + label, 12, true)) + 10; });
  var last = { key: "", placed: null, view: null };

  /* In a frame the rows shrink (to 15 px at least) so the whole plot fits the frame's height. */
  function fitRows() {
    if (!embedded) return;
    var lay = fig.layout, rows = fig.lanes.length * (fig.rows + 1);
    var room = window.innerHeight - plot.getBoundingClientRect().top - lay.margin.t - lay.margin.b - 24 - 8;
    fig.rowPx = Math.max(15, Math.min(20, Math.floor(room / rows)));
  }
  function plotWidth() { return Math.max(40, plot.clientWidth - fig.layout.margin.l - fig.layout.margin.r); }
  function viewFor(range) {
    var w = plotWidth(), k = w / (range[1] - range[0]), scale = Math.min(1, (fig.rowPx - 3) / 17);
    var left = new Float64Array(total), right = new Float64Array(total), title = new Float32Array(total), order = [];
    for (var n = 0; n < rank.length; n++) {
      var i = rank[n];
      if ((mask && !mask[i]) || ev.hi[i] < range[0] || ev.lo[i] > range[1]) continue;
      var c = (ev.mid[i] - range[0]) * k, half = marks.size[i] * scale / 2;
      left[i] = c - half; right[i] = c + half;
      if (!ev.point[i]) {
        left[i] = Math.min(left[i], (ev.lo[i] - range[0]) * k - (marks.open && marks.open[i] & 1 ? 8 : 0));
        right[i] = Math.max(right[i], (ev.hi[i] - range[0]) * k + (marks.open && marks.open[i] & 2 ? 8 : 0));
      }
      title[i] = widthOf(i);
      order.push(i);
    }
    return { order: order, lane: ev.lane, left: left, right: right, title: title, lanes: fig.lanes.length, rows: fig.rows,
             width: w, scale: scale, reserved: laneWidth.map(function (lw, lane) { return [lane, 0, 0, lw]; }),
             toMs: function (px) { return range[0] + px / k; }, toPx: function (ms) { return (ms - range[0]) * k; } };
  }
  function currentRange() {
    var ax = axis();
    return ax ? [ax.r2l(ax.range[0]), ax.r2l(ax.range[1])] : [Date.parse(data.range[0]), Date.parse(data.range[1])];
  }
  function render(range, force) {
    var view = viewFor(range);
    var key = view.order.join(",") + "|" + range.join(",") + "|" + view.width;
    if (!force && key === last.key) return Promise.resolve();
    var placed = TimelineLayout.place(view);
    last = { key: key, placed: placed, view: view };
    api.drawn = placed.row.reduce(function (n, r) { return n + (r >= 0 ? 1 : 0); }, 0);
    api.groups = placed.groups.length;
    var traces = TimelineLayout.traces(fig, ev, placed, view, S);
    var lay = TimelineLayout.layout(fig, view, range, measure);
    var drawn = plot.data ? Plotly.react(plot, traces, lay, config) : Plotly.newPlot(plot, traces, lay, config);
    return drawn.then(function () { drawCounts(placed.groups); });
  }
  /* Group counts are written in an SVG layer over the plot: plotly's own text costs ~0.5 ms a label. */
  var counts = null, SVG = "http://www.w3.org/2000/svg";
  function drawCounts(groups) {
    var fl = plot._fullLayout;
    if (!fl) return;
    if (!counts) {
      counts = doc.createElementNS(SVG, "svg");
      counts.setAttribute("class", "tl-counts");
      counts.setAttribute("aria-hidden", "true");
    }
    if (counts.parentNode !== plot) plot.appendChild(counts);
    counts.setAttribute("width", plot.clientWidth);
    counts.setAttribute("height", plot.clientHeight);
    var per = fig.rows + 1, frag = doc.createDocumentFragment();
    groups.forEach(function (g) {
      var t = doc.createElementNS(SVG, "text");
      t.setAttribute("x", (fl._size.l + g.x).toFixed(1));
      t.setAttribute("y", (fl._size.t + fl.yaxis.l2p(g.lane * per + fig.rows)).toFixed(1));
      t.textContent = g.members.length > 99 ? "99+" : String(g.members.length);
      frag.appendChild(t);
    });
    counts.replaceChildren(frag);
  }
  window.addEventListener("resize", function () { if (axis()) render(currentRange(), false); });

  function start() {
    if (typeof Plotly === "undefined" || !plot) { api.ready = true; return; }
    if (data.plotlyLocale) {
      Plotly.register({ moduleType: "locale", name: data.plotlyLocale.name, dictionary: {},
                        format: { months: data.plotlyLocale.months, shortMonths: data.plotlyLocale.shortMonths } });
    }
    fitRows();
    render([Date.parse(data.range[0]), Date.parse(data.range[1])], true).then(function () {
      api.afterplotMs = performance.now();
      idle(function () { api.idleMs = performance.now(); idle(background, { timeout: 1000 }); }, { timeout: 3000 });
      plot.on("plotly_relayout", function (e) {
        if (!e || !("xaxis.range[0]" in e || "xaxis.autorange" in e || "xaxis.range" in e)) return;
        if ("xaxis.autorange" in e) { zoom("reset"); return; }
        render(currentRange(), false).then(function () { announceRange(); });
      });
      plot.on("plotly_click", clicked);
      plot.on("plotly_doubleclick", function () { clearTimeout(clickTimer); });
      performance.mark("tl-plotted");
      api.ready = true;
    });
  }
  /* A click opens its event after the double-click delay, so a double-click (show all) opens nothing. The
     event is found from where the pointer is, not from plotly's last hover, which can lag behind a quick click. */
  var clickTimer = 0, lastClick = 0;
  function clicked(e) {
    var now = performance.now(), second = now - lastClick < config.doubleClickDelay;
    lastClick = now;
    clearTimeout(clickTimer);
    if (second) return;
    var found = e && e.event ? hit(e.event.clientX, e.event.clientY) : null;
    var p = e && e.points && e.points[0];
    if (!found && p) found = { group: p.data.name === "groups", i: p.customdata };
    if (!found || (!found.group && p && p.data.name === "titles")) return;
    clickTimer = setTimeout(function () {
      if (found.group) openGroup(last.placed.groups[found.i]);
      else { opener = null; open(found.i, true, true); }
    }, config.doubleClickDelay);
  }
  function hit(clientX, clientY) {
    var fl = plot._fullLayout, box = plot.getBoundingClientRect(), v = last.view, pl = last.placed;
    if (!fl || !v) return null;
    var px = clientX - box.left - fl._size.l, py = clientY - box.top - fl._size.t, per = fig.rows + 1, best = null;
    function consider(x0, x1, y, slack, found) {
      var dy = Math.abs(fl.yaxis.l2p(y) - py), dx = px < x0 ? x0 - px : px > x1 ? px - x1 : 0, d = Math.max(dx, dy);
      if (d <= slack && (!best || d < best.d)) best = { d: d, i: found.i, group: found.group };
    }
    v.order.forEach(function (i) {
      if (pl.row[i] >= 0) consider(v.left[i], v.right[i], ev.lane[i] * per + pl.row[i], 6, { i: i, group: false });
    });
    pl.groups.forEach(function (g, k) { consider(g.x - 9, g.x + 9, g.lane * per + fig.rows, 4, { i: k, group: true }); });
    return best;
  }
  /* A group opens by zooming to its members; members on the same day open the first in the panel. */
  function openGroup(g) {
    if (!g) return;
    var lo = Infinity, hi = -Infinity;
    g.members.forEach(function (i) { lo = Math.min(lo, ev.lo[i]); hi = Math.max(hi, ev.hi[i]); });
    if (hi - lo <= 2 * DAY) { opener = null; open(Math.min.apply(null, g.members), true, true); return; }
    var pad = Math.max((hi - lo) * 0.1, DAY);
    zoomTo([lo - pad, hi + pad]);
  }

  /* ---- zoom and pan ---- */
  function axis() { return plot._fullLayout && plot._fullLayout.xaxis; }
  function zoom(kind) {
    var r = currentRange(), mid = (r[0] + r[1]) / 2, half = (r[1] - r[0]) / 2;
    if (kind === "reset") return zoomTo([Date.parse(data.range[0]), Date.parse(data.range[1])]);
    if (kind === "zoom_in") half /= 2;
    if (kind === "zoom_out") half *= 2;
    if (kind === "earlier") mid -= half;
    if (kind === "later") mid += half;
    half = Math.max(half, DAY / 2);
    return zoomTo([mid - half, mid + half]);
  }
  function zoomTo(range) {
    if (!axis()) return Promise.resolve();
    var t0 = performance.now();
    return render(range, true).then(function () { api.zoomMs = performance.now() - t0; announceRange(); });
  }
  function announceRange() {
    var r = currentRange(), message = fmt(S.zoomed, { a: longDate(r[0]), b: longDate(r[1]) });
    if (mask && !api.drawn && !api.groups) message += " — " + S.none_here;
    announce(message);
  }
  function longDate(ms) {
    return new Date(ms).toLocaleDateString(S.lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  /* ---- search and filters ---- */
  var countEl = doc.querySelector("#tl__events-h .tl-count");
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
       The plot is redrawn only when what it draws changes. */
    return render(currentRange(), false).then(function () {
      for (var k = 0; k < items.length; k++) {
        var show = !mask || mask[k] === 1;
        if (items[k].hidden === show) items[k].hidden = !show;
      }
      if (countEl) countEl.textContent = "(" + (active ? fmt(S.count_of, { n: count.toLocaleString(S.lang), total: total.toLocaleString(S.lang) }) : total.toLocaleString(S.lang)) + ")";
      api.filterMs = performance.now() - t0;
      var message = count === 0 ? S.no_match : count === 1 ? S.match_one : fmt(S.match, { n: count.toLocaleString(S.lang) });
      if (count && !api.drawn && !api.groups && axis()) message += " — " + S.none_here;
      announce(message);
      return count;
    });
  }
  var timer = 0;
  function filterSoon() { clearTimeout(timer); timer = setTimeout(filter, 120); }
  api.filter = filter;
  api.ensureAll = ensureAll;
  api.zoom = zoom;
  api.zoomTo = zoomTo;
  api.layout = function () { return last; };

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
  doc.addEventListener("focusin", function (e) {
    var link = e.target instanceof Element && e.target.closest("a.tl-open");
    if (link && list.contains(link)) hoverEvent(byId[link.closest("li").id]);
  });

  /* ---- detail panel and story navigation ---- */
  var prevBtn = doc.getElementById("tl__prev"), nextBtn = doc.getElementById("tl__next");
  var explore = doc.querySelector(".tl-explore");
  function shown(i) { return i >= 0 && i < total && (!mask || mask[i] === 1); }
  function step(i, dir) {
    for (var j = i + dir; j >= 0 && j < total; j += dir) if (shown(j)) return j;
    return -1;
  }
  function open(i, moveFocus, push) {
    while (i >= items.length && chunks.length) materialize();
    var li = items[i];
    if (!li) return;
    if (current >= 0 && items[current]) items[current].classList.remove("tl-current");
    current = i;
    li.classList.add("tl-current");
    fillPanel(li);
    panel.hidden = false;
    panelBody.scrollTop = 0;
    prevBtn.disabled = step(i, -1) < 0;
    nextBtn.disabled = step(i, 1) < 0;
    if (location.hash !== "#" + li.id) history[push ? "pushState" : "replaceState"](null, "", "#" + li.id);
    if (moveFocus) panelHeading.focus(still);
    keepInView(i);
    hoverEvent(i);
    announce(fmt(S.opened, { name: panelHeading.textContent }));
  }
  function fillPanel(li) {
    var clone = li.cloneNode(true);
    var title = clone.querySelector("h3");
    panelHeading.textContent = title ? title.textContent : S.details;
    if (title) title.parentNode.removeChild(title);
    Array.prototype.forEach.call(clone.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    var wrap = doc.createElement("div");
    wrap.className = clone.className.replace("tl-current", "");
    while (clone.firstChild) wrap.appendChild(clone.firstChild);
    panelBody.replaceChildren(wrap);
  }
  /* The panel never hides the event it shows: the plot moves the event into the part left uncovered. */
  function keepInView(i) {
    if (!axis() || isNaN(ev.lo[i])) return;
    var box = plot.getBoundingClientRect(), cover = panel.getBoundingClientRect();
    var size = plot._fullLayout._size, r = currentRange(), w = size.w, k = w / (r[1] - r[0]);
    var free = cover.left > box.left + size.l + 80 ? cover.left - box.left - size.l - 24 : w;
    var x = (ev.mid[i] - r[0]) * k;
    if (x >= 12 && x <= free) return;
    var target = Math.max(12, free / 2);
    zoomTo([ev.mid[i] - target / k, ev.mid[i] + (w - target) / k]);
  }
  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    var li = items[current];
    if (li) li.classList.remove("tl-current");
    if (location.hash) history.pushState(null, "", location.pathname + location.search);
    announce(S.closed);
    var back = opener && doc.contains(opener) && opener !== doc.body ? opener : explore;
    if (back) back.focus(still);
    current = -1;
  }
  function go(dir) {
    var j = current >= 0 ? step(current, dir) : -1;
    if (j >= 0) open(j, false, true);
  }
  api.open = open;

  /* Focus stays inside the open panel: Tab from its last control goes to its first, and back. */
  function trapFocus(e) {
    var stops = Array.prototype.filter.call(panel.querySelectorAll("a[href], button, [tabindex='-1']#tl__panel-h"),
      function (el) { return !el.disabled && !el.hidden && el.getClientRects().length; });
    if (!stops.length) return;
    var first = stops[0], lastStop = stops[stops.length - 1];
    if (!panel.contains(doc.activeElement)) { e.preventDefault(); first.focus(still); return; }
    if (e.shiftKey && doc.activeElement === first) { e.preventDefault(); lastStop.focus(still); }
    else if (!e.shiftKey && doc.activeElement === lastStop) { e.preventDefault(); first.focus(still); }
  }

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
  doc.addEventListener("click", function (e) {
    var target = e.target;
    if (!(target instanceof Element)) return;
    var link = target.closest("a.tl-open");
    if (link && list.contains(link)) {
      e.preventDefault();
      opener = link;
      open(byId[link.closest("li").id], true, true);
      return;
    }
    var show = target.closest("button.tl-show");
    if (show) { showSource(show); return; }
    var z = target.closest("[data-zoom]");
    if (z) { zoom(z.getAttribute("data-zoom")); return; }
    if (target.closest("#tl__prev")) { go(-1); return; }
    if (target.closest("#tl__next")) { go(1); return; }
    if (target.closest("#tl__close")) close();
  });
  doc.addEventListener("keydown", function (e) {
    if (panel.hidden) return;
    if (e.key === "Escape") { e.preventDefault(); close(); return; }
    if (e.key === "Tab") { trapFocus(e); return; }
    var typing = e.target instanceof Element && e.target.closest("input, select, textarea");
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowLeft") { e.preventDefault(); go(-1); }
    if (e.key === "ArrowRight") { e.preventDefault(); go(1); }
  });
  if (search) search.addEventListener("input", filterSoon);
  [selLane, selTag, selSource].forEach(function (s) { if (s) s.addEventListener("change", filter); });
  var form = doc.getElementById("tl__controls");
  if (form) form.addEventListener("submit", function (e) { e.preventDefault(); filter(); });
  var clear = doc.getElementById("tl__clear");
  if (clear) clear.addEventListener("click", function () {
    search.value = "";
    [selLane, selTag, selSource].forEach(function (s) { if (s) s.value = ""; });
    filter();
  });
  /* The address names the open event; Back and Forward move between the events opened. */
  function safeHash() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (err) { return location.hash.slice(1); }
  }
  function fromHash() {
    var id = safeHash();
    while (id && !(id in byId) && chunks.length) materialize();
    if (id && id in byId) { if (byId[id] !== current) open(byId[id], true, false); }
    else if (!id && !panel.hidden) { panel.hidden = true; if (items[current]) items[current].classList.remove("tl-current"); current = -1; }
  }
  window.addEventListener("popstate", fromHash);
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("beforeprint", ensureAll);

  start();
  if (location.hash.length > 1) {
    /* A deep link opens its event with focus in the panel; the page stays at the top instead of jumping to the
       list entry: the entry lends its id to the browser's own scroll only after the page has loaded. */
    var li = items[byId[safeHash()]];
    fromHash();
    if (li && !panel.hidden) {
      var id = li.id;
      li.removeAttribute("id");
      window.addEventListener("load", function () {
        requestAnimationFrame(function () {
          li.id = id;
          if (!panel.contains(doc.activeElement)) panelHeading.focus(still);
        });
      });
    }
  }
})();
