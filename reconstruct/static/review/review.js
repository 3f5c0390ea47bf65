/* reconstruct review: line highlighting, answer picker, overrides download, sorting, TEI view.
   Plain JavaScript, no libraries but CETEIcean (for the TEI tab); works from file://. */
(function () {
  "use strict";

  /* One store per review folder: two batches with pages of the same names do not mix. */
  var STORE = "reconstruct-review-overrides:" +
    window.location.pathname.replace(/\/pages\/[^\/]*$|\/[^\/]*$/, "");
  var memory = {};

  function loadChanges() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || "{}"); }
    catch (e) { return memory; }
  }
  function saveChanges(all) {
    memory = all;
    try { window.localStorage.setItem(STORE, JSON.stringify(all)); } catch (e) { /* memory only */ }
  }
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function sortedKeys(obj) {
    return Object.keys(obj).sort(function (a, b) { return Number(a) - Number(b); });
  }
  /* The --overrides format: page → question number → {speaker, starts}. */
  function merged(applied, changes) {
    var out = {};
    Object.keys(applied).concat(Object.keys(changes)).forEach(function (page) {
      var qs = Object.assign({}, applied[page] || {}, changes[page] || {});
      var keys = sortedKeys(qs);
      if (keys.length) {
        out[page] = {};
        keys.forEach(function (q) { out[page][q] = qs[q]; });
      }
    });
    return out;
  }
  function download(obj, name) {
    var blob = new Blob([JSON.stringify(obj, null, 1) + "\n"], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function countChanges(changes, page) {
    var pages = page ? [page] : Object.keys(changes);
    return pages.reduce(function (n, p) { return n + Object.keys(changes[p] || {}).length; }, 0);
  }

  /* ---- index ---------------------------------------------------------------------- */

  function initIndex() {
    var info = data("review-data");
    var button = document.getElementById("download");
    document.getElementById("count").textContent = countChanges(loadChanges());
    button.addEventListener("click", function () {
      download(merged(info.applied, loadChanges()), "overrides.json");
    });
    var table = document.getElementById("pages");
    table.querySelectorAll("th button").forEach(function (b, col) {
      b.addEventListener("click", function () { sortTable(table, col, b); });
    });
  }

  function sortTable(table, col, button) {
    var th = button.parentNode;
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", dir);
    var numeric = button.dataset.key === "num";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return dir === "ascending" ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  /* ---- page view ------------------------------------------------------------------ */

  var page, changes;

  function initPage() {
    page = data("review-data");
    changes = loadChanges();
    dropApplied();
    document.querySelectorAll(".turn[data-lines]").forEach(function (t) {
      t.addEventListener("click", function () { highlight(t); });
    });
    document.querySelectorAll(".pair").forEach(initPair);
    document.getElementById("download").addEventListener("click", function () {
      var mine = {}, applied = {};
      mine[page.source] = changes[page.source] || {};
      applied[page.source] = page.applied;
      download(merged(applied, mine), "overrides.json");
    });
    document.getElementById("tab-pairs").addEventListener("click", function () { showTab("pairs"); });
    document.getElementById("tab-tei").addEventListener("click", function () { showTab("tei"); });
    refresh();
  }

  /* A stored change that convert has since applied is no longer a change. */
  function dropApplied() {
    var mine = changes[page.source] || {};
    Object.keys(mine).forEach(function (q) {
      var a = page.applied[q];
      if (a && a.speaker === mine[q].speaker && a.starts === mine[q].starts) { delete mine[q]; }
    });
    changes[page.source] = mine;
    saveChanges(changes);
  }

  function numbers(ranges) {
    var out = [];
    (ranges || "").split(",").filter(Boolean).forEach(function (part) {
      var ab = part.split("-"), a = Number(ab[0]), b = Number(ab[1] || ab[0]);
      for (var n = a; n <= b; n++) { out.push(n); }
    });
    return out;
  }

  function highlight(turn) {
    document.querySelectorAll(".ln.hl").forEach(function (l) { l.classList.remove("hl"); });
    document.querySelectorAll(".turn.active").forEach(function (t) { t.classList.remove("active"); });
    document.querySelectorAll(".pair.open").forEach(function (p) { p.classList.remove("open"); });
    turn.classList.add("active");
    var pair = turn.closest(".pair");
    if (pair) { pair.classList.add("open"); }
    var first = null;
    numbers(turn.dataset.lines).forEach(function (n) {
      var line = document.getElementById("L" + n);
      if (line) { line.classList.add("hl"); first = first || line; }
    });
    if (first) { scrollTo(first); }
  }

  /* Scroll the page text only (never the whole window) so the line shows a third down. */
  function scrollTo(line) {
    var box = line.closest(".source");
    var top = line.getBoundingClientRect().top - box.getBoundingClientRect().top;
    if (top < 0 || top > box.clientHeight - line.offsetHeight) {
      box.scrollTop += top - box.clientHeight / 3;
    }
  }

  function initPair(pair) {
    pair.addEventListener("keydown", function (e) {
      if (e.target === pair && e.key === "Enter") { e.preventDefault(); openPicker(pair); }
    });
    pair.addEventListener("focus", function (e) {
      if (e.target === pair) { highlight(pair.querySelector(".turn.a[data-lines]") || pair.querySelector(".turn")); }
    });
    pair.querySelector(".pick").addEventListener("click", function (e) {
      e.stopPropagation();
      openPicker(pair);
    });
  }

  function candidates(pair) { return page.interviews[pair.dataset.interview] || []; }

  function chosen(pair) {
    var change = (changes[page.source] || {})[pair.dataset.q];
    var list = candidates(pair);
    if (change) {
      for (var i = 0; i < list.length; i++) {
        if (list[i].speaker === change.speaker && list[i].starts === change.starts) { return i; }
      }
    }
    return pair.dataset.current === "" ? -1 : Number(pair.dataset.current);
  }

  function openPicker(pair) {
    closePicker();
    var list = document.createElement("ul");
    list.className = "picker";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Answers for question " + pair.dataset.q);
    var current = chosen(pair);
    candidates(pair).forEach(function (c, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.tabIndex = -1;
      li.dataset.index = i;
      li.setAttribute("aria-selected", i === current ? "true" : "false");
      li.innerHTML = "<b></b> <span class='pv'></span>";
      li.querySelector("b").textContent = c.speaker;
      li.querySelector(".pv").textContent = c.preview;
      if (i === current) { tag(li, "chosen"); }
      if (String(i) === pair.dataset.current && i !== current) { tag(li, "aligner's choice"); }
      li.addEventListener("click", function (e) { e.stopPropagation(); choose(pair, i); });
      list.appendChild(li);
    });
    list.addEventListener("keydown", function (e) { pickerKey(e, pair, list); });
    pair.appendChild(list);
    var focus = list.querySelector("[aria-selected=true]") || list.firstChild;
    if (focus) { focus.focus(); }
  }

  function tag(li, text) {
    var s = document.createElement("span");
    s.className = "tag";
    s.textContent = "(" + text + ")";
    li.appendChild(s);
  }

  function pickerKey(e, pair, list) {
    var items = Array.prototype.slice.call(list.children);
    var at = items.indexOf(document.activeElement);
    var next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (next !== undefined) {
      e.preventDefault();
      items[Math.max(0, Math.min(items.length - 1, next))].focus();
    } else if ((e.key === "Enter" || e.key === " ") && at >= 0) {
      e.preventDefault();
      e.stopPropagation();
      choose(pair, at);
    } else if (e.key === "Escape" || e.key === "Tab") {
      if (e.key === "Escape") { e.preventDefault(); }
      closePicker();
      if (e.key === "Escape") { pair.focus(); }
    }
  }

  function closePicker() {
    document.querySelectorAll(".picker").forEach(function (p) { p.remove(); });
  }

  /* Picking the aligner's (or the applied) answer again withdraws the change. */
  function choose(pair, i) {
    var c = candidates(pair)[i];
    var mine = changes[page.source] = changes[page.source] || {};
    var applied = page.applied[pair.dataset.q];
    var same = applied ? applied.speaker === c.speaker && applied.starts === c.starts
      : String(i) === pair.dataset.current;
    if (same) { delete mine[pair.dataset.q]; }
    else { mine[pair.dataset.q] = { speaker: c.speaker, starts: c.starts }; }
    saveChanges(changes);
    closePicker();
    refresh();
    pair.focus();
  }

  function refresh() {
    var mine = changes[page.source] || {};
    document.querySelectorAll(".pair").forEach(function (pair) {
      var change = mine[pair.dataset.q];
      var box = pair.querySelector(".change");
      pair.classList.toggle("changed", !!change);
      box.hidden = !change;
      if (change) {
        var c = candidates(pair)[chosen(pair)];
        box.textContent = "Changed to " + c.speaker + ": " + c.preview +
          " — download the overrides and rerun convert --overrides";
        box.dataset.lines = c.lines;
      }
    });
    document.getElementById("count").textContent = countChanges(changes, page.source);
  }

  /* ---- TEI tab -------------------------------------------------------------------- */

  var teiDone = false;

  function showTab(name) {
    ["pairs", "tei"].forEach(function (n) {
      document.getElementById("tab-" + n).setAttribute("aria-selected", n === name ? "true" : "false");
      document.getElementById("panel-" + n).hidden = n !== name;
    });
    if (name === "tei" && !teiDone) { renderTei(); }
  }

  function renderTei() {
    teiDone = true;
    var docs = data("tei-data") || [];
    document.querySelectorAll(".tei-doc").forEach(function (box) {
      var xml = docs[Number(box.dataset.k)];
      var ct = new window.CETEI();
      ct.makeHTML5(xml, function (dom) { box.appendChild(dom); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var view = document.body.dataset.view;
    if (view === "index") { initIndex(); }
    if (view === "page") { initPage(); }
  });
}());
