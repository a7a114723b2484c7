(function () {
  "use strict";
  var root = document.documentElement;
  // Errors land in the page, so that a headless browser's DOM dump shows them.
  window.addEventListener("error", function (e) {
    var box = document.getElementById("js-errors");
    root.setAttribute("data-js", "error");
    if (box) {
      box.hidden = false;
      box.textContent += "Script error: " + e.message + "\n";
    }
  });

  function cellValue(row, i) {
    var c = row.cells[i];
    if (!c) return "";
    var v = c.getAttribute("data-v");
    return v !== null ? v : c.textContent;
  }

  function setupSort(table) {
    var heads = table.tHead.rows[0].cells;
    var body = table.tBodies[0];
    Array.prototype.forEach.call(heads, function (th, i) {
      th.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var num = th.getAttribute("data-type") === "num";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i), r;
          if (num) { r = Number(x) - Number(y); } else { r = x.localeCompare(y); }
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function setupFilter(table) {
    var input = document.getElementById("flow-filter");
    var verdict = document.getElementById("flow-verdict");
    var shown = document.getElementById("flow-shown");
    var clear = document.getElementById("flow-clear");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var pair = null;
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var v = verdict.value, n = 0;
      rows.forEach(function (r) {
        var text = r.textContent.toLowerCase();
        var ok = (!v || r.getAttribute("data-verdict") === v) &&
          (!pair || (r.getAttribute("data-client") === pair[0] && r.getAttribute("data-server") === pair[1])) &&
          words.every(function (w) { return text.indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) n++;
      });
      shown.textContent = "showing " + n + " of " + rows.length +
        (pair ? " \u00b7 " + pair[0] + " \u2192 " + pair[1] : "");
    }
    input.addEventListener("input", apply);
    verdict.addEventListener("change", apply);
    clear.addEventListener("click", function () {
      input.value = ""; verdict.value = ""; pair = null; apply();
    });
    Array.prototype.forEach.call(document.querySelectorAll("svg.matrix g.cell"), function (g) {
      function pick() {
        pair = [g.getAttribute("data-client"), g.getAttribute("data-server")];
        apply();
        document.getElementById("flows-section").scrollIntoView();
      }
      g.addEventListener("click", pick);
      g.addEventListener("keydown", function (e) { if (e.key === "Enter") pick(); });
    });
    apply();
  }

  function init() {
    var table = document.getElementById("flows");
    if (table) {
      setupSort(table);
      setupFilter(table);
    }
    if (root.getAttribute("data-js") !== "error") root.setAttribute("data-js", "ok");
  }

  // Print every collapsed section (CSS cannot open a <details>; Chromium also shows its
  // content through the print stylesheet): opened for the print, closed again after.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      openedForPrint.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
