/* annotated-timeline page script, plot part: the events as numbers, the view (which events are in range, where
   their marks fall, how wide their titles are), drawing it with plotly, and what a click on the plot opens. */
(function (T) {
  "use strict";
  var doc = T.doc, data = T.data, plot = T.plot;
  var fig = data.figure, marks = fig.marks, DAY = 86400000, total = data.facets.length;
  /* Marks drawn at most in one view (the most important first; the others are counted in group badges): plotly
     styles each mark one by one, ~0.2 ms each on a loaded machine, and a search or a zoom redraws them all. */
  var MAX_MARKS = 360;
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
    var left = new Float64Array(total), right = new Float64Array(total), order = [];
    for (var n = 0; n < rank.length; n++) {
      var i = rank[n];
      if ((T.mask && !T.mask[i]) || ev.hi[i] < range[0] || ev.lo[i] > range[1]) continue;
      var c = (ev.mid[i] - range[0]) * k, half = marks.size[i] * scale / 2;
      left[i] = c - half; right[i] = c + half;
      if (!ev.point[i]) {
        left[i] = Math.min(left[i], (ev.lo[i] - range[0]) * k - (marks.open && marks.open[i] & 1 ? 8 : 0));
        right[i] = Math.max(right[i], (ev.hi[i] - range[0]) * k + (marks.open && marks.open[i] & 2 ? 8 : 0));
      }
      order.push(i);
    }
    return { order: order, lane: ev.lane, left: left, right: right, title: widthOf, lanes: fig.lanes.length, rows: fig.rows,
             width: w, scale: scale, limit: MAX_MARKS, reserved: laneWidth.map(function (lw, lane) { return [lane, 0, 0, lw]; }),
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
    var traces = TimelineLayout.traces(fig, ev, placed, view);
    var lay = TimelineLayout.layout(fig, view, range, measure);
    T.hideTip();
    var drawn = plot.data ? Plotly.react(plot, traces, lay, config) : Plotly.newPlot(plot, traces, lay, config);
    return drawn.then(function () { drawOver(placed, view); });
  }
  T.axis = axis;
  T.currentRange = currentRange;
  T.render = render;
  T.config = config;
  T.plain = plain;
  T.api.layout = function () { return last; };

  /* Titles and group counts are written in an SVG layer over the plot: plotly's own text costs ~0.5 ms a label. */
  var over = null, SVG = "http://www.w3.org/2000/svg";
  function text(x, y, content, cls) {
    var t = doc.createElementNS(SVG, "text");
    t.setAttribute("x", x.toFixed(1));
    t.setAttribute("y", y.toFixed(1));
    if (cls) t.setAttribute("class", cls);
    t.textContent = content;
    return t;
  }
  function plain(label) { return label.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"); }
  /* A lane's name at the left of its first row, on a light background, after a square of its colour. */
  function laneName(label, k, x, y) {
    var g = doc.createElementNS(SVG, "g"), box = doc.createElementNS(SVG, "rect");
    g.setAttribute("class", "tl-lane");
    [["x", x], ["y", y - 9], ["width", laneWidth[k] - 6], ["height", 18]].forEach(function (a) { box.setAttribute(a[0], a[1]); });
    var name = text(x + 2, y, "", ""), square = doc.createElementNS(SVG, "tspan"), words = doc.createElementNS(SVG, "tspan");
    square.setAttribute("fill", fig.colours[k % fig.colours.length]);
    square.textContent = "■ ";
    words.textContent = plain(label);
    name.append(square, words);
    g.append(box, name);
    return g;
  }
  function drawOver(placed, view) {
    var fl = plot._fullLayout;
    if (!fl) return;
    if (!over) {
      over = doc.createElementNS(SVG, "svg");
      over.setAttribute("class", "tl-over");
      over.setAttribute("aria-hidden", "true");
    }
    if (over.parentNode !== plot) plot.appendChild(over);
    over.setAttribute("width", plot.clientWidth);
    over.setAttribute("height", plot.clientHeight);
    var per = fig.rows + 1, l = fl._size.l, top = fl._size.t, y = fl.yaxis, frag = doc.createDocumentFragment();
    TimelineLayout.titles(placed, view).forEach(function (t) {
      var node = text(l + t.x, top + y.l2p(t.y), plain(marks.label[t.i]), t.side > 0 ? "tl-title" : "tl-title tl-end");
      node.setAttribute("data-i", t.i);
      frag.appendChild(node);
    });
    placed.groups.forEach(function (g) {
      frag.appendChild(text(l + g.x, top + y.l2p(g.lane * per + fig.rows), g.members.length > 99 ? "99+" : String(g.members.length), "tl-n"));
    });
    fig.lanes.forEach(function (label, k) { frag.appendChild(laneName(label, k, l, top + y.l2p(k * per))); });
    over.replaceChildren(frag);
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
      plot.on("plotly_hover", function (e) { if (e && e.points && e.points[0]) T.tipFor(e.points[0]); });
      plot.on("plotly_unhover", T.hideTip);
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
    if (!found) return;
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

})(TimelineApp);
