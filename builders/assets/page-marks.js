/* annotated-timeline page script, marks part: the page's own SVG layer over plotly's axes. It draws the placed
   periods, open ends, marks, titles, group badges and lane names (plotly styles each point one by one, ~0.2 ms a
   mark, and a search or a zoom redrew them all), and finds the mark or badge under the pointer for the hover
   label and for a click. Text reaches it only through textContent. */
(function (T) {
  "use strict";
  var doc = T.doc, plot = T.plot, fig = T.data.figure, marks = fig.marks, ev = T.ev, SVG = "http://www.w3.org/2000/svg";
  var over = null, area = null, per = fig.rows + 1;

  function node(name, attrs, cls) {
    var n = doc.createElementNS(SVG, name);
    for (var k in attrs) n.setAttribute(k, attrs[k]);
    if (cls) n.setAttribute("class", cls);
    return n;
  }
  function text(x, y, content, cls) {
    var t = node("text", { x: x.toFixed(1), y: y.toFixed(1) }, cls);
    t.textContent = content;
    return t;
  }
  function colourOf(lane) { return fig.colours[lane % fig.colours.length]; }
  function at(x, y) { return "translate(" + x.toFixed(1) + "," + y.toFixed(1) + ")"; }

  /* Symbols as plotly draws them, about (0, 0): r is half the mark's size. */
  function circle(r) { return "M" + r + ",0A" + r + "," + r + " 0 1,1 0,-" + r + "A" + r + "," + r + " 0 0,1 " + r + ",0Z"; }
  function diamond(r) { var d = +(r * 1.3).toFixed(2); return "M" + d + ",0L0," + d + "L-" + d + ",0L0,-" + d + "Z"; }
  function symbol(name, size) {
    var r = +(size / 2).toFixed(2), d = (/^circle/.test(name) ? circle : diamond)(r);
    return /-dot$/.test(name) ? d + "M0,0.5L0.5,0L0,-0.5L-0.5,0Z" : d;
  }
  function arrow(dir) {  /* an open end ('since 2015'): a triangle pointing away from the known part */
    return dir < 0 ? "M-5.2,0L2.25,-5.2V5.2Z" : "M5.2,0L-2.25,-5.2V5.2Z";
  }

  function markNode(i, x, y, scale) {
    var name = marks.symbol[i], filled = name === "circle" || name === "diamond", colour = colourOf(ev.lane[i]);
    var p = node("path", { d: symbol(name, ev.size[i] * scale), transform: at(x, y), fill: filled ? colour : "none",
                           stroke: filled ? "#fff" : colour, "stroke-width": filled ? 1 : 2, "data-i": i }, "tl-mark");
    if (marks.faint && marks.faint[i]) p.setAttribute("opacity", 0.5);
    return p;
  }
  /* A period's bar, half a row high; an approximate one ('~2015/2017') hatched. Clamped to just outside the view. */
  function barNodes(i, y, h, view) {
    var w = view.width, a = Math.max(-4, view.toPx(ev.lo[i])), b = Math.min(w + 4, view.toPx(ev.hi[i]));
    var box = { x: a.toFixed(1), y: (y - h / 2).toFixed(1), width: Math.max(0, b - a).toFixed(1), height: h.toFixed(1) };
    var colour = colourOf(ev.lane[i]), faint = marks.faint && marks.faint[i];
    var bar = node("rect", Object.assign({ fill: colour, "fill-opacity": faint ? 0.45 : 0.9, stroke: colour, "stroke-width": 1.5,
                                           "data-i": i }, box), "tl-bar");
    return /-open/.test(marks.symbol[i]) ? [bar, node("rect", Object.assign({ fill: "url(#tl__hatch)" }, box))] : [bar];
  }
  function endNodes(i, y, view) {
    var open = marks.open ? marks.open[i] : 0;
    return [[1, -1, ev.lo[i]], [2, 1, ev.hi[i]]].filter(function (end) { return open & end[0]; }).map(function (end) {
      return node("path", { d: arrow(end[1]), transform: at(view.toPx(end[2]), y), fill: colourOf(ev.lane[i]), "data-i": i,
                            "data-end": end[1] }, "tl-arrow");
    });
  }
  /* A lane's name at the left of its first row, on a light background, after a square of its colour. */
  function laneName(label, k, x, y, width) {
    var g = node("g", {}, "tl-lane"), name = text(x + 2, y, "", "");
    var square = node("tspan", { fill: colourOf(k) }), words = node("tspan", {});
    square.textContent = "■ ";
    words.textContent = label;
    name.append(square, words);
    g.append(node("rect", { x: x, y: y - 9, width: width - 6, height: 18 }), name);
    return g;
  }
  function layer() {
    if (!over) {
      over = node("svg", { "aria-hidden": "true" }, "tl-over");
      var hatch = node("pattern", { id: "tl__hatch", patternUnits: "userSpaceOnUse", width: 7, height: 7, patternTransform: "rotate(45)" });
      hatch.appendChild(node("rect", { width: 3, height: 7, fill: "#fff" }));
      over.appendChild(node("defs", {})).appendChild(hatch);
      area = over.appendChild(node("svg", {}));  /* the plot area: what lies outside the axis range is cut off */
    }
    if (over.parentNode !== plot) plot.appendChild(over);
    return over;
  }

  /* Draws a placement (TimelineLayout.place) for a view: periods, open ends, marks, then titles, badges, lane names. */
  T.drawMarks = function (placed, view) {
    var fl = plot._fullLayout;
    if (!fl) return;
    layer();
    hovered = "";
    var l = fl._size.l, top = fl._size.t, y = fl.yaxis, unit = Math.abs(y.l2p(1) - y.l2p(0));
    [["width", plot.clientWidth], ["height", plot.clientHeight]].forEach(function (a) { over.setAttribute(a[0], a[1]); });
    [["x", l], ["y", top], ["width", fl._size.w], ["height", fl._size.h]].forEach(function (a) { area.setAttribute(a[0], a[1]); });
    var under = doc.createDocumentFragment(), shapes = doc.createDocumentFragment(), front = doc.createDocumentFragment();
    view.order.forEach(function (i) {
      if (placed.row[i] < 0) return;
      var cy = y.l2p(ev.lane[i] * per + placed.row[i]);
      if (!ev.point[i]) barNodes(i, cy, unit / 2, view).concat(endNodes(i, cy, view)).forEach(function (n) { under.appendChild(n); });
      shapes.appendChild(markNode(i, view.toPx(ev.mid[i]), cy, view.scale));
    });
    TimelineLayout.titles(placed, view).forEach(function (t) {
      var title = text(l + t.x, top + y.l2p(t.y), marks.label[t.i], t.side > 0 ? "tl-title" : "tl-title tl-end");
      title.setAttribute("data-i", t.i);
      front.appendChild(title);
    });
    var side = Math.round(18 * view.scale);
    placed.groups.forEach(function (g, k) {
      var gx = l + g.x, gy = top + y.l2p(g.lane * per + fig.rows);
      front.appendChild(node("rect", { x: (gx - side / 2).toFixed(1), y: (gy - side / 2).toFixed(1), width: side, height: side,
                                       fill: "#fff", stroke: colourOf(g.lane), "stroke-width": 1.5, "data-k": k }, "tl-group"));
      front.appendChild(text(gx, gy, g.members.length > 99 ? "99+" : String(g.members.length), "tl-n"));
    });
    fig.lanes.forEach(function (label, k) { front.appendChild(laneName(label, k, l, top + y.l2p(k * per), T.laneWidth[k])); });
    area.replaceChildren(under, shapes);
    over.replaceChildren(over.firstChild, area, front);
  };

  /* The mark, period or badge nearest the pointer (within a few pixels), from the placement, not from the DOM. */
  function markAt(clientX, clientY) {
    var fl = plot._fullLayout, box = plot.getBoundingClientRect(), now = T.api.layout(), v = now.view, pl = now.placed;
    if (!fl || !v) return null;
    var px = clientX - box.left - fl._size.l, py = clientY - box.top - fl._size.t, best = null;
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

  /* The hover label follows the pointer at most once a frame. */
  var pointer = null, hovered = "";
  function hover() {
    var found = pointer && markAt(pointer[0], pointer[1]), key = found ? (found.group ? "g" : "e") + found.i : "";
    pointer = null;
    plot.classList.toggle("tl-on-mark", !!found);
    if (key === hovered) return;
    hovered = key;
    if (found) T.tipFor(found); else T.hideTip();
  }
  /* A click opens its event after the double-click delay, so a double-click (show all) opens nothing. Plotly
     turns a press and release without a drag into a click on its drag layer; the browser's own click follows it
     (dropped: the same press, untrusted then trusted at the same point; a few ms later, over 60 on a busy
     machine), and a tap's touchend gives one without a position. */
  var clickTimer = 0, lastClick = 0, last = null;
  function samePress(e, now) {
    return now - lastClick < 60 || (!!last && last.trusted !== e.isTrusted && last.x === e.clientX && last.y === e.clientY);
  }
  function clicked(e) {
    var now = performance.now(), second = now - lastClick < T.config.doubleClickDelay;
    if ((!e.isTrusted && !e.clientX && !e.clientY) || (second && samePress(e, now))) return;
    lastClick = now;
    last = { trusted: e.isTrusted, x: e.clientX, y: e.clientY };
    clearTimeout(clickTimer);
    var found = second ? null : markAt(e.clientX, e.clientY);
    if (!found) return;
    clickTimer = setTimeout(function () {
      if (found.group) openGroup(T.api.layout().placed.groups[found.i]);
      else { T.opener = null; T.open(found.i, true, true); }
    }, T.config.doubleClickDelay);
  }
  /* A group opens by zooming to its members; members on the same day open the first in the panel. */
  function openGroup(g) {
    if (!g) return;
    var lo = Infinity, hi = -Infinity;
    g.members.forEach(function (i) { lo = Math.min(lo, ev.lo[i]); hi = Math.max(hi, ev.hi[i]); });
    if (hi - lo <= 2 * T.DAY) { T.opener = null; T.open(Math.min.apply(null, g.members), true, true); return; }
    var pad = Math.max((hi - lo) * 0.1, T.DAY);
    T.zoomTo([lo - pad, hi + pad]);
  }
  T.markAt = markAt;
  T.cancelClick = function () { clearTimeout(clickTimer); };
  if (!plot) return;
  plot.addEventListener("mousemove", function (e) {
    if (!pointer) requestAnimationFrame(hover);
    pointer = [e.clientX, e.clientY];
  });
  plot.addEventListener("mouseleave", function () { pointer = null; hovered = ""; T.hideTip(); });
  plot.addEventListener("click", clicked);
})(TimelineApp);
