/* annotated-timeline plot layout: where each mark and title goes for the current view, so that no two marks
   and no two titles overlap; marks that find no room gather in a numbered group. Pure functions of numbers
   (pixels, indices) and the page's own data; page-marks.js draws the result, plotly the axes. */
var TimelineLayout = (function () {
  "use strict";
  var GAP = 3;      /* free pixels kept between two marks or titles */
  var CELL = 24;    /* width of a group's badge, and the stretch of the axis one badge gathers */

  /* Occupied pixel columns of every row of every lane. */
  function Grid(lanes, rows, width) {
    this.rows = rows;
    this.width = Math.max(1, Math.ceil(width));
    this.cells = new Uint8Array(lanes * rows * this.width);
  }
  Grid.prototype.span = function (a, b) {
    return [Math.max(0, Math.floor(a)), Math.min(this.width - 1, Math.ceil(b))];
  };
  Grid.prototype.free = function (lane, row, a, b) {
    var base = (lane * this.rows + row) * this.width, s = this.span(a - GAP, b + GAP);
    for (var x = s[0]; x <= s[1]; x++) if (this.cells[base + x]) return false;
    return true;
  };
  Grid.prototype.mark = function (lane, row, a, b, value) {
    var base = (lane * this.rows + row) * this.width, s = this.span(a, b);
    for (var x = s[0]; x <= s[1]; x++) this.cells[base + x] = value;
  };

  /* v: order (event indices in view, most important first), lane[i], left[i] and right[i] (the mark's pixels),
     title[i] or title(i) (its title's width in pixels, 0 for none: a function is asked only for the marks placed),
     lanes, rows, width, reserved ([lane, row, a, b] taken), limit (most marks placed, optional).
     Returns row[i] (-1: in a group), side[i] (1: title right of the mark, -1: left, 0: none) and the groups. */
  function place(v) {
    var total = v.lane.length, grid = new Grid(v.lanes, v.rows, v.width);
    var row = new Int8Array(total).fill(-1), side = new Int8Array(total), left_over = [];
    v.reserved.forEach(function (r) { grid.mark(r[0], r[1], r[2], r[3], 1); });
    var room = v.limit || Infinity;  /* marks drawn at most; the rest are counted in groups */
    v.order.forEach(function (i) {
      for (var r = 0; r < v.rows && room > 0; r++) {
        if (grid.free(v.lane[i], r, v.left[i], v.right[i])) { grid.mark(v.lane[i], r, v.left[i], v.right[i], 1); row[i] = r; room--; return; }
      }
      left_over.push(i);
    });
    var width = typeof v.title === "function" ? v.title : function (i) { return v.title[i]; };
    v.order.forEach(function (i) { if (row[i] >= 0 && width(i) > 0) titleFor(i, v, grid, row, side, width(i)); });
    return { row: row, side: side, groups: alone(gather(left_over, v), v, row) };
  }
  /* A "group" of one is drawn as its own mark in the group row when no badge is near it. */
  function alone(groups, v, row) {
    return groups.filter(function (g, k) {
      if (g.members.length > 1) return true;
      var i = g.members[0];
      var clear = groups.every(function (h, j) {
        return j === k || h.lane !== g.lane || h.x + CELL / 2 + GAP < v.left[i] || h.x - CELL / 2 - GAP > v.right[i];
      });
      if (clear) row[i] = v.rows;
      return !clear;
    });
  }

  /* A title goes right of its mark, else left of it; failing both in the mark's row, the mark moves to a row
     where mark and title fit together. */
  function titleFor(i, v, grid, row, side, w) {
    var lane = v.lane[i], a = v.left[i], b = v.right[i];
    function fits(r, dir) {
      var lo = dir > 0 ? b + GAP + 1 : a - GAP - 1 - w, hi = lo + w;
      return lo >= 0 && hi <= v.width && grid.free(lane, r, lo, hi) ? [lo, hi] : null;
    }
    for (var pass = 0; pass < 2; pass++) {
      for (var r = 0; r < v.rows; r++) {
        if ((pass === 0) !== (r === row[i])) continue;
        if (pass === 1) grid.mark(lane, row[i], a, b, 0);
        var dir = fits(r, 1) ? 1 : -1, at = fits(r, dir);
        if (at && (pass === 0 || grid.free(lane, r, a, b))) {
          grid.mark(lane, r, a, b, 1);
          grid.mark(lane, r, at[0], at[1], 1);
          row[i] = r; side[i] = dir;
          return;
        }
        if (pass === 1) grid.mark(lane, row[i], a, b, 1);
      }
    }
  }

  /* Marks without room, per lane, gathered left to right into badges at least CELL pixels apart. */
  function gather(indices, v) {
    var byLane = [], groups = [];
    indices.forEach(function (i) { (byLane[v.lane[i]] = byLane[v.lane[i]] || []).push(i); });
    byLane.forEach(function (members, lane) {
      if (!members) return;
      var centre = new Float64Array(v.lane.length);  /* worked out once: a sort of 10,000 asks ~140,000 times */
      members.forEach(function (i) { centre[i] = Math.min(v.width, Math.max(0, (v.left[i] + v.right[i]) / 2)); });
      members.sort(function (a, b) { return centre[a] - centre[b]; });
      var mine = [];
      members.forEach(function (i) {
        var last = mine[mine.length - 1], c = centre[i];
        if (last && c < last.start + CELL) { last.members.push(i); last.end = c; return; }
        mine.push({ lane: lane, start: c, end: c, members: [i] });
      });
      spread(mine, v.width);
      groups = groups.concat(mine);
    });
    return groups;
  }
  function spread(badges, width) {
    var k;
    for (k = 0; k < badges.length; k++) {
      var g = badges[k], x = Math.max(CELL / 2, (g.start + g.end) / 2);
      g.x = k ? Math.max(x, badges[k - 1].x + CELL) : x;
    }
    for (k = badges.length - 1; k >= 0; k--) {
      var limit = k === badges.length - 1 ? width - CELL / 2 : badges[k + 1].x - CELL;
      badges[k].x = Math.min(badges[k].x, limit);
    }
  }

  /* Where each placed title goes: its event, the pixel its text starts (side 1) or ends (side -1) at, its row. */
  function titles(placed, view) {
    var out = [], per = view.rows + 1;
    view.order.forEach(function (i) {
      var side = placed.side[i];
      if (placed.row[i] < 0 || !side) return;
      out.push({ i: i, side: side, x: side > 0 ? view.right[i] + GAP + 1 : view.left[i] - GAP - 1, y: view.lane[i] * per + placed.row[i] });
    });
    return out;
  }
  /* Lane separators, the rows' height, and the era titles that fit. */
  function layout(fig, view, range, measure) {
    var base = fig.layout, per = view.rows + 1, total = fig.lanes.length * per;
    var lay = Object.assign({}, base, { xaxis: Object.assign({}, base.xaxis, { range: range, autorange: false }) });
    lay.yaxis = Object.assign({}, base.yaxis, { range: [total - 0.5, -0.5] });
    lay.height = base.margin.t + base.margin.b + fig.rowPx * total + 24;
    lay.shapes = base.shapes.concat(fig.lanes.slice(1).map(function (_, k) {
      var y = (k + 1) * per - 0.5;
      return { type: "line", xref: "paper", x0: 0, x1: 1, y0: y, y1: y, line: { color: "#c8c8c8", width: 1 }, layer: "below" };
    }));
    lay.annotations = eraTitles(base.annotations, view, measure);  /* lane names: page-plot.js, over the plot */
    if (!lay.annotations.some(function (a) { return a.name === "era"; })) lay.margin = Object.assign({}, base.margin, { t: 36 });
    return lay;
  }
  function eraTitles(notes, view, measure) {
    var kept = [], taken = [];
    notes.forEach(function (a) {
      var c = view.toPx(Date.parse(a.x)), w = measure(a.text, 12) + 8, lo = c - w / 2, hi = c + w / 2;
      if (lo < 0 || hi > view.width) return;
      if (taken.some(function (t) { return lo < t[1] && hi > t[0]; })) return;
      taken.push([lo, hi]); kept.push(a);
    });
    return kept;
  }

  return { place: place, titles: titles, layout: layout };
})();
