/* annotated-timeline page script, plot part: the events as numbers, the view (which events are in range, where
   their marks fall, how wide their titles are), drawing it with plotly, and what a click on the plot opens. */
(function (T) {
  "use strict";
  var doc = T.doc, data = T.data, S = T.S, plot = T.plot;
  var fig = data.figure, marks = fig.marks, DAY = 86400000, total = data.facets.length;
  T.DAY = DAY;
  /* On a touch screen a swipe on the plot scrolls the page; zooming is by the buttons or a two-finger pinch. */
  if (T.touch) fig.layout.dragmode = false;
  var config = { responsive: true, displayModeBar: false, displaylogo: false, doubleClick: "reset", showTips: false,
                 scrollZoom: false, doubleClickDelay: 300, locale: data.plotlyLocale ? data.plotlyLocale.name : "en" };
  var ev = { lo: new Float64Array(total), hi: new Float64Array(total), mid: new Float64Array(total),
             lane: new Int32Array(total), point: new Uint8Array(total) };
  T.ev = ev;
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
    if (!T.embedded) return;
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
      if ((T.mask && !T.mask[i]) || ev.hi[i] < range[0] || ev.lo[i] > range[1]) continue;
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
  function axis() { return plot._fullLayout && plot._fullLayout.xaxis; }
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
    T.api.drawn = placed.row.reduce(function (n, r) { return n + (r >= 0 ? 1 : 0); }, 0);
    T.api.groups = placed.groups.length;
    var traces = TimelineLayout.traces(fig, ev, placed, view, S);
    var lay = TimelineLayout.layout(fig, view, range, measure);
    var drawn = plot.data ? Plotly.react(plot, traces, lay, config) : Plotly.newPlot(plot, traces, lay, config);
    return drawn.then(function () { drawCounts(placed.groups); });
  }
  T.axis = axis;
  T.currentRange = currentRange;
  T.render = render;
  T.config = config;
  T.api.layout = function () { return last; };

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

  T.startPlot = function (then) {
    if (typeof Plotly === "undefined" || !plot) { T.api.ready = true; return; }
    if (data.plotlyLocale) {
      Plotly.register({ moduleType: "locale", name: data.plotlyLocale.name, dictionary: {},
                        format: { months: data.plotlyLocale.months, shortMonths: data.plotlyLocale.shortMonths } });
    }
    fitRows();
    render([Date.parse(data.range[0]), Date.parse(data.range[1])], true).then(function () {
      T.api.afterplotMs = performance.now();
      plot.on("plotly_relayout", function (e) {
        if (!e || !("xaxis.range[0]" in e || "xaxis.autorange" in e || "xaxis.range" in e)) return;
        if ("xaxis.autorange" in e) { T.zoom("reset"); return; }
        render(currentRange(), false).then(function () { T.announceRange(); });
      });
      plot.on("plotly_click", clicked);
      plot.on("plotly_doubleclick", function () { clearTimeout(clickTimer); });
      performance.mark("tl-plotted");
      T.api.ready = true;
      then();
    });
  };
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
      else { T.opener = null; T.open(found.i, true, true); }
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
    if (hi - lo <= 2 * DAY) { T.opener = null; T.open(Math.min.apply(null, g.members), true, true); return; }
    var pad = Math.max((hi - lo) * 0.1, DAY);
    T.zoomTo([lo - pad, hi + pad]);
  }

  /* A focused or opened event shows its hover label in the plot, so keyboard readers see where it sits. */
  T.hoverEvent = function (i) {
    if (!plot.data || !Plotly.Fx) return;
    for (var t = 0; t < plot.data.length; t++) {
      var trace = plot.data[t];
      if (trace.name !== "events") continue;
      var j = trace.customdata.indexOf(i);
      if (j >= 0) { try { Plotly.Fx.hover(plot, [{ curveNumber: t, pointNumber: j }]); } catch (e) { /* point outside the view */ } return; }
    }
  };
  doc.addEventListener("focusin", function (e) {
    var link = e.target instanceof Element && e.target.closest("a.tl-open");
    if (link && T.list.contains(link)) T.hoverEvent(T.byId[link.closest("li").id]);
  });
})(TimelineApp);
