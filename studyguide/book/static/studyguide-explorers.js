// The study guide's explorers in the published book: no kernel, no network, works from file://.
// - Switchers (studyguide.views.widgets.Switcher): a <select> showing one of its precomputed views.
//   Switchers of a group (data-sg-group: each text's sections, studyguide.views.picker) switch together,
//   and #KEY in the page's address chooses their view (a link to the page opens it on that text).
// - Word lookup (studyguide.views.word_explorer): any word of a text, from the compact index
//   embedded in the page (studyguide.views.word_index): count, rank, concordance sortable by
//   left or right context, collocates, dispersion strip.
// - Concordance tables (table.kwic): a "Sort lines by" menu.
// - Timeline explorer: the chosen event is marked on the explorer's strip chart.
(function () {
  "use strict";

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  // Rounded from the exact binary value, as toFixed and Python's format() round (toLocaleString rounds the
  // shortest decimal, so 1.65 became "1.7" here and "1.6" in the live explorer), then grouped: "1,234.5".
  function fmt(x, digits) {
    var parts = x.toFixed(digits).split(".");
    return Number(parts[0]).toLocaleString("en") + (parts.length > 1 ? "." + parts[1] : "");
  }

  // --- switchers -------------------------------------------------------------------------
  function views(box) {
    var holder = box.querySelector(":scope > .studyguide-views");
    return holder ? Array.prototype.slice.call(holder.children) : [];
  }
  function show(box, index) {
    views(box).forEach(function (view, i) { view.hidden = i !== index; });
    box.dispatchEvent(new CustomEvent("sg-switch", { bubbles: true }));
  }
  function keyed(box) { return box.hasAttribute("data-sg-group"); }
  function groupBoxes(group) {
    return Array.prototype.filter.call(document.querySelectorAll(".studyguide-switcher.sg-static[data-sg-group]"),
      function (box) { return box.getAttribute("data-sg-group") === group; });
  }
  // Show view KEY in every switcher of GROUP; false when no switcher of the group has it.
  function choose(group, key) {
    var found = false;
    groupBoxes(group).forEach(function (box) {
      var select = box.querySelector(":scope > .sg-menu select"), index = -1;
      views(box).forEach(function (view, i) { if (view.getAttribute("data-sg-key") === key) index = i; });
      if (index < 0) return;
      found = true;
      if (select) select.selectedIndex = index;
      if (views(box)[index].hidden) show(box, index);
    });
    return found;
  }
  // The page's address: #KEY of a grouped view chooses it; #ANCHOR inside a hidden view shows that view first.
  function fromAddress() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (!hash) return;
    var groups = {};
    document.querySelectorAll(".studyguide-switcher.sg-static[data-sg-group]").forEach(function (box) {
      groups[box.getAttribute("data-sg-group")] = true;
    });
    for (var group in groups) { if (choose(group, hash)) return; }
    var target = document.getElementById(hash), view = target && target.closest("[data-sg-key][hidden]");
    if (view) {
      choose(view.closest("[data-sg-group]").getAttribute("data-sg-group"), view.getAttribute("data-sg-key"));
      target.scrollIntoView();
    }
  }
  function initSwitcher(box) {
    var select = box.querySelector(":scope > .sg-menu select");
    if (!select) return;
    select.disabled = false;
    select.addEventListener("change", function () {
      if (!keyed(box)) { show(box, select.selectedIndex); return; }
      var key = select.value;
      choose(box.getAttribute("data-sg-group"), key);
      // the address names the choice (a link or a reload opens the page on it) without jumping the page
      if (window.history && history.replaceState) history.replaceState(null, "", "#" + encodeURIComponent(key));
    });
    // The page is written with the menu's view shown; switch only when the browser restored another
    // choice (back button). Switching every explorer at load cost a long task on pages with many.
    var shown = views(box).map(function (view) { return !view.hidden; });
    if (shown.indexOf(true) !== select.selectedIndex || shown.lastIndexOf(true) !== select.selectedIndex) {
      show(box, select.selectedIndex);
    }
  }

  // --- timeline explorer: mark the chosen event on the strip -------------------------------
  function visibleEvent(box) {
    var cards = box.querySelectorAll(".timeline-event[data-event]");
    for (var i = 0; i < cards.length; i++) {
      // The switcher hides views with the hidden attribute: asking the DOM, not the layout, keeps
      // the first mark (at load) from forcing a layout of the whole page.
      if (!cards[i].closest("[hidden]")) return cards[i];
    }
    return null;
  }
  function initTimeline(box) {
    var strip = box.querySelector(".sg-event-strip");
    if (!strip) return;
    function mark() {
      var card = visibleEvent(box);
      var id = card ? card.getAttribute("data-event") : "";
      strip.querySelectorAll("[data-sg-event]").forEach(function (dot) {
        var on = dot.getAttribute("data-sg-event") === id;
        dot.classList.toggle("sg-current", on);
        dot.setAttribute("y1", on ? "0" : "7");
        dot.setAttribute("y2", on ? "28" : "21");
        if (on) dot.parentNode.appendChild(dot);
      });
      var label = strip.querySelector(".sg-strip-current");
      if (label && card) label.textContent = "Marked: " + card.querySelector(".timeline-title").textContent;
    }
    box.addEventListener("sg-switch", mark);
    mark();
  }

  // --- concordance sorting ------------------------------------------------------------------
  var SORTS = [["text", "order in the text"], ["left", "word(s) before, nearest first"], ["right", "word(s) after"]];
  function sortKey(row, how) {
    if (how === "left") {
      var left = row.querySelector(".kwic-left").textContent.toLowerCase().match(WORD) || [];
      return left.reverse().join(" ");
    }
    if (how === "right") {
      return (row.querySelector(".kwic-right").textContent.toLowerCase().match(WORD) || []).join(" ");
    }
    return Number(row.getAttribute("data-order"));
  }
  function sortTable(table, how) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { if (!row.hasAttribute("data-order")) row.setAttribute("data-order", i); });
    rows.sort(function (a, b) {
      var x = sortKey(a, how), y = sortKey(b, how);
      if (how === "text") return x - y;
      return x < y ? -1 : x > y ? 1 : Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  // On a narrow screen the keyword column is scrolled into the middle of its box. Measuring a box
  // at load would force a layout of the whole page inside this script (over 100 ms on a slow phone):
  // each box is measured when it comes near the screen, after the browser has laid the page out.
  function centreKeyword(table) {
    var box = table.closest(".kwic-scroll"), key = table.querySelector("td.kwic-key");
    if (!box || !key || box.scrollWidth <= box.clientWidth || box.clientWidth > 600) return;
    box.scrollLeft = Math.max(0, key.offsetLeft - (box.clientWidth - key.offsetWidth) / 2);
  }
  var nearScreen = "IntersectionObserver" in window ? new IntersectionObserver(function (seen) {
    seen.forEach(function (entry) {
      if (entry.isIntersecting) { nearScreen.unobserve(entry.target); centreKeyword(entry.target); }
    });
  }, { rootMargin: "200px" }) : null;
  function initKwic(table) {
    if (nearScreen) nearScreen.observe(table); else centreKeyword(table);
    if (table.dataset.sgSortable || table.tBodies.length === 0 || table.tBodies[0].rows.length < 2) return;
    table.dataset.sgSortable = "1";
    var label = document.createElement("label");
    label.className = "sg-menu sg-kwic-sort";
    var options = SORTS.map(function (s) { return '<option value="' + s[0] + '">' + esc(s[1]) + "</option>"; }).join("");
    label.innerHTML = '<span class="sg-menu-label">Sort lines by:</span> <select>' + options + "</select>";
    var box = table.closest(".kwic-scroll") || table;
    box.parentNode.insertBefore(label, box);
    label.querySelector("select").addEventListener("change", function (e) { sortTable(table, e.target.value); });
  }

  // --- the word index -----------------------------------------------------------------------
  var ALPHABET = "";
  for (var c = 35; c < 127; c++) { if ("\\<>&".indexOf(String.fromCharCode(c)) < 0) ALPHABET += String.fromCharCode(c); }
  var HALF = ALPHABET.length / 2;
  var DIGIT = {};
  for (var d = 0; d < ALPHABET.length; d++) DIGIT[ALPHABET[d]] = d;
  // Words as the package cuts them (studyguide.analysis.tokens): letters or digits with their combining
  // marks, apostrophes and hyphens only between them; counted under a key (NFC, lower case, one apostrophe, one hyphen).
  var WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u200c\u200d]*(?:['\u2019\u02bc\u2018\-\u2010\u2011][\p{L}\p{N}][\p{L}\p{N}\p{M}\u200c\u200d]*)*/gu;
  function key(word) {
    return word.normalize("NFC").replace(/[\u2019\u02bc\u2018]/g, "'").replace(/[\u2010\u2011]/g, "-").toLowerCase().normalize("NFC");
  }

  function decode(code, out) {
    var value = 0;
    for (var i = 0; i < code.length; i++) {
      var digit = DIGIT[code[i]];
      if (digit >= HALF) value = value * HALF + digit - HALF;
      else { out.push(value * HALF + digit); value = 0; }
    }
    return out;
  }

  function Index(data) {
    this.data = data;
    this.types = data.types;
    this.number = new Map(data.types.map(function (w, i) { return [w, i]; }));
    var ids = [], para = [], start = [], end = [], inPara = [];
    data.paragraphs.forEach(function (p, pi) {
      var text = p[1], lower = text.toLowerCase(), cursor = 0, found = decode(p[2], []), places = p[7];
      found.forEach(function (id, k) {
        var word = data.types[id], at, stop;
        if (places) { at = places[2 * k]; stop = places[2 * k + 1]; }
        else { at = lower.indexOf(word, cursor); stop = at + word.length; }
        if (at >= 0) cursor = stop;
        ids.push(id); para.push(pi); start.push(at); end.push(stop); inPara.push(k);
      });
    });
    this.ids = Int32Array.from(ids);
    this.para = Int32Array.from(para);
    this.start = Int32Array.from(start);
    this.end = Int32Array.from(end);
    this.inPara = Int32Array.from(inPara);
    this.counts = new Int32Array(data.types.length);
    for (var i = 0; i < this.ids.length; i++) this.counts[this.ids[i]]++;
  }
  Index.prototype.general = function (id) {
    var g = this.data.general, value = (DIGIT[g[2 * id]] - HALF) * HALF + DIGIT[g[2 * id + 1]];
    return value ? Math.pow(10, value / 100 - 9) * 1000 : 0;
  };
  Index.prototype.rank = function (id) {
    var count = this.counts[id], rank = 1;
    for (var i = 0; i < this.counts.length; i++) if (this.counts[i] > count) rank++;
    return rank;
  };
  Index.prototype.at = function (id) {
    var found = [];
    for (var i = 0; i < this.ids.length; i++) if (this.ids[i] === id) found.push(i);
    return found;
  };
  Index.prototype.collocates = function (id, at) {
    var d = this.data, near = new Set(), ids = this.ids, para = this.para;
    at.forEach(function (i) {
      for (var j = Math.max(0, i - d.window); j <= Math.min(ids.length - 1, i + d.window); j++) {
        if (para[j] === para[i] && ids[j] !== id) near.add(j);
      }
    });
    if (!near.size) return [];
    var inside = new Map();
    near.forEach(function (j) { inside.set(ids[j], (inside.get(ids[j]) || 0) + 1); });
    var rest = ids.length - near.size - at.length, self = this, rows = [];
    inside.forEach(function (a, other) {
      var b = self.counts[other] - a;
      if (a >= d.minPair && (rest <= 0 || a / near.size > b / rest)) {
        rows.push([self.types[other], a, self.counts[other], g2(a, b, near.size, Math.max(rest, 1))]);
      }
    });
    rows.sort(function (x, y) { return y[3] - x[3] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0); });
    return rows.slice(0, d.top);
  };
  function term(o, e) { return o > 0 ? o * Math.log(o / e) : 0; }
  function g2(a, b, c, d) {
    if (a + b === 0) return 0;
    var e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d);
    return Math.round(2 * (term(a, e1) + term(b, e2)) * 100) / 100;
  }

  function clipLeft(text, start, width) {
    if (start <= width) return 0;
    var cut = start - width, space = text.indexOf(" ", cut);
    return space >= 0 && space < start ? space + 1 : cut;
  }
  function clipRight(text, end, width) {
    if (text.length - end <= width) return text.length;
    var cut = end + width, space = text.lastIndexOf(" ", cut - 1);
    return space > end ? space : cut;
  }

  // A word of the text inside an English sentence, isolated so that a right-to-left word keeps its direction.
  function bdi(word) { return "<bdi>" + esc(word) + "</bdi>"; }

  function paragraphList(numbers) {
    var unique = Array.from(new Set(numbers)).sort(function (a, b) { return a - b; });
    if (unique.length === 1) return "paragraph " + unique[0];
    if (unique.length > 12) return unique.length + " paragraphs, from " + unique[0] + " to " + unique[unique.length - 1];
    return "paragraphs " + unique.slice(0, -1).join(", ") + " and " + unique[unique.length - 1];
  }

  function kwicHtml(index, word, at) {
    var d = index.data, rows = [], rtl = d.dir === "rtl";
    at.slice(0, d.maxLines).forEach(function (i, order) {
      var p = d.paragraphs[index.para[i]], text = p[1], s = index.start[i], e = index.end[i], sic = false;
      if (p.length > 4 && p[4]) {  // read differently by the editors: show the text as written, the reading marked
        var k = index.inPara[i];
        text = p[4]; s = p[5][2 * k]; e = p[5][2 * k + 1];
        for (var c = 0; c < p[6].length; c += 2) if (s < p[6][c + 1] && e > p[6][c]) sic = true;
      }
      if (s < 0) return;
      var ls = clipLeft(text, s, d.context), re = clipRight(text, e, d.context);
      rows.push('<tr data-order="' + order + '"><td class="num"><a href="' + esc(d.chapter) + "#p" + p[0] +
        '" title="Read paragraph ' + p[0] + ' in the text">¶ ' + p[0] + "</a></td>" +
        '<td class="kwic-left">' + (ls > 0 ? "…" : "") + esc(text.slice(ls, s).replace(/\s+/g, " ")) + "</td>" +
        '<td class="kwic-key">' + (sic ? '<span class="sic" title="read differently by the editors: see the note in the text">' +
          esc(text.slice(s, e)) + '</span><span class="sg-sr-only"> (as written; the editors read it differently)</span>'
          : esc(text.slice(s, e))) + "</td>" +
        '<td class="kwic-right">' + esc(text.slice(e, re).replace(/\s+/g, " ")) + (re < text.length ? "…" : "") + "</td></tr>");
    });
    var caption = "“" + bdi(word) + "” in context: " + at.length + (at.length === 1 ? " line" : " lines") +
      (at.length > d.maxLines ? " (first " + d.maxLines + " in text order shown)" : "") + ", editors' readings applied";
    return '<div class="kwic-scroll" tabindex="0" role="region" aria-label="Concordance of ' + esc(word) + ' (scrolls sideways)">' +
      // mirrored for a right-to-left text: context columns named by order, the English caption kept left to right
      '<table class="kwic studyguide-table" lang="' + esc(d.lang) + '" dir="' + (rtl ? "rtl" : "ltr") + '"><caption' +
      (rtl ? ' dir="ltr" lang="en"' : "") + ">" + caption + "</caption>" +
      '<thead><tr><th scope="col">Paragraph</th><th scope="col" class="kwic-left">' + (rtl ? "Words before" : "Left context") +
      '</th><th scope="col">Keyword</th><th scope="col" class="kwic-right">' + (rtl ? "Words after" : "Right context") +
      "</th></tr></thead><tbody>" +
      rows.join("") + "</tbody></table></div>";
  }

  function collocatesHtml(index, word, rows) {
    if (!rows.length) return "<p>No word is found near “" + bdi(word) + "” at least twice more often than elsewhere.</p>";
    var body = rows.map(function (r) {
      return '<tr><th scope="row">' + esc(r[0]) + '</th><td class="num">' + r[1] + '</td><td class="num">' + r[2] +
        '</td><td class="num">' + fmt(r[3], 1) + "</td></tr>";
    }).join("");
    return '<div class="sg-table-box" tabindex="0" role="region" aria-label="Collocates of ' + esc(word) + '">' +
      '<table class="studyguide-table collocates"><caption>Collocates of “' + esc(word) + "”: words up to " +
      index.data.window + " places left or right, at least twice, by log-likelihood (G2)</caption>" +
      '<thead><tr><th scope="col">Word</th><th scope="col">Near it</th><th scope="col">In the text</th>' +
      '<th scope="col">G2</th></tr></thead><tbody>' + body + "</tbody></table></div>";
  }

  function stripHtml(index, word, at) {
    var total = index.ids.length, marks = [], bounds = [], last = -1;
    for (var i = 0; i < total; i++) {
      if (index.para[i] !== last) { if (i > 0) bounds.push(i); last = index.para[i]; }
    }
    bounds.forEach(function (b) {
      var x = (1000 * b / total).toFixed(1);
      marks.push('<line x1="' + x + '" x2="' + x + '" y1="0" y2="40" class="sg-strip-para"/>');
    });
    at.forEach(function (i) {
      var x = (1000 * (i + 0.5) / total).toFixed(1);
      marks.push('<line x1="' + x + '" x2="' + x + '" y1="6" y2="34" class="sg-strip-hit"/>');
    });
    var paragraphs = at.map(function (i) { return index.data.paragraphs[index.para[i]][0]; });
    var described = "“" + word + "” occurs " + (at.length === 1 ? "once" : at.length + " times") + ", in " + paragraphList(paragraphs);
    return '<figure class="sg-strip"><svg viewBox="0 0 1000 40" preserveAspectRatio="none" role="img" aria-label="Dispersion of ' +
      esc(word) + ": " + esc(described) + '"><rect x="0" y="0" width="1000" height="40" class="sg-strip-bg"/>' + marks.join("") +
      "</svg><figcaption>Where “" + bdi(word) + "” occurs: one line per occurrence, from word 1 (left) to word " +
      total.toLocaleString("en") + " (right); faint lines are paragraph boundaries.</figcaption></figure>";
  }

  function wordView(index, query, why) {
    // A word is looked up as Python cut it (index.types): "3.5", "1,000" or a Chinese word are one
    // word there, though the pattern below would see two or none; the pattern only trims what was typed.
    var whole = key(String(query).trim()), found = index.number.has(whole) ? [whole] : String(query).match(WORD);
    if (!found || found.length !== 1) return '<p class="word-view">Type a single word (letters or digits, no spaces).</p>';
    var word = key(found[0]), id = index.number.get(word), total = index.ids.length;
    // <bdi>: a right-to-left word inside this English sentence keeps its own direction ("العمال: 5 times").
    var head = '<div class="word-view" data-word="' + esc(word) + '"><p><strong><bdi lang="' + esc(index.data.lang) + '">' + esc(word) +
      "</bdi></strong>" + (why ? " (" + esc(why) + ")" : "") + ": ";
    if (id === undefined) {
      var near = index.types.filter(function (t) { return t.indexOf(word) === 0; }).slice(0, 8);
      return head + "not in this text." + (near.length ? " Words of the text that begin so: " + near.map(bdi).join(", ") + "." : "") + "</p></div>";
    }
    var at = index.at(id), count = at.length, general = index.general(id);
    var paragraphs = at.map(function (i) { return index.data.paragraphs[index.para[i]][0]; });
    head += count + (count === 1 ? " time" : " times") + " in " + total.toLocaleString("en") + " words, " +
      fmt(1000 * count / total, 1) + " per 1,000 words (rank " + index.rank(id) + "); " +
      (general ? "in general " + index.data.language + " about " + Number(general.toPrecision(2)) + " per 1,000. " :
       "not in the general-" + index.data.language + " word list. ") +
      "“" + bdi(word) + "” occurs " + (count === 1 ? "once" : count + " times") + ", in " + esc(paragraphList(paragraphs)) + ".</p>";
    return head + kwicHtml(index, word, at) + "<h4 class=\"sg-subhead\">Collocates</h4>" +
      collocatesHtml(index, word, index.collocates(id, at)) + stripHtml(index, word, at) + "</div>";
  }

  function initWords(box) {
    var script = box.querySelector("script[data-sg-index]");
    var form = box.querySelector("form"), key = box.querySelector("[data-sg-key]"), input = box.querySelector("[data-sg-input]");
    var out = box.querySelector(".sg-word-view"), index = null, listId = "sg-words-" + Math.random().toString(36).slice(2);
    function get() { if (!index) index = new Index(JSON.parse(script.textContent)); return index; }
    function render(word, why) {
      box.dataset.sgStarted = "1";
      out.innerHTML = wordView(get(), word, why);
      out.querySelectorAll("table.kwic").forEach(initKwic);
    }
    var list = document.createElement("datalist");
    list.id = listId;
    box.appendChild(list);
    input.setAttribute("list", listId);
    [key, input, form.querySelector("button")].forEach(function (el) { el.disabled = false; });
    key.addEventListener("change", function () {
      var pair = get().data.key[key.selectedIndex];
      input.value = "";
      render(pair[0], pair[1]);
    });
    input.addEventListener("input", function () {
      var typed = input.value.trim().toLowerCase(), idx = get(), options = [];
      if (typed) {
        for (var i = 0; i < idx.types.length && options.length < 12; i++) {
          if (idx.types[i].indexOf(typed) === 0) options.push('<option value="' + esc(idx.types[i]) + '">');
        }
      }
      list.innerHTML = options.join("");
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (input.value.trim()) render(input.value.trim(), "");
    });
    // The index is read when the explorer comes near the screen (a long text's index is large:
    // reading it at load would hold up the page), or at the first use of a control.
    function start() {
      if (box.dataset.sgStarted) return;
      box.dataset.sgStarted = "1";
      var first = get().data.key[0];
      if (first) render(first[0], first[1]);
    }
    if ("IntersectionObserver" in window) {
      var watch = new IntersectionObserver(function (seen) {
        if (seen.some(function (e) { return e.isIntersecting; })) { watch.disconnect(); start(); }
      }, { rootMargin: "400px" });
      watch.observe(box);
    } else {
      start();
    }
    box.addEventListener("focusin", start);
  }

  function init() {
    document.querySelectorAll(".studyguide-switcher.sg-static").forEach(initSwitcher);
    fromAddress();
    window.addEventListener("hashchange", fromAddress);
    document.querySelectorAll(".timeline-explorer").forEach(initTimeline);
    document.querySelectorAll(".sg-words").forEach(initWords);
    document.querySelectorAll("table.kwic").forEach(initKwic);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
