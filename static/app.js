// synscope: a little progressive enhancement. Every page works without it.
(function () {
  "use strict";

  function announce(text) {
    var live = document.getElementById("announce");
    if (live) { live.textContent = ""; window.setTimeout(function () { live.textContent = text; }, 30); }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  // Keyboard: "/" focuses search, j/k move through results, Enter opens the focused one (it is a link).
  var current = -1;
  function hitLinks() { return Array.prototype.slice.call(document.querySelectorAll(".hit-link")); }
  function move(step) {
    var links = hitLinks();
    if (!links.length) { return; }
    current = Math.max(0, Math.min(links.length - 1, current + step));
    links.forEach(function (a, i) { a.closest(".hit").classList.toggle("current", i === current); });
    links[current].focus();
    links[current].closest(".hit").scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) { return; }
    if (e.key === "/") {
      var q = document.getElementById("q");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    } else if (e.key === "j") {
      e.preventDefault(); move(1);
    } else if (e.key === "k") {
      e.preventDefault(); move(-1);
    } else if (e.key === "o" || e.key === "s" || e.key === "a") {
      // The review queue: one key per decision on the current (else the first) suggestion.
      var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
      if (!items.length) { return; }
      var item = items[Math.max(0, current)] || items[0];
      var button = item.querySelector("button[data-key='" + e.key + "']");
      if (button) { e.preventDefault(); button.click(); }
    }
  });
  document.addEventListener("focusin", function (e) {
    var i = hitLinks().indexOf(e.target);
    if (i >= 0) { current = i; }
  });

  // Copy link: the share URL is computed on the server; copying is a convenience.
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-copy]");
    if (!button) { return; }
    var input = document.querySelector(button.getAttribute("data-copy"));
    if (!input) { return; }
    var done = function () { button.textContent = "Copied"; announce("Link copied"); };
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      try { document.execCommand("copy"); } catch (ignored) { /* the selected text is there to copy by hand */ }
      done();
    }
  });

  // Type-ahead on labels and lemmas: a listbox of categories; Enter opens one, Escape closes.
  var input = document.getElementById("q");
  var list = document.getElementById("q-suggestions");
  if (!input || !list) { return; }
  var timer = null, active = -1, items = [], requestId = 0;
  function datasets() {
    return Array.prototype.slice.call(document.querySelectorAll("input[type=hidden][name=dataset]"))
      .map(function (i) { return "&dataset=" + encodeURIComponent(i.value); }).join("");
  }
  function reveal() { return document.querySelector("input[type=hidden][name=reveal]") ? "&reveal=1" : ""; }
  function close() {
    list.hidden = true; list.innerHTML = ""; items = []; active = -1;
    input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant");
  }
  function select(i) {
    active = i;
    items.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
    if (i >= 0) { input.setAttribute("aria-activedescendant", items[i].id); }
  }
  function show(hits) {
    list.innerHTML = ""; items = [];
    hits.forEach(function (h, i) {
      var li = document.createElement("li");
      li.id = "q-suggestion-" + i;
      li.setAttribute("role", "option");
      li.dataset.url = h.url;
      var label = document.createElement("span");
      label.textContent = h.display;
      var sub = document.createElement("span");
      sub.className = "sub";
      sub.textContent = h.dataset + (h.images != null ? " · " + h.images.toLocaleString() + " images" : "");
      li.appendChild(label); li.appendChild(sub);
      li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = h.url; });
      list.appendChild(li); items.push(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    if (items.length) { announce(items.length + " suggestions"); }
  }
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var value = input.value.trim();
    if (value.length < 2 || /[:"*?~()\[\]]/.test(value)) { close(); return; }
    timer = window.setTimeout(function () {
      var mine = ++requestId;
      fetch("/suggest.json?q=" + encodeURIComponent(value) + datasets() + reveal())
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (hits) { if (mine === requestId) { show(hits); } })
        .catch(close);
    }, 120);
  });
  input.addEventListener("keydown", function (e) {
    if (list.hidden) { return; }
    if (e.key === "ArrowDown") { e.preventDefault(); select(Math.min(items.length - 1, active + 1)); }
    else if (e.key === "ArrowUp") { e.preventDefault(); select(Math.max(-1, active - 1)); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.href = items[active].dataset.url; }
  });
  input.addEventListener("blur", function () { window.setTimeout(close, 150); });
}());
