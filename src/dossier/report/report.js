// Open every collapsed block before printing (so printouts show the removed furniture) and after
// following a link into one; close them again after printing.
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; }); opened = [];
  });
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    for (var p = el && el.parentElement; p; p = p.parentElement) { if (p.tagName === "DETAILS") p.open = true; }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
