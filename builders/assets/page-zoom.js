/* annotated-timeline page script, zoom part: the zoom buttons' steps, zooming to a range, the status line that
   names the range shown, and a two-finger pinch on a touch screen. */
(function (T) {
  "use strict";
  var data = T.data, S = T.S, DAY = T.DAY;
  function fullRange() { return [Date.parse(data.range[0]), Date.parse(data.range[1])]; }
  function zoom(kind) {
    var r = T.currentRange(), mid = (r[0] + r[1]) / 2, half = (r[1] - r[0]) / 2;
    if (kind === "reset") return zoomTo(fullRange());
    if (kind === "zoom_in") half /= 2;
    if (kind === "zoom_out") half *= 2;
    if (kind === "earlier") mid -= half;
    if (kind === "later") mid += half;
    half = Math.max(half, DAY / 2);
    return zoomTo([mid - half, mid + half]);
  }
  function zoomTo(range) {
    if (!T.axis()) return Promise.resolve();
    var t0 = performance.now();
    return T.render(range, true).then(function () { T.api.zoomMs = performance.now() - t0; announceRange(); });
  }
  function announceRange() {
    var r = T.currentRange(), message = T.fmt(S.zoomed, { a: T.longDate(r[0]), b: T.longDate(r[1]) });
    if (T.mask && !T.api.drawn && !T.api.groups) message += " — " + S.none_here;
    T.announce(message);
  }

  /* Two fingers on the plot zoom it about the point between them (spread: in, pinch: out); one finger still
     scrolls the page (the plot's touch-action leaves panning to the browser and keeps its page zoom out). The
     plot is redrawn at most once a frame while the fingers move. */
  function pinch(plot) {
    var start = null, latest = null, busy = false;
    function apart(touches) { return Math.max(24, Math.abs(touches[0].clientX - touches[1].clientX)); }
    function centre(touches) { return (touches[0].clientX + touches[1].clientX) / 2; }
    function rangeFor(gesture) {
      var from = gesture.from, size = plot._fullLayout._size, left = plot.getBoundingClientRect().left + size.l, r = from.range;
      var at = Math.min(1, Math.max(0, (from.x - left) / size.w)), now = Math.min(1, Math.max(0, (gesture.x - left) / size.w));
      var fixed = r[0] + at * (r[1] - r[0]), span = Math.max(DAY, (r[1] - r[0]) * from.spread / gesture.spread);
      return [fixed - now * span, fixed + (1 - now) * span];
    }
    function draw() {
      if (busy || !latest) return;
      var range = rangeFor(latest);
      latest = null;
      busy = true;
      /* Whatever becomes of this redraw (drawn, rejected or thrown), the next frame may draw the fingers' next place. */
      function next() { busy = false; draw(); }
      Promise.resolve().then(function () { return zoomTo(range); }).then(next, next);
    }
    plot.addEventListener("touchstart", function (e) {
      if (e.touches.length !== 2 || !T.axis()) { start = null; return; }
      start = { spread: apart(e.touches), x: centre(e.touches), range: T.currentRange() };
      T.hideTip();
    }, { passive: true });
    plot.addEventListener("touchmove", function (e) {
      if (!start || e.touches.length !== 2) return;
      e.preventDefault();
      latest = { spread: apart(e.touches), x: centre(e.touches), from: start };  // the frame may come after the fingers lift
      requestAnimationFrame(draw);
    }, { passive: false });
    function end(e) { if (e.touches.length < 2) start = null; }
    plot.addEventListener("touchend", end);
    plot.addEventListener("touchcancel", end);
  }
  if (T.touch && T.plot) pinch(T.plot);

  T.zoom = T.api.zoom = zoom;
  T.zoomTo = T.api.zoomTo = zoomTo;
  T.announceRange = announceRange;
})(TimelineApp);
