// bouncelens web page: plain DOM, no framework, nothing loaded from elsewhere.
// Text that came from a bounce is only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var I18N = window.BL_I18N;
  var state = { lang: pickLang(), view: "diagnose", last: null, supCursor: null, refSection: null };

  function pickLang() {
    var saved = null;
    try { saved = localStorage.getItem("bouncelens.lang"); } catch (e) { /* private mode */ }
    if (saved && I18N[saved]) return saved;
    var nav = (navigator.language || "en").toLowerCase();
    if (nav.indexOf("zh-tw") === 0 || nav.indexOf("zh-hk") === 0 || nav.indexOf("zh-hant") === 0) return "zh-TW";
    if (nav.indexOf("zh") === 0) return "zh-CN";
    return "en";
  }
  function t(key) { var v = I18N[state.lang][key]; return v === undefined ? I18N.en[key] : v; }
  function tMap(map, key) { var m = t(map); return (m && m[key]) || key; }
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // ---- language ----
  function applyLang() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach(function (n) { n.textContent = t(n.getAttribute("data-i18n")); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (n) { n.placeholder = t(n.getAttribute("data-i18n-placeholder")); });
    document.querySelectorAll(".lang").forEach(function (b) { b.classList.toggle("active", b.getAttribute("data-lang") === state.lang); });
  }
  document.querySelectorAll(".lang").forEach(function (b) {
    b.addEventListener("click", function () {
      state.lang = b.getAttribute("data-lang");
      try { localStorage.setItem("bouncelens.lang", state.lang); } catch (e) { /* ignore */ }
      applyLang();
      if (state.last) runDiagnosis(state.last); // explanations come from the server in the new language
      if (state.view === "reference") loadReference();
      if (state.view === "dashboard") loadDashboard();
      if (state.view === "suppressions") loadSuppressions(true);
    });
  });

  // A server with a token answers the stored views only with it: show them as soon as it is given.
  $("token").addEventListener("change", function () {
    if (state.view === "dashboard") loadDashboard();
    if (state.view === "suppressions") loadSuppressions(true);
  });

  // ---- views ----
  // The view is in the address (#dashboard, #suppressions): a bookmark or a reload opens it again,
  // and Back goes to the view before.
  document.querySelectorAll(".tab").forEach(function (b) {
    b.addEventListener("click", function () {
      var view = b.getAttribute("data-view");
      if (location.hash === "#" + view) show(view); else location.hash = view;
    });
  });
  function viewInAddress() {
    var view = location.hash.slice(1).split("/")[0]; // #reference/netease: the view, then what it shows
    return /^[a-z]+$/.test(view) && document.querySelector(".tab[data-view='" + view + "']") ? view : "diagnose";
  }
  window.addEventListener("hashchange", function () { show(viewInAddress()); });
  function show(view) {
    state.view = view;
    document.querySelectorAll(".tab").forEach(function (b) {
      var active = b.getAttribute("data-view") === view;
      b.classList.toggle("active", active);
      b.setAttribute("aria-selected", active ? "true" : "false"); // what a screen reader says of the tab
    });
    document.querySelectorAll(".view").forEach(function (s) { s.classList.toggle("active", s.id === "view-" + view); });
    if (view === "dashboard") loadDashboard();
    if (view === "suppressions") loadSuppressions(true);
    if (view === "reference") loadReference();
  }

  // ---- API ----
  function api(method, path, body, contentType) {
    var headers = {};
    if (contentType) headers["Content-Type"] = contentType;
    var token = $("token").value;
    if (token) headers["Authorization"] = "Bearer " + token;
    return fetch(path, { method: method, headers: headers, body: body }).then(function (r) {
      if (r.status === 204) return null;
      if (r.status === 401) throw new Error(t("needToken"));
      return r.json().catch(function () { return { error: "HTTP " + r.status }; }).then(function (j) {
        if (!r.ok) throw new Error(j && j.error ? j.error : "HTTP " + r.status);
        return j;
      });
    });
  }

  // ---- diagnose ----
  // A pasted text is a whole message when it starts with a header line and has a blank line after
  // the headers; otherwise it is a reply line.
  function looksLikeMessage(text) {
    var firstLine = text.split("\n", 1)[0];
    var colon = firstLine.indexOf(":");
    if (colon <= 0 || firstLine.charAt(colon - 1) === " ") return false;
    for (var i = 0; i < colon; i++) {
      var c = firstLine.charCodeAt(i);
      var ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
      if (!ok) return false;
    }
    return /\r?\n\r?\n/.test(text);
  }

  // Lines of a mail server's log: a Postfix or Sendmail delivery line ("postfix/smtp[12]: 4AB:
  // to=<...>, ..., status=bounced (...)"), or an Exim main log line ("2026-12-06 10:00:05
  // 1vQmZc-0003Ab-7x ** a@b ..."). Plain searches and an anchored pattern whose repeated parts
  // cannot overlap, so a long pasted line costs one pass.
  var EXIM_DELIVERY = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.\d]* (?:[+-]\d{4} )?(?:\[\d+\] )?\w+-\w+-\w+ (?:\*\*|==|=>|->) /;
  function isSyslogDelivery(line) {
    return ((line.indexOf("postfix") >= 0 || line.indexOf("sendmail[") >= 0 || line.indexOf("sm-mta[") >= 0)
      && line.indexOf(": to=") > 0
      && (line.indexOf(", status=") > 0 || line.indexOf(", stat=") > 0))
      // OpenSMTPD: "smtpd[12]: 5df8 mta delivery evpid=... result="PermFail" stat="...""
      || (line.indexOf("smtpd") >= 0 && line.indexOf(" delivery evpid=") > 0 && line.indexOf(" result=\"") > 0);
  }
  // A log whose head names its columns: PowerMTA's accounting file ("type,...,rcpt,...") or
  // Exchange's message tracking log ("#Fields: date-time,...,event-id,...,recipient-address,...").
  function isCsvLogHeader(line) {
    var l = line.charAt(0) === "\uFEFF" ? line.substring(1) : line;
    return (l.indexOf("type,") === 0 && l.indexOf(",rcpt") > 0)
      || (l.indexOf("#Fields: ") === 0 && l.indexOf("event-id") > 0 && l.indexOf("recipient-address") > 0);
  }
  // qmail-send's result line: "delivery 77: failure: ..." (or deferral, success)
  var QMAIL_RESULT = / delivery \d+: (?:failure|deferral|success): /;
  function looksLikeLog(text) {
    return text.split(/\r?\n|\r/).some(function (line) {
      return line.length < 65536 && (isSyslogDelivery(line) || EXIM_DELIVERY.test(line) || isCsvLogHeader(line)
        || QMAIL_RESULT.test(line));
    });
  }

  // A sending service's webhook JSON (SES through SNS, SendGrid, Mailgun, Postmark, SparkPost): one event,
  // an array of them, or one per line. A bounce or a reply never starts with a brace or bracket.
  function looksLikeEvents(text) {
    var t = text.trim();
    return (t.charAt(0) === "{" || t.charAt(0) === "[") && t.indexOf("\"") > 0;
  }

  function runDiagnosis(input) {
    state.last = input;
    var lang = "?lang=" + encodeURIComponent(state.lang);
    var q = "/api/v1/diagnose" + lang;
    setStatus(t("working"), false);
    var call = input.kind === "message"
      ? api("POST", q, input.body, "message/rfc822").then(function (j) { return j.results; })
      : input.kind === "log"
      ? api("POST", "/api/v1/logs" + lang, input.body, "text/plain; charset=utf-8").then(function (j) { return j.results; })
      : input.kind === "event"
      ? api("POST", "/api/v1/events" + lang, input.body, "application/json").then(function (j) { return j.results; })
      : api("POST", q, JSON.stringify({ reply: input.body }), "application/json").then(function (r) { return [r]; });
    call.then(function (records) {
      setStatus("", false);
      renderCards(records, input.kind);
    }).catch(function (e) { setStatus(e.message, true); });
  }

  function setStatus(text, isError) {
    var s = $("status");
    s.textContent = text;
    s.classList.toggle("error", !!isError);
  }

  function renderCards(records, kind) {
    var box = $("cards");
    box.textContent = "";
    if (!records || records.length === 0) {
      box.appendChild(el("p", "hint", t(kind === "log" ? "noLogRecords" : kind === "event" ? "noEventRecords" : "noRecords")));
      return;
    }
    records.forEach(function (r) { box.appendChild(card(r, kind)); });
  }

  function card(r, kind) {
    var c = el("article", "card " + (r.hardBounce ? "hard" : "soft"));
    var head = el("header", "card-head");
    head.appendChild(el("span", "who", r.recipient ? r.recipient : t("reply")));
    var reason = el("span", "badge reason", tMap("reason", r.reason));
    reason.title = r.reason;
    reason.setAttribute("data-reason", r.reason);
    head.appendChild(reason);
    head.appendChild(el("span", "badge " + (r.hardBounce ? "hard" : "soft"), r.hardBounce ? t("hard") : t("soft")));
    c.appendChild(head);

    var facts = el("dl", "facts");
    function fact(label, value) {
      if (value === undefined || value === null || value === "") return;
      facts.appendChild(el("dt", null, label));
      facts.appendChild(el("dd", null, value));
    }
    if (kind === "log") fact(t("logLine"), String(r.message));
    if (kind === "event") fact(t("eventNumber"), String(r.message));
    if (r.actor) fact(t("whoActs"), tMap("actor", r.actor));
    if (r.retry) fact(t("retry"), tMap("retryWord", r.retry));
    // A pseudo code (X.0.9nn) stands in for a status the server did not give: say so.
    var pseudo = /^[45]\.0\.9\d\d$/.test(r.status || "");
    fact(t("status"), [r.replyCode, r.status, pseudo ? t("pseudoStatus") : null].filter(Boolean).join(" "));
    fact(t("provider"), [r.provider, r.providerCode].filter(Boolean).join(" "));
    if (r.provider) {
      // the provider by the name a reader of this language knows it (网易邮箱, not netease), once known
      var dd = facts.lastChild;
      var shown = dd.firstChild;
      var lang = state.lang;
      providerNames(lang).then(function (names) {
        if (names[r.provider] && state.lang === lang) {
          shown.textContent = [names[r.provider], r.providerCode].filter(Boolean).join(" · ");
          dd.title = r.provider;
        }
      }).catch(function () { /* the id stays: it names the provider too */ });
      // the provider's other codes, as its help page would list them
      var all = el("a", "provider-codes", t("providerCodes"));
      all.href = "#reference/" + encodeURIComponent(r.provider);
      dd.appendChild(document.createTextNode(" "));
      dd.appendChild(all);
    }
    fact(t("remoteHost"), r.remoteHost);
    // the server's own words, as the terminal quotes them; a pasted reply is itself that already,
    // and a complaint's or an auto-reply's text is no server's answer
    if (kind !== "reply" && r.reason !== "feedback" && r.reason !== "vacation" && r.diagnosticCode) {
      fact(t("serverSaid"), quotedReply(r.diagnosticCode));
    }
    c.appendChild(facts);

    if (r.explanation) {
      c.appendChild(el("h3", null, t("explanation")));
      c.appendChild(el("p", "explanation", r.explanation));
    }
    if (r.fix) {
      c.appendChild(el("h3", null, t("fix")));
      c.appendChild(el("p", "fix", r.fix));
    }
    if (r.diagnosticCode || r.evidence) {
      var d = el("details", "raw");
      d.appendChild(el("summary", null, t("details")));
      if (r.diagnosticCode) d.appendChild(el("pre", null, r.diagnosticCode));
      if (r.evidence) d.appendChild(el("p", "evidence", r.evidence));
      c.appendChild(d);
    }
    return c;
  }

  // What the server itself answered (the terminal's "Server said", SmtpText.quotedReply): the
  // text from the first 4xx/5xx reply code that the report quotes after a colon, a quote, a
  // bracket or a transcript's arrow, without the report's words around it; else the whole text.
  function quotedReply(text) {
    var t = text.trim().replace(/^[\p{L}\p{N}_-]{1,16};\s*/u, "");
    var code = /(?<![\p{L}\p{N}_-])[45]\d\d(?![\p{L}\p{N}_.-])/gu;
    var m;
    while ((m = code.exec(t)) !== null) {
      var before = t.slice(0, m.index).replace(/ +$/, "");
      if (m.index > 0 && !/[:\uFF1A'"(\[\uFF08<]$|--$/.test(before)) continue;
      return untilClosed(t.slice(m.index).trim(), before.slice(-1));
    }
    return t;
  }
  function untilClosed(reply, open) {
    var close = { "(": ")", "[": "]", "\uFF08": "\uFF09", "'": "'", '"': '"' }[open];
    if (!close) return reply;
    if (close === open) return reply.length > 1 && reply.slice(-1) === close ? reply.slice(0, -1).trim() : reply;
    var depth = 0;
    for (var i = 0; i < reply.length; i++) {
      if (reply[i] === open) depth++;
      else if (reply[i] === close && depth-- === 0) return reply.slice(0, i).trim();
    }
    return reply;
  }

  $("diagnose").addEventListener("click", function () {
    var text = $("input").value;
    if (!text.trim()) { setStatus(t("emptyInput"), true); return; }
    var kind = looksLikeMessage(text) ? "message" : looksLikeEvents(text) ? "event" : looksLikeLog(text) ? "log" : "reply";
    runDiagnosis({ kind: kind, body: kind === "reply" ? text.trim() : text });
  });
  $("clear").addEventListener("click", function () {
    $("input").value = ""; $("cards").textContent = ""; state.last = null; setStatus("", false);
  });
  // The file's start as text, to show: UTF-8, else GBK or Big5 (a log saved on a Chinese or a
  // Taiwanese Windows machine), chosen as the server chooses for the bytes it gets: text whose
  // double-byte pairs all lie where GB2312 puts its characters is GBK; Big5's everyday characters
  // fall outside (lead bytes 0xA4-0xAF, second bytes below 0xA1). Decoded as a stream, so a
  // character cut at the end of the slice is no error.
  function previewText(buffer) {
    var bytes = new Uint8Array(buffer);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    } catch (e) {
      if (!fitsGb2312(bytes)) {
        try {
          return new TextDecoder("big5", { fatal: true }).decode(bytes, { stream: true });
        } catch (notBig5) { /* GBK's wider range, then */ }
      }
      return new TextDecoder("gb18030").decode(bytes, { stream: true });
    }
  }
  function fitsGb2312(bytes) {
    for (var i = 0; i < bytes.length; i++) {
      var lead = bytes[i];
      if (lead < 0x80) continue;
      if (i + 1 === bytes.length) break; // a pair cut at the end says nothing
      var trail = bytes[++i];
      if (lead < 0xA1 || lead > 0xF7 || (lead >= 0xAA && lead <= 0xAF) || trail < 0xA1 || trail > 0xFE) return false;
    }
    return true;
  }
  // A file is a message unless its start says it is a sending service's JSON events or a mail
  // server's log (a message's header lines never start with "{", "#Fields:" or a log's date).
  function readFile(file) {
    if (!file) return;
    file.arrayBuffer().then(function (buf) {
      // Show the start of the file so people see what they dropped; send its exact bytes.
      var head = previewText(buf.slice(0, 200000));
      $("input").value = head;
      var kind = looksLikeEvents(head) ? "event" : !looksLikeMessage(head) && looksLikeLog(head) ? "log" : "message";
      runDiagnosis({ kind: kind, body: buf });
    });
  }
  $("file").addEventListener("change", function (e) { readFile(e.target.files[0]); });
  var drop = $("drop");
  drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files && e.dataTransfer.files.length) readFile(e.dataTransfer.files[0]);
  });

  // ---- dashboard ----
  var PALETTE = ["#2f6fdf", "#e0533d", "#2a9d6f", "#d89b13", "#8a56d6", "#1aa3b8", "#c2477f", "#6b7b8c", "#7fa82a", "#b8642a"];

  function loadDashboard() {
    // providers by the names a reader of this language knows (网易邮箱, not netease), once the
    // reference has said them; their ids otherwise, which name them too
    var lang = state.lang;
    providerNames(lang).catch(function () { return {}; }).then(function (names) {
      if (state.lang !== lang) return; // the language changed meanwhile: its own load draws
      state.providerNames = names;
      loadDashboardData();
    });
  }
  function loadDashboardData() {
    var days = parseInt($("period").value, 10);
    var since = new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
    var split = $("split").value;
    api("GET", "/api/v1/stats?by=day&split=" + split + "&since=" + since).then(function (j) { drawChart(j.series, split, since, days); })
      .catch(function (e) { $("chart").textContent = e.message; });
    api("GET", "/api/v1/stats?by=reason&since=" + since).then(function (j) { countTable($("reasons"), j.counts, "reason"); });
    api("GET", "/api/v1/stats?by=provider&since=" + since).then(function (j) { countTable($("providers"), j.counts, "provider"); });
    api("GET", "/api/v1/stats?by=remoteHost&since=" + since).then(function (j) { countTable($("hosts"), j.counts, null); });
    api("GET", "/api/v1/alerts?lang=" + encodeURIComponent(state.lang) + "&since=" + since).then(function (j) { renderAlerts(j.alerts); });
  }
  $("period").addEventListener("change", loadDashboard);
  $("split").addEventListener("change", loadDashboard);

  function keyLabel(key, kind) {
    if (key === null || key === undefined || key === "") return t("unknownProvider");
    if (kind === "provider") return (state.providerNames && state.providerNames[key]) || key;
    return kind === "reason" ? tMap("reason", key) : key;
  }

  function countTable(table, counts, kind) {
    table.textContent = "";
    if (!counts || counts.length === 0) { var r0 = table.insertRow(); r0.insertCell().textContent = t("noData"); return; }
    var max = counts[0].count;
    counts.slice(0, 12).forEach(function (c) {
      var row = table.insertRow();
      var name = row.insertCell();
      name.textContent = keyLabel(c.key, kind);
      if (kind === "reason" || kind === "provider") name.title = c.key || "";
      if (kind === "reason" || kind === "provider") linkToReference(name, c.key);
      var bar = row.insertCell();
      var fill = el("span", "bar");
      fill.style.width = Math.max(2, Math.round(100 * c.count / max)) + "%";
      bar.appendChild(fill);
      row.insertCell().textContent = c.count;
    });
  }

  // A reason or provider the dashboard counts links to what the reference says of it, when the
  // reference has a section of that name (a reason such as "feedback" has none).
  function linkToReference(cell, key) {
    referenceSections(state.lang).then(function (sections) {
      if (!key || !sections.some(function (s) { return s.id === key; })) return;
      var a = el("a", "reference-link", cell.textContent);
      a.href = "#reference/" + encodeURIComponent(key);
      cell.textContent = "";
      cell.appendChild(a);
    }).catch(function () { /* no link: the name stays as text */ });
  }

  function renderAlerts(alerts) {
    var list = $("alerts");
    list.textContent = "";
    if (!alerts || alerts.length === 0) { list.appendChild(el("li", "ok", t("noAlerts"))); return; }
    alerts.forEach(function (a) {
      var li = el("li", "alert");
      var head = el("div", "alert-head");
      head.appendChild(el("strong", null, tMap("reason", a.reason)));
      if (a.provider) {
        var badge = el("span", "badge provider", keyLabel(a.provider, "provider"));
        badge.title = a.provider;
        head.appendChild(badge);
      }
      head.appendChild(el("span", "count", a.count + " " + t("times")));
      li.appendChild(head);
      if (a.latest && a.latest.diagnosticCode) li.appendChild(el("code", null, a.latest.diagnosticCode));
      if (a.latest && a.latest.fix) li.appendChild(el("p", "fix", a.latest.fix));
      li.appendChild(el("small", null, t("lastSeen") + " " + a.lastSeen.replace("T", " ").slice(0, 16)));
      list.appendChild(li);
    });
  }

  // A stacked bar per day, drawn as SVG elements (no inline markup, so nothing from the data is parsed).
  function drawChart(series, split, since, days) {
    var box = $("chart");
    box.textContent = "";
    var NS = "http://www.w3.org/2000/svg";
    var dayList = [];
    var start = new Date(since + "T00:00:00Z").getTime();
    for (var i = 0; i <= days; i++) dayList.push(new Date(start + i * 86400000).toISOString().slice(0, 10));
    var totals = {}, perDay = {}, keyTotals = {};
    (series || []).forEach(function (s) {
      var k = s.key === null || s.key === undefined ? "" : s.key;
      perDay[s.day] = perDay[s.day] || {};
      perDay[s.day][k] = (perDay[s.day][k] || 0) + s.count;
      totals[s.day] = (totals[s.day] || 0) + s.count;
      keyTotals[k] = (keyTotals[k] || 0) + s.count;
    });
    var keys = Object.keys(keyTotals).sort(function (a, b) { return keyTotals[b] - keyTotals[a]; });
    var max = 0;
    dayList.forEach(function (d) { max = Math.max(max, totals[d] || 0); });
    var W = 900, H = 240, L = 40, B = 24, T = 10;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("role", "img");
    svg.setAttribute("class", "chart-svg");
    function add(tag, attrs, text) {
      var n = document.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (a) { n.setAttribute(a, attrs[a]); });
      if (text !== undefined) n.textContent = text;
      svg.appendChild(n);
      return n;
    }
    var plotW = W - L - 10, plotH = H - B - T;
    var step = plotW / dayList.length;
    // Whole-number gridlines: counts are integers, so the axis should be too.
    var tick = Math.max(1, Math.ceil(max / 4));
    var top = tick * 4;
    var scale = plotH / top;
    for (var g = 0; g <= 4; g++) {
      var y = T + plotH - g * plotH / 4;
      add("line", { x1: L, x2: W - 10, y1: y, y2: y, "class": "grid" });
      add("text", { x: L - 6, y: y + 4, "class": "axis", "text-anchor": "end" }, String(g * tick));
    }
    dayList.forEach(function (d, idx) {
      var x = L + idx * step + step * 0.15;
      var yTop = T + plotH;
      keys.forEach(function (k, ki) {
        var n = (perDay[d] && perDay[d][k]) || 0;
        if (!n) return;
        var h = n * scale;
        yTop -= h;
        var rect = add("rect", { x: x, y: yTop, width: Math.max(1, step * 0.7), height: h, fill: PALETTE[ki % PALETTE.length] });
        var title = document.createElementNS(NS, "title");
        title.textContent = d + " " + keyLabel(k, split) + ": " + n;
        rect.appendChild(title);
      });
      if (dayList.length <= 10 || idx % Math.ceil(dayList.length / 8) === 0) {
        add("text", { x: L + idx * step + step / 2, y: H - 6, "class": "axis", "text-anchor": "middle" }, d.slice(5));
      }
    });
    box.appendChild(svg);
    var legend = el("div", "legend");
    if (keys.length === 0) legend.appendChild(el("span", "hint", t("noData")));
    keys.forEach(function (k, ki) {
      var item = el("span", "legend-item");
      var sw = el("span", "swatch");
      sw.style.background = PALETTE[ki % PALETTE.length];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(keyLabel(k, split) + " (" + keyTotals[k] + ")"));
      legend.appendChild(item);
    });
    box.appendChild(legend);
  }

  // ---- suppression list ----
  var supRequest = 0;
  function loadSuppressions(reset) {
    // Only the latest request may draw: a slow answer to an older search must not add its rows.
    var mine = ++supRequest;
    if (reset) { state.supCursor = null; }
    var q = $("search").value.trim();
    var path = "/api/v1/suppressions?limit=50" + (q ? "&q=" + encodeURIComponent(q) : "")
      + (state.supCursor ? "&cursor=" + encodeURIComponent(state.supCursor) : "");
    api("GET", path).then(function (j) {
      if (mine !== supRequest) return;
      $("sup-status").textContent = "";
      var body = $("suppressions").tBodies[0];
      if (reset) body.textContent = "";
      if (reset && j.results.length === 0) {
        var r0 = body.insertRow();
        var cell = r0.insertCell();
        cell.colSpan = 5;
        cell.textContent = t("emptyList");
      }
      j.results.forEach(function (s) { body.appendChild(supRow(s)); });
      state.supCursor = j.nextCursor || null;
      $("more").hidden = !state.supCursor;
    }).catch(function (e) {
      if (mine !== supRequest) return;
      $("suppressions").tBodies[0].textContent = "";
      $("sup-status").textContent = e.message;
    });
  }
  function supRow(s) {
    var tr = document.createElement("tr");
    tr.appendChild(el("td", "addr", s.address));
    var reason = el("td", null, s.reason === "manual" ? "—" : tMap("reason", s.reason));
    tr.appendChild(reason);
    tr.appendChild(el("td", null, tMap("source", s.source) + (s.note ? " · " + s.note : "")));
    tr.appendChild(el("td", null, s.since.replace("T", " ").slice(0, 16)));
    var cell = el("td");
    var b = el("button", "remove", t("remove"));
    b.type = "button";
    b.addEventListener("click", function () {
      api("DELETE", "/api/v1/suppressions/" + encodeURIComponent(s.address)).then(function () { tr.remove(); })
        .catch(function (e) { alert(e.message); });
    });
    cell.appendChild(b);
    tr.appendChild(cell);
    return tr;
  }
  var searchTimer = null;
  $("search").addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { loadSuppressions(true); }, 250);
  });
  $("more").addEventListener("click", function () { loadSuppressions(false); });
  $("add-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var body = JSON.stringify({ address: $("add-address").value, note: $("add-note").value || undefined });
    api("POST", "/api/v1/suppressions", body, "application/json").then(function () {
      $("add-address").value = ""; $("add-note").value = "";
      loadSuppressions(true);
    }).catch(function (err) { alert(err.message); });
  });

  // The list leaves and enters as the CSV the API speaks (GET ?format=csv, POST text/csv); the
  // export goes through fetch so that the token travels in its header, not in a link.
  $("export-csv").addEventListener("click", function () {
    var headers = {};
    var token = $("token").value;
    if (token) headers["Authorization"] = "Bearer " + token;
    var q = $("search").value.trim();
    fetch("/api/v1/suppressions?format=csv" + (q ? "&q=" + encodeURIComponent(q) : ""), { headers: headers })
      .then(function (r) {
        if (r.status === 401) throw new Error(t("needToken"));
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.blob();
      }).then(function (blob) {
        // The download is for a person, who opens it in a spreadsheet: the byte order mark makes
        // Excel read it as UTF-8, so notes in Chinese stay readable (the API's CSV has none).
        var marked = new Blob(["\uFEFF", blob], { type: "text/csv;charset=utf-8" });
        var a = document.createElement("a");
        a.href = URL.createObjectURL(marked);
        a.download = "suppressions.csv";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
        $("sup-status").textContent = "";
      }).catch(function (e) { $("sup-status").textContent = e.message; });
  });
  $("import-csv").addEventListener("change", function (e) {
    var file = e.target.files[0];
    e.target.value = ""; // the same file may be chosen again
    if (!file) return;
    $("sup-note").textContent = "";
    // the file's bytes as they are: Excel on a Chinese Windows saves its CSV in GBK, and the server
    // reads each line in the charset it is in
    file.arrayBuffer().then(function (bytes) {
      return api("POST", "/api/v1/suppressions", bytes, "text/csv");
    }).then(function (j) {
      loadSuppressions(true);
      $("sup-note").textContent = t("imported").replace("{added}", j.added)
        .replace("{already}", j.alreadySuppressed).replace("{rejected}", j.rejectedLines);
    }).catch(function (err) { $("sup-status").textContent = err.message; });
  });

  // The reference's section list, asked once per language (a failed request is asked again):
  // the dashboard's links and the cards' provider names come from it.
  var sectionRequests = {};
  function referenceSections(lang) {
    if (!sectionRequests[lang]) {
      sectionRequests[lang] = api("GET", "/api/v1/reference?lang=" + encodeURIComponent(lang)).then(function (j) {
        return j.sections;
      });
      sectionRequests[lang].catch(function () { delete sectionRequests[lang]; });
    }
    return sectionRequests[lang];
  }
  function providerNames(lang) {
    return referenceSections(lang).then(function (sections) {
      var names = {};
      sections.forEach(function (s) { if (s.kind === "provider") names[s.id] = s.name; });
      return names;
    });
  }

  // ---- bounce codes: the knowledge base read as a reference, one section at a time ----
  // The section is in the address too (#reference/netease), so a link can point at one provider's codes.
  function refSectionInAddress() {
    var m = /^#reference\/([a-z0-9-]+)$/.exec(location.hash);
    return m ? m[1] : null;
  }
  function loadReference() {
    referenceSections(state.lang).then(function (sections) {
      var select = $("ref-section");
      select.textContent = "";
      var groups = {};
      state.refNames = {};
      sections.forEach(function (s) {
        state.refNames[s.id] = s.name;
        var group = groups[s.kind];
        if (!group) {
          group = groups[s.kind] = document.createElement("optgroup");
          group.label = tMap("refKind", s.kind);
          select.appendChild(group);
        }
        var option = el("option", null, s.name + " (" + s.replies + ")");
        option.value = s.id;
        group.appendChild(option);
      });
      var wanted = refSectionInAddress() || state.refSection;
      if (wanted && sections.some(function (s) { return s.id === wanted; })) select.value = wanted;
      if (select.value) loadReferenceSection(select.value);
    }).catch(function (e) { $("ref-status").textContent = e.message; });
  }
  function loadReferenceSection(id) {
    state.refSection = id;
    var lang = state.lang;
    api("GET", "/api/v1/reference/" + encodeURIComponent(id) + "?lang=" + encodeURIComponent(lang)).then(function (j) {
      if (state.refSection !== id || state.lang !== lang) return; // another section or language was asked for since
      var body = $("ref-table").querySelector("tbody");
      body.textContent = "";
      j.replies.forEach(function (r) {
        var row = el("tr");
        var reply = el("td", "reply", r.diagnosticCode);
        // A reason's section gathers every provider's replies: say whose each one is.
        if (j.kind === "reason" && r.provider) reply.appendChild(el("div", "ref-provider", state.refNames[r.provider] || r.provider));
        row.appendChild(reply);
        var verdict = el("td", "verdict");
        var reason = el("span", "badge reason", tMap("reason", r.reason));
        reason.title = r.reason;
        reason.setAttribute("data-reason", r.reason);
        verdict.appendChild(reason);
        verdict.appendChild(el("span", "badge " + (r.hardBounce ? "hard" : "soft"), r.hardBounce ? t("hard") : t("soft")));
        verdict.appendChild(el("div", "who-acts", tMap("actor", r.actor)));
        row.appendChild(verdict);
        var meaning = el("td");
        meaning.appendChild(el("p", "explanation", r.explanation));
        meaning.appendChild(el("p", "fix", r.fix));
        row.appendChild(meaning);
        body.appendChild(row);
      });
      filterReference();
    }).catch(function (e) { $("ref-status").textContent = e.message; });
  }
  function filterReference() {
    var q = $("ref-filter").value.trim().toLowerCase();
    var shown = 0;
    $("ref-table").querySelectorAll("tbody tr").forEach(function (row) {
      row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) < 0;
      if (!row.hidden) shown++;
    });
    $("ref-status").textContent = shown ? "" : t("refNone");
  }
  $("ref-section").addEventListener("change", function () {
    history.replaceState(null, "", "#reference/" + $("ref-section").value);
    loadReferenceSection($("ref-section").value);
  });
  $("ref-filter").addEventListener("input", filterReference);

  applyLang();
  if (viewInAddress() !== "diagnose") show(viewInAddress());
})();
