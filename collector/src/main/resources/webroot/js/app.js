// The resident page: run or type a result, describe the connection and place, submit, receipt.
"use strict";
(function () {
  const t = function (k, v) { return window.I18N.t(k, v); };
  const $ = function (id) { return document.getElementById(id); };
  const FIELDS = ["downloadMbps", "uploadMbps", "latencyMs", "jitterMs", "measuredAt", "operator",
    "accessType", "planDownloadMbps", "tdpCode"];
  const params = new URLSearchParams(location.search);
  // Tests shorten the run with ?duration=2; people get ~10 s per direction.
  const SECONDS = Math.max(1, Math.min(15, Number(params.get("duration")) || 10));
  let position = null;
  let tested = false;
  let receipt = null;

  // crypto.randomUUID exists only on https pages; a ward server reached over plain http on the
  // local network still needs a random version-4 id.
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, function (x) { return x.toString(16).padStart(2, "0"); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function mode() { return $("mode-manual").checked ? "manual" : "browser"; }

  function showMode() {
    const manual = mode() === "manual";
    $("runner").hidden = manual;
    document.querySelectorAll(".manual-only").forEach(function (el) { el.hidden = !manual; });
    ["downloadMbps", "uploadMbps", "latencyMs", "jitterMs"].forEach(function (id) {
      $(id).readOnly = !manual;
    });
    if (manual && !$("measuredAt").value) $("measuredAt").value = localNow();
  }

  function localNow() {
    const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
    return d.toISOString().slice(0, 16);
  }

  function showPlan() {
    const a = $("accessType").value;
    $("plan-field").hidden = !(a === "FIXED_FIBER" || a === "FIXED_OTHER");
  }

  function notice(text) {
    $("notice").textContent = text || "";
    $("notice").hidden = !text;
  }

  function clearErrors() {
    FIELDS.forEach(function (f) { $(f + "-err").textContent = ""; $(f).classList.remove("invalid"); $(f).removeAttribute("aria-invalid"); });
    $("form-err").textContent = "";
  }

  function fieldError(field, text) {
    const el = field === "form" ? null : $(field + "-err");
    if (!el || el.closest("[hidden]")) { $("form-err").textContent += text + " "; return; }
    el.textContent = text;
    $(field).classList.add("invalid");
    $(field).setAttribute("aria-invalid", "true");
    $(field).setAttribute("aria-describedby", field + "-err");
  }

  function retrySeconds(header) { return Math.max(1, parseInt(header || "30", 10) || 30); }

  function explain(status, retryAfter, problem) {
    if (status === 0) return t("offline");
    if (status === 429) return t("rateLimited", { s: retrySeconds(retryAfter) });
    if (status === 503) return t("unavailable", { s: retrySeconds(retryAfter) });
    if (status === 422) return t("invalid");
    const detail = problem && (window.I18N.lang() === "en" ? problem.detailEn : problem.detail);
    return t("server") + (detail || ("HTTP " + status));
  }

  async function runTest() {
    clearErrors();
    notice("");
    $("start").disabled = true;
    $("live").hidden = false;
    $("live-value").parentElement.hidden = false;
    const names = { ping: "phasePing", download: "phaseDown", upload: "phaseUp" };
    try {
      const r = await window.SpeedTest.run(SECONDS, function (phase) {
        $("phase").textContent = t(names[phase]);
        $("progress").value = 0;
        $("live-value").textContent = "0";
      }, function (fraction, mbps) {
        $("progress").value = Math.round(fraction * 100);
        $("live-value").textContent = mbps.toFixed(1);
      });
      $("downloadMbps").value = r.downloadMbps.toFixed(2);
      $("uploadMbps").value = r.uploadMbps.toFixed(2);
      $("latencyMs").value = r.latencyMs.toFixed(1);
      $("jitterMs").value = r.jitterMs.toFixed(1);
      $("phase").textContent = t("phaseDone");
      $("live-value").parentElement.hidden = true;
      $("progress").value = 100;
      tested = true;
    } catch (e) {
      const status = e instanceof TypeError ? 0 : e.status;
      notice(t("testFailed") + explain(status, e.retryAfter, null));
    } finally {
      $("start").disabled = false;
    }
  }

  function askPosition() {
    position = null;
    if (!$("consent").checked) { $("geo-status").textContent = ""; return; }
    if (!navigator.geolocation) { $("geo-status").textContent = t("geoFail"); return; }
    $("geo-status").textContent = t("geoAsking");
    navigator.geolocation.getCurrentPosition(function (p) {
      position = p.coords;
      $("geo-status").textContent = t("geoOk", { m: Math.round(p.coords.accuracy) });
    }, function () {
      $("geo-status").textContent = t("geoFail");
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }

  function number(id) {
    const v = $(id).value.trim();
    return v === "" ? undefined : Number(v);
  }

  function measurement() {
    const manual = mode() === "manual";
    const m = {
      id: uuid(),
      measuredAt: manual && $("measuredAt").value ? new Date($("measuredAt").value).toISOString() : new Date().toISOString(),
      downloadMbps: number("downloadMbps"), uploadMbps: number("uploadMbps"),
      latencyMs: number("latencyMs"), jitterMs: number("jitterMs"),
      operator: $("operator").value, accessType: $("accessType").value,
      client: manual ? "i-speed-manual" : "web"
    };
    if (!$("plan-field").hidden) m.planDownloadMbps = number("planDownloadMbps");
    if ($("tdpCode").value) m.tdpCode = $("tdpCode").value;
    if (position && $("consent").checked) {
      m.latitude = position.latitude; m.longitude = position.longitude;
      m.accuracyM = position.accuracy; m.consent = true;
    }
    if (!manual) m.server = location.host;
    return m;
  }

  function checkLocally(m) {
    let ok = true;
    ["downloadMbps", "uploadMbps", "latencyMs", "operator", "accessType"].forEach(function (f) {
      if (m[f] === undefined || m[f] === "") { fieldError(f, t("required")); ok = false; }
    });
    if (mode() === "browser" && !tested) { $("form-err").textContent = t("needTest"); ok = false; }
    if (!m.tdpCode && m.latitude === undefined) { fieldError("tdpCode", t("needPlace")); ok = false; }
    return ok;
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    notice("");
    const m = measurement();
    if (!checkLocally(m)) { focusFirstError(); return; }
    $("submit").disabled = true;
    $("submit").textContent = t("sending");
    try {
      const r = await fetch("/api/v1/measurements", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(m)
      });
      const body = await r.json().catch(function () { return null; });
      if (r.status === 202 && body && body.items && body.items[0].status === "accepted") {
        showReceipt(m, body.items[0].receipt);
        return;
      }
      notice(explain(r.status, r.headers.get("Retry-After"), body));
      if (r.status === 422 && body && body.errors) showProblemErrors(body.errors);
    } catch (e) {
      notice(explain(0));
    } finally {
      $("submit").disabled = false;
      $("submit").textContent = window.I18N.lang() === "en" ? "Send result" : "Gửi kết quả";
    }
  }

  function showProblemErrors(errors) {
    const en = window.I18N.lang() === "en";
    errors.forEach(function (e) {
      const field = (e.pointer || "").split("/").filter(Boolean).pop() || "";
      fieldError(FIELDS.indexOf(field) >= 0 ? field : "form", en ? e.messageEn : e.messageVi);
    });
    focusFirstError();
  }

  function focusFirstError() {
    const bad = document.querySelector(".invalid");
    if (bad) bad.focus();
  }

  function showReceipt(m, code) {
    receipt = code;
    $("form").hidden = true;
    $("receipt").hidden = false;
    $("r-download").textContent = m.downloadMbps + " Mbit/s";
    $("r-upload").textContent = m.uploadMbps + " Mbit/s";
    $("r-latency").textContent = m.latencyMs + " ms";
    $("receipt-code").textContent = code;
    $("erase-status").textContent = "";
    $("erase").disabled = false;
    $("receipt").focus();
    compare(m);
  }

  async function compare(m) {
    if (!m.tdpCode) { $("compare").textContent = t("compareNoTdp"); return; }
    const q = "?tdp=" + encodeURIComponent(m.tdpCode) + "&operator=" + encodeURIComponent(m.operator) +
      "&access=" + encodeURIComponent(m.accessType);
    try {
      const r = await fetch("/api/v1/compare" + q, { cache: "no-store" });
      const c = await r.json();
      if (!r.ok) { $("compare").textContent = t("compareErr"); return; }
      $("compare").textContent = c.enoughSamples
        ? t("compareOk", { m: c.downloadMedianMbps, n: c.sampleCount, y: m.downloadMbps })
        : t("compareNone");
    } catch (e) {
      $("compare").textContent = t("compareErr");
    }
  }

  async function erase() {
    $("erase").disabled = true;
    try {
      const r = await fetch("/api/v1/measurements/" + encodeURIComponent(receipt), { method: "DELETE" });
      const body = await r.json().catch(function () { return null; });
      if (r.status === 202) { $("erase-status").textContent = t("erased"); return; }
      $("erase-status").textContent = t("eraseFail") + explain(r.status, r.headers.get("Retry-After"), body);
    } catch (e) {
      $("erase-status").textContent = t("eraseFail") + explain(0);
    }
    $("erase").disabled = false;
  }

  function again() {
    $("receipt").hidden = true;
    $("form").hidden = false;
    tested = mode() === "manual" ? tested : false;
    $("live").hidden = true;
  }

  async function loadAreas() {
    try {
      const r = await fetch("/api/v1/areas");
      const body = await r.json();
      body.areas.forEach(function (a) {
        const o = document.createElement("option");
        o.value = a.code;
        o.textContent = a.name + " (" + a.code + ")";
        $("tdpCode").appendChild(o);
      });
    } catch (e) {
      notice(t("offline"));
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.I18N.init();
    $("mode-browser").addEventListener("change", showMode);
    $("mode-manual").addEventListener("change", showMode);
    $("accessType").addEventListener("change", showPlan);
    $("consent").addEventListener("change", askPosition);
    $("start").addEventListener("click", runTest);
    $("form").addEventListener("submit", submit);
    $("erase").addEventListener("click", erase);
    $("again").addEventListener("click", again);
    showMode();
    showPlan();
    loadAreas();
  });
})();
