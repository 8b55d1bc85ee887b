/* annotated-timeline page script, hover label part: the label naming the mark or group under the pointer (or
   the event focused in the list), placed beside, above or below it where it covers neither the mark nor any
   group badge, and inside the plot at every width. Text only through textContent. */
(function (T) {
  "use strict";
  var doc = T.doc, plot = T.plot, fig = T.data.figure, marks = fig.marks, S = T.S;
  var tip = doc.createElement("div");
  tip.className = "tl-tip";
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;

  /* A hover text is plain lines: the title (bold), then the date and sources. */
  function lines(hover) { return hover.split("\n"); }
  function fill(parts) {
    tip.replaceChildren.apply(tip, parts.map(function (text, k) {
      var line = doc.createElement(k ? "span" : "b");
      line.textContent = text;
      return line;
    }));
  }
  function frame() {
    var fl = plot._fullLayout, now = T.api.layout();
    return fl && now.view ? { l: fl._size.l, t: fl._size.t, y: fl.yaxis, view: now.view, placed: now.placed, per: fig.rows + 1 } : null;
  }
  function badges(f) {
    var r = Math.round(18 * f.view.scale) / 2 + 2;
    return f.placed.groups.map(function (g) {
      var x = f.l + g.x, y = f.t + f.y.l2p(g.lane * f.per + fig.rows);
      return [x - r, y - r, x + r, y + r];
    });
  }
  function meets(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
  /* Candidates beside the mark, then above and below it, one row further each time (centred on it, or ending or
     starting at it); the first that covers nothing wins, else the one that covers least. */
  function spots(box, w, h, H) {
    var gap = 6, cy = (box[1] + box[3]) / 2, xs = [(box[0] + box[2] - w) / 2, box[2] - w, box[0]];
    var out = [[box[2] + gap, cy - h / 2], [box[0] - gap - w, cy - h / 2]];
    for (var y = 0; y <= H + h; y += fig.rowPx) {
      xs.forEach(function (x) { out.push([x, box[1] - gap - h - y], [x, box[3] + gap + y]); });
    }
    return out;
  }
  function position(box, f) {
    tip.style.left = tip.style.top = "0";  /* measured where the plot's edge does not squeeze it, then kept that wide */
    tip.style.width = "";
    var w = Math.ceil(tip.getBoundingClientRect().width), h = tip.offsetHeight, W = plot.clientWidth, H = plot.clientHeight;
    tip.style.width = w + "px";
    var avoid = badges(f).concat([box]), best = null, all = spots(box, w, h, H);
    for (var k = 0; k < all.length && !(best && best.covered === 0); k++) {
      var x = Math.max(0, Math.min(W - w, all[k][0])), y = Math.max(-h, Math.min(H, all[k][1])), rect = [x, y, x + w, y + h];
      var covered = avoid.filter(function (b) { return meets(rect, b); }).length;
      if (!best || covered < best.covered) best = { x: x, y: y, covered: covered };
    }
    tip.style.left = best.x + "px";
    tip.style.top = best.y + "px";
  }
  function show(box, parts, f, what) {
    if (tip.parentNode !== plot) plot.appendChild(tip);
    tip.setAttribute("data-for", what);
    fill(parts);
    tip.hidden = false;
    position(box, f);
  }
  function eventBox(i, f) {
    var r = f.placed.row[i], half = fig.rowPx / 2;
    if (r === undefined || r < 0) return null;
    var y = f.t + f.y.l2p(f.view.lane[i] * f.per + r);
    return [f.l + f.view.left[i], y - half, f.l + f.view.right[i], y + half];
  }
  function showEvent(i) {
    var f = frame(), box = f && eventBox(i, f);
    if (box) show(box, lines(marks.hover[i]), f, String(i));
  }
  function showGroup(k) {
    var f = frame(), g = f && f.placed.groups[k];
    if (!g) return;
    var box = badges(f)[k];
    show(box, [T.fmt(S.group, { n: T.number(g.members.length) })], f, String(-1 - k));
  }
  T.tipFor = function (found) { if (found.group) showGroup(found.i); else showEvent(found.i); };
  T.hideTip = function () { tip.hidden = true; };
  /* A focused or opened event shows its label in the plot, so keyboard readers see where it sits. */
  T.hoverEvent = showEvent;
  doc.addEventListener("focusin", function (e) {
    var link = e.target instanceof Element && e.target.closest("a.tl-open");
    if (link && T.events.contains(link)) showEvent(T.byId[link.closest("li").id]);
  });
})(TimelineApp);
