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
  T.zoom = T.api.zoom = zoom;
  T.zoomTo = T.api.zoomTo = zoomTo;
  T.announceRange = announceRange;
})(TimelineApp);
