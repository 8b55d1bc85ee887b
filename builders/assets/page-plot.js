/* annotated-timeline page script, plot part: the events as numbers, the view (which events are in range, where
   their marks fall, how wide their titles are), drawing it with plotly, and what a click on the plot opens. */
(function (T) {
  "use strict";
  var doc = T.doc, data = T.data, plot = T.plot;
  var fig = data.figure, marks = fig.marks, DAY = 86400000, total = data.facets.length;
  /* Marks drawn at most in one view (the most important first; the others are counted in group badges): a view
     stays readable, and a search or a zoom redraws them all (~20 ms for 360 in the page's own layer). */
  var MAX_MARKS = 360;
  T.DAY = DAY;
  /* On a touch screen a swipe on the plot scrolls the page; zooming is by the buttons or a two-finger pinch. */
  if (T.touch) fig.layout.dragmode = false;
  var config = { responsive: true, displayModeBar: false, displaylogo: false, doubleClick: "reset", showTips: false,
                 scrollZoom: false, doubleClickDelay: 300, locale: data.plotlyLocale ? data.plotlyLocale.name : "en" };
  var ev = { lo: new Float64Array(total), hi: new Float64Array(total), mid: new Float64Array(total),
             lane: new Int32Array(total), point: new Uint8Array(total), size: new Float32Array(total) };
  T.ev = ev;
  var rank = [];  /* event indices, most important first */
  (function () {
    for (var i = 0; i < total; i++) {
      var f = data.facets[i];
      ev.lane[i] = f[0];
      ev.point[i] = /^circle/.test(marks.symbol[i]) ? 1 : 0;
      ev.size[i] = 8 + Math.min(Math.max(f[3], 0), 5) * 1.3;  /* a mark's size in pixels follows its importance */
      ev.lo[i] = f[4] === null ? NaN : f[4] * DAY;
      ev.hi[i] = f[5] === null ? NaN : (f[5] + 1) * DAY;
      ev.mid[i] = ev.point[i] ? ev.lo[i] + DAY / 2 : (ev.lo[i] + ev.hi[i]) / 2;
      if (f[4] !== null) rank.push(i);
    }
    rank.sort(function (a, b) { return (data.facets[b][3] - data.facets[a][3]) || (a - b); });
  })();
  var canvas = doc.createElement("canvas").getContext("2d");
  var titleWidth = new Float32Array(total).fill(-1);
  var font = "";
  function measure(text, size, bold) {
    var wanted = (bold ? "bold " : "") + size + "px " + fig.layout.font.family;
    if (wanted !== font) canvas.font = font = wanted;  /* setting the font parses it, each time */
    return canvas.measureText(text.replace(/&(lt|gt|amp);/g, "x")).width;  /* era titles are plotly's escaped text */
  }
  function widthOf(i) {
    if (titleWidth[i] < 0) titleWidth[i] = Math.ceil(measure(marks.label[i], 11));
    return titleWidth[i];
  }
  var laneWidth = fig.lanes.map(function (label) { return Math.ceil(measure("■ " + label, 12, true)) + 10; });
  var last = { key: "", axes: "", placed: null, view: null };

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
      var c = (ev.mid[i] - range[0]) * k, half = ev.size[i] * scale / 2;
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
  /* Plotly draws the axes, eras and lane lines, again only when the range or the size changes (a search keeps
     them); the marks are the page's own layer (page-marks.js). */
  function render(range, force) {
    var view = viewFor(range);
    var key = view.order.join(",") + "|" + range.join(",") + "|" + view.width, axes = range.join(",") + "|" + view.width + "|" + fig.rowPx;
    if (!force && key === last.key) return Promise.resolve();
    var placed = TimelineLayout.place(view), same = last.axes === axes && plot.data;
    last = { key: key, axes: axes, placed: placed, view: view };
    T.api.drawn = placed.row.reduce(function (n, r) { return n + (r >= 0 ? 1 : 0); }, 0);
    T.api.groups = placed.groups.length;
    T.hideTip();
    var lay = same ? null : TimelineLayout.layout(fig, view, range, measure);
    var drawn = same ? Promise.resolve() : plot.data ? Plotly.react(plot, [], lay, config) : Plotly.newPlot(plot, [], lay, config);
    return drawn.then(function () { T.drawMarks(placed, view); });
  }
  T.axis = axis;
  T.currentRange = currentRange;
  T.render = render;
  T.config = config;
  T.laneWidth = laneWidth;
  T.api.layout = function () { return last; };

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
      plot.on("plotly_doubleclick", T.cancelClick);
      performance.mark("tl-plotted");
      T.api.ready = true;
      then();
    });
  };

})(TimelineApp);
