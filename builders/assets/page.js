/* annotated-timeline page script, last part: what the page shows once scripted (controls, the embed view), the
   clicks and keys that reach the other parts, deep links, and the start. */
(function (T) {
  "use strict";
  var doc = T.doc, panel = T.panel, still = T.still;
  doc.documentElement.className += " tl-js";
  /* ?embed=1: the compact view for an iframe (plot, search, panel; the list behind a button), sized to the frame. */
  var eventsSection = doc.getElementById("tl__events"), listToggle = doc.getElementById("tl__list-toggle");
  if (T.embedded) {
    doc.documentElement.className += " tl-embed";
    eventsSection.hidden = true;
    listToggle.hidden = false;
    listToggle.addEventListener("click", function () {
      eventsSection.hidden = !eventsSection.hidden;
      listToggle.setAttribute("aria-expanded", String(!eventsSection.hidden));
    });
  }
  ["tl__controls", "tl__zoom"].forEach(function (id) { var el = doc.getElementById(id); if (el) el.hidden = false; });
  T.each(doc.querySelectorAll(".tl-show"), function (b) { b.hidden = false; });

  doc.addEventListener("click", function (e) {
    var target = e.target;
    if (!(target instanceof Element)) return;
    var link = target.closest("a.tl-open");
    if (link && T.events.contains(link)) {
      e.preventDefault();
      T.opener = link;
      T.open(T.byId[link.closest("li").id], true, true);
      return;
    }
    var show = target.closest("button.tl-show");
    if (show) { T.showSource(show); return; }
    var z = target.closest("[data-zoom]");
    if (z) { T.zoom(z.getAttribute("data-zoom")); return; }
    if (target.closest("#tl__prev")) { T.go(-1); return; }
    if (target.closest("#tl__next")) { T.go(1); return; }
    if (target.closest("#tl__close")) T.close();
  });
  doc.addEventListener("keydown", function (e) {
    if (panel.hidden) return;
    if (e.key === "Escape") { e.preventDefault(); T.close(); return; }
    if (e.key === "Tab") { T.trapFocus(e); return; }
    var typing = e.target instanceof Element && e.target.closest("input, select, textarea");
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowLeft") { e.preventDefault(); T.go(-1); }
    if (e.key === "ArrowRight") { e.preventDefault(); T.go(1); }
  });

  /* The address names the open event; Back and Forward move between the events opened. */
  function safeHash() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (err) { return location.hash.slice(1); }
  }
  function fromHash() {
    var id = safeHash();
    T.materializeId(id);
    if (id && id in T.byId) { if (T.byId[id] !== T.current) T.open(T.byId[id], true, false); }
    else if (!id) T.forget();
  }
  window.addEventListener("popstate", fromHash);
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("beforeprint", T.ensureAll);

  /* After the plot, the rest of a long list and the search index are built while the page is idle. */
  T.startPlot(function () {
    T.idle(function () {
      T.api.idleMs = performance.now();
      T.number(0); T.longDate(0);  /* the formatters, made now rather than at the first search or zoom (~20 ms) */
      T.idle(T.listBackground, { timeout: 1000 });
    }, { timeout: 3000 });
  });
  if (location.hash.length > 1) {
    /* A deep link opens its event with focus in the panel; the page stays at the top instead of jumping to the
       list entry: the entry lends its id to the browser's own scroll only after the page has loaded. */
    var li = T.items[T.byId[safeHash()]];
    fromHash();
    if (li && !panel.hidden) {
      var id = li.id;
      li.removeAttribute("id");
      window.addEventListener("load", function () {
        requestAnimationFrame(function () {
          li.id = id;
          if (!panel.contains(doc.activeElement)) T.panelHeading.focus(still);
        });
      });
    }
  }
})(TimelineApp);
