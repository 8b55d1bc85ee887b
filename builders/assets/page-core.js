/* annotated-timeline page script, shared part: the page's data, its elements, the state the other parts share
   and the small helpers they all use. The parts are inlined in a fixed order (builders/html.py, PAGE_SCRIPTS):
   page-layout.js, page-core.js, page-list.js, page-plot.js, page-marks.js, page-tip.js, page-zoom.js, page-panel.js,
   page.js. Data reaches
   the DOM only through textContent and DOM building; the one HTML parse is of the page's own escaped list
   chunks, in an inert document. */
var TimelineApp = (function () {
  "use strict";
  var doc = document;
  var data = JSON.parse(doc.getElementById("tl__data").textContent);
  function el(id) { return doc.getElementById(id); }
  var T = {
    doc: doc, data: data, S: data.strings,
    plot: el("tl__plot"), list: el("tl__list"), events: el("tl__events"), status: el("tl__status"), panel: el("tl__panel"),
    panelBody: el("tl__panel-body"), panelHeading: el("tl__panel-h"),
    search: el("tl__q"), selects: [el("tl__lane"), el("tl__tag"), el("tl__source")],
    items: [], byId: Object.create(null),
    mask: null,     /* Uint8Array: 1 for an event the search and filters keep; null when none is active */
    current: -1,    /* the event open in the panel */
    opener: null,   /* what had focus when the panel opened, for closing */
    still: { preventScroll: true },
    reduceMotion: !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches),
    touch: !!(window.matchMedia && window.matchMedia("(pointer: coarse)").matches),
    embedded: /(^|[?&])embed=1(&|$)/.test(location.search.slice(1)),
    api: { ready: false, filterMs: 0, zoomMs: 0 }
  };
  window.timelinePage = T.api;
  T.items = T.list ? Array.prototype.slice.call(T.list.children) : [];
  T.items.forEach(function (li, i) { T.byId[li.id] = i; });
  T.idle = window.requestIdleCallback ? window.requestIdleCallback.bind(window) : function (f) { return setTimeout(f, 1); };

  T.each = function (nodes, f) { Array.prototype.forEach.call(nodes, f); };
  T.fmt = function (template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? "" : String(values[k]); });
  };
  T.announce = function (message) { T.status.textContent = message; };
  T.fold = function (text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  /* Formatters made once, when first needed: toLocaleString makes a new one at every call (~1 ms each). */
  var numbers = null, days = null;
  T.number = function (n) { return (numbers = numbers || new Intl.NumberFormat(T.S.lang)).format(n); };
  T.longDate = function (ms) {
    days = days || new Intl.DateTimeFormat(T.S.lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    return days.format(new Date(ms));
  };
  return T;
})();
