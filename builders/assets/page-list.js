/* annotated-timeline page script, list part: the event list under the plot (a long one arrives in chunks after
   the plot), the search index, and search and filters. */
(function (T) {
  "use strict";
  var doc = T.doc, data = T.data, S = T.S, items = T.items, total = data.facets.length;
  var haystack = [];  /* folded text of items[i], filled at idle time (with each chunk of a long list) */
  var chunks = Array.prototype.slice.call(doc.querySelectorAll("noscript.tl-chunk"));
  var AT_ONCE = 400;  /* a list this long follows a search at once; a longer one at idle time, a slice at a time */
  var SLICE = 1000;

  /* A long list arrives in <noscript> chunks: the page's own escaped markup, parsed here in an inert
     document (no script runs, no resource loads); each chunk's list takes the chunk's place, in order. Each stays
     its own list, skipped by the browser while off screen (content-visibility): one list of 10,000 entries would
     be laid out whole at every chunk, and one skipped box per entry is rechecked at every redraw of the plot. */
  function materialize() {
    var chunk = chunks.shift();
    if (!chunk) return;
    var parsed = new DOMParser().parseFromString(chunk.textContent, "text/html");
    var list = doc.adoptNode(parsed.querySelector("ol"));
    T.each(list.children, function (li) {
      var i = items.length;
      T.byId[li.id] = i;
      items.push(li);
      if (T.mask && !T.mask[i]) li.hidden = true;
      T.each(li.querySelectorAll(".tl-show"), function (b) { b.hidden = false; });
    });
    chunk.parentNode.replaceChild(list, chunk);
    indexUpTo(items.length);
    if (!chunks.length) T.api.listCompleteMs = performance.now();
  }
  function ensureAll() { while (chunks.length) materialize(); }
  /* Brings the list up to the event i (a deep link, a click on the plot), or to a list id. */
  T.materializeTo = function (i) { while (i >= items.length && chunks.length) materialize(); };
  T.materializeId = function (id) { while (id && !(id in T.byId) && chunks.length) materialize(); };
  T.ensureAll = ensureAll;
  T.listBackground = function background() {
    if (chunks.length) { materialize(); T.idle(background, { timeout: 1000 }); } else T.idle(indexSoon, { timeout: 2000 });
  };
  if (!chunks.length) T.api.listCompleteMs = 0;

  /* The search index is built while the page is idle, a slice at a time, so the first search does not pay for it. */
  function indexUpTo(n) { for (var i = haystack.length; i < n; i++) haystack.push(T.fold(items[i].textContent)); }
  function indexSoon(deadline) {
    var n = items.length;
    while (haystack.length < n && (!deadline || deadline.timeRemaining() > 2)) indexUpTo(Math.min(n, haystack.length + 250));
    if (haystack.length < n) T.idle(indexSoon, { timeout: 2000 });
  }

  function matches(i, words, lane, tag, source) {
    var f = data.facets[i];
    if (lane !== "" && f[0] !== +lane) return false;
    if (tag !== "" && f[1].indexOf(+tag) < 0) return false;
    if (source !== "" && f[2].indexOf(+source) < 0) return false;
    for (var w = 0; w < words.length; w++) if (haystack[i].indexOf(words[w]) < 0) return false;
    return true;
  }
  /* The mask of what the search and filters keep, and how many that is. */
  function select() {
    var q = T.fold(T.search.value.trim()), words = q ? q.split(/\s+/) : [];
    var v = T.selects.map(function (s) { return s ? s.value : ""; });
    var active = words.length || v[0] || v[1] || v[2], count = 0;
    if (words.length) { ensureAll(); indexUpTo(items.length); }
    T.mask = active ? new Uint8Array(total) : null;
    for (var i = 0; i < total; i++) {
      var ok = !active || matches(i, words, v[0], v[1], v[2]);
      if (T.mask) T.mask[i] = ok ? 1 : 0;
      if (ok) count++;
    }
    return { count: count, active: active };
  }
  function filter() {
    var t0 = performance.now(), found = select(), count = found.count;
    /* Plot first, list after: plotly measures the page, which would otherwise lay out the changed list too.
       The plot is redrawn only when what it draws changes. */
    return T.render(T.currentRange(), false).then(function () {
      syncList("(" + (found.active ? T.fmt(S.count_of, { n: T.number(count), total: T.number(total) }) : T.number(total)) + ")");
      T.api.filterMs = performance.now() - t0;
      var message = count === 0 ? S.no_match : count === 1 ? S.match_one : T.fmt(S.match, { n: T.number(count) });
      if (count && !T.api.drawn && !T.api.groups && T.axis()) message += " — " + S.none_here;
      T.announce(message);
      return count;
    });
  }
  /* The list follows the mask: a short one at once, a long one after the plot has been redrawn, a slice at a time
     while the page is idle (showing or hiding 10,000 entries at once costs the browser half a second of style and
     layout, which would hold up the plot and the next key press). */
  var pass = 0;
  function showItems(from, to) {
    for (var k = from; k < to; k++) {
      var show = !T.mask || T.mask[k] === 1;
      if (items[k].hidden === show) items[k].hidden = !show;
    }
  }
  function syncList(count) {
    var mine = ++pass, k = 0, heading = doc.querySelector("#tl__events-h .tl-count");
    function more(deadline) {
      if (mine !== pass) return;
      if (!k && heading) heading.textContent = count;  /* the list's heading changes with the list, not before it */
      do { showItems(k, Math.min(items.length, k + SLICE)); k += SLICE; } while (k < items.length && (!deadline || deadline.timeRemaining() > 3));
      if (k < items.length) T.idle(more, { timeout: 300 }); else T.api.listSynced = true;
    }
    T.api.listSynced = false;
    if (items.length <= AT_ONCE) more(null); else T.idle(more, { timeout: 300 });
  }
  T.api.filter = filter;
  T.api.ensureAll = ensureAll;

  var timer = 0;
  function filterSoon() { clearTimeout(timer); timer = setTimeout(filter, 120); }
  if (T.search) T.search.addEventListener("input", filterSoon);
  T.selects.forEach(function (s) { if (s) s.addEventListener("change", filter); });
  var form = doc.getElementById("tl__controls");
  if (form) form.addEventListener("submit", function (e) { e.preventDefault(); filter(); });
  var clear = doc.getElementById("tl__clear");
  if (clear) clear.addEventListener("click", function () {
    T.search.value = "";
    T.selects.forEach(function (s) { if (s) s.value = ""; });
    filter();
  });
})(TimelineApp);
