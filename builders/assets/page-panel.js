/* annotated-timeline page script, panel part: the detail panel, Previous/Next through the events shown, focus
   kept inside the panel and given back on closing, and the source view of a quote. */
(function (T) {
  "use strict";
  var doc = T.doc, data = T.data, S = T.S, panel = T.panel, panelBody = T.panelBody, panelHeading = T.panelHeading;
  var total = data.facets.length;
  var prevBtn = doc.getElementById("tl__prev"), nextBtn = doc.getElementById("tl__next");
  var explore = doc.querySelector(".tl-explore");
  function shown(i) { return i >= 0 && i < total && (!T.mask || T.mask[i] === 1); }
  function step(i, dir) {
    for (var j = i + dir; j >= 0 && j < total; j += dir) if (shown(j)) return j;
    return -1;
  }
  function open(i, moveFocus, push) {
    T.materializeTo(i);
    var li = T.items[i];
    if (!li) return;
    if (T.current >= 0 && T.items[T.current]) T.items[T.current].classList.remove("tl-current");
    T.current = i;
    li.classList.add("tl-current");
    fillPanel(li);
    panel.hidden = false;
    panelBody.scrollTop = 0;
    prevBtn.disabled = step(i, -1) < 0;
    nextBtn.disabled = step(i, 1) < 0;
    if (location.hash !== "#" + li.id) history[push ? "pushState" : "replaceState"](null, "", "#" + li.id);
    if (moveFocus) panelHeading.focus(T.still);
    keepInView(i);
    T.hoverEvent(i);
    T.announce(T.fmt(S.opened, { name: panelHeading.textContent }));
  }
  function fillPanel(li) {
    var clone = li.cloneNode(true);
    var title = clone.querySelector("h3");
    panelHeading.textContent = title ? title.textContent : S.details;
    if (title) title.parentNode.removeChild(title);
    T.each(clone.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    var wrap = doc.createElement("div");
    wrap.className = clone.className.replace("tl-current", "");
    while (clone.firstChild) wrap.appendChild(clone.firstChild);
    panelBody.replaceChildren(wrap);
  }
  /* The panel never hides the event it shows: the plot moves the event into the part left uncovered. */
  function keepInView(i) {
    var ev = T.ev, plot = T.plot;
    if (!T.axis() || isNaN(ev.lo[i])) return;
    var box = plot.getBoundingClientRect(), cover = panel.getBoundingClientRect();
    var size = plot._fullLayout._size, r = T.currentRange(), w = size.w, k = w / (r[1] - r[0]);
    var free = cover.left > box.left + size.l + 80 ? cover.left - box.left - size.l - 24 : w;
    var x = (ev.mid[i] - r[0]) * k;
    if (x >= 12 && x <= free) return;
    var target = Math.max(12, free / 2);
    T.zoomTo([ev.mid[i] - target / k, ev.mid[i] + (w - target) / k]);
  }
  /* Closing gives focus back to what opened the panel (the list entry), else to the plot's section. */
  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    var li = T.items[T.current];
    if (li) li.classList.remove("tl-current");
    if (location.hash) history.pushState(null, "", location.pathname + location.search);
    T.announce(S.closed);
    var back = T.opener && doc.contains(T.opener) && T.opener !== doc.body ? T.opener : explore;
    if (back) back.focus(T.still);
    T.current = -1;
  }
  /* Closed by the address (Back to no event): no focus move, no new history entry. */
  function forget() {
    if (panel.hidden) return;
    panel.hidden = true;
    if (T.items[T.current]) T.items[T.current].classList.remove("tl-current");
    T.current = -1;
  }
  function go(dir) {
    var j = T.current >= 0 ? step(T.current, dir) : -1;
    if (j >= 0) open(j, false, true);
  }
  T.open = T.api.open = open;
  T.close = close;
  T.forget = forget;
  T.go = go;

  /* Focus stays inside the open panel: Tab from its last control goes to its first, and back. */
  T.trapFocus = function (e) {
    var stops = Array.prototype.filter.call(panel.querySelectorAll("a[href], button, [tabindex='-1']#tl__panel-h"),
      function (el) { return !el.disabled && !el.hidden && el.getClientRects().length; });
    if (!stops.length) return;
    var first = stops[0], lastStop = stops[stops.length - 1];
    if (!panel.contains(doc.activeElement)) { e.preventDefault(); first.focus(T.still); return; }
    if (e.shiftKey && doc.activeElement === first) { e.preventDefault(); lastStop.focus(T.still); }
    else if (!e.shiftKey && doc.activeElement === lastStop) { e.preventDefault(); first.focus(T.still); }
  };

  T.showSource = function (button) {
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
    mark.scrollIntoView({ block: "nearest", behavior: T.reduceMotion ? "auto" : "smooth" });
  };
})(TimelineApp);
