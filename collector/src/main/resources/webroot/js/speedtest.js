// The in-browser speed test, in LibreSpeed's manner: ping = median of small requests, jitter =
// mean absolute difference of consecutive pings, then several parallel streams per direction.
"use strict";
window.SpeedTest = (function () {
  const BASE = "/api/v1/speedtest";
  const STREAMS = 4;

  function fail(response) {
    const err = new Error("HTTP " + response.status);
    err.status = response.status;
    err.retryAfter = response.headers.get("Retry-After");
    return err;
  }

  async function ping(count) {
    const times = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const r = await fetch(BASE + "/ping?n=" + Math.random(), { cache: "no-store" });
      if (!r.ok) throw fail(r);
      await r.text();
      times.push(performance.now() - start);
    }
    // The first request also opens the connection: it is not a ping.
    const kept = times.length > 2 ? times.slice(1) : times;
    const sorted = kept.slice().sort(function (a, b) { return a - b; });
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    let diff = 0;
    for (let i = 1; i < kept.length; i++) diff += Math.abs(kept[i] - kept[i - 1]);
    return { latencyMs: median, jitterMs: kept.length > 1 ? diff / (kept.length - 1) : 0 };
  }

  // Counts bytes moved by all streams; speed is taken after a short grace period (TCP ramp-up).
  function meter(seconds, onTick) {
    const started = performance.now();
    const grace = Math.min(1500, seconds * 200);
    let bytes = 0, graceBytes = -1;
    return {
      add: function (n) {
        bytes += n;
        const ms = performance.now() - started;
        if (graceBytes < 0 && ms >= grace) graceBytes = bytes;
        onTick(Math.min(1, ms / (seconds * 1000)), this.mbps());
      },
      done: function () { return performance.now() - started >= seconds * 1000; },
      mbps: function () {
        const ms = performance.now() - started;
        const counted = graceBytes < 0 ? bytes : bytes - graceBytes;
        const span = graceBytes < 0 ? ms : ms - grace;
        return span > 0 ? (counted * 8) / (span * 1000) : 0;
      }
    };
  }

  async function downloadStream(m, controller) {
    let size = 1 << 20;
    while (!m.done()) {
      const began = performance.now();
      const r = await fetch(BASE + "/download?bytes=" + size + "&n=" + Math.random(),
        { cache: "no-store", signal: controller.signal });
      if (!r.ok) throw fail(r);
      const reader = r.body.getReader();
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        m.add(chunk.value.length);
        if (m.done()) { controller.abort(); return; }
      }
      // Fast links finish small requests too quickly to measure: ask for more next time.
      if (performance.now() - began < 1000) size = Math.min(size * 4, 100 << 20);
    }
  }

  function uploadOnce(blob, m) {
    return new Promise(function (resolve, reject) {
      const xhr = new XMLHttpRequest();
      let sent = 0;
      const timer = setInterval(function () { if (m.done()) { xhr.abort(); } }, 100);
      xhr.upload.onprogress = function (e) { m.add(e.loaded - sent); sent = e.loaded; };
      xhr.onload = function () {
        clearInterval(timer);
        if (xhr.status >= 200 && xhr.status < 300) { m.add(blob.size - sent); resolve(); return; }
        const err = new Error("HTTP " + xhr.status);
        err.status = xhr.status;
        err.retryAfter = xhr.getResponseHeader("Retry-After");
        reject(err);
      };
      xhr.onerror = function () { clearInterval(timer); reject(new TypeError("network")); };
      xhr.onabort = function () { clearInterval(timer); resolve(); };
      xhr.open("POST", BASE + "/upload?n=" + Math.random());
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.send(blob);
    });
  }

  function randomBlob(size) {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    return new Blob([bytes]);
  }

  async function uploadStream(m, blobs) {
    let level = 0;
    while (!m.done()) {
      const began = performance.now();
      await uploadOnce(blobs[level], m);
      if (performance.now() - began < 1000 && level < blobs.length - 1) level++;
    }
  }

  async function direction(seconds, onTick, stream) {
    const m = meter(seconds, onTick);
    const runs = [];
    for (let i = 0; i < STREAMS; i++) runs.push(stream(m));
    try {
      await Promise.all(runs);
    } catch (e) {
      if (e.name !== "AbortError") throw e;
    }
    return m.mbps();
  }

  /** Runs ping, download, upload; onPhase(name), onTick(fraction, mbps) report progress. */
  async function run(seconds, onPhase, onTick) {
    onPhase("ping");
    const p = await ping(10);
    onPhase("download");
    const controller = new AbortController();
    const down = await direction(seconds, onTick, function (m) { return downloadStream(m, controller); });
    onPhase("upload");
    const blobs = [randomBlob(256 << 10), randomBlob(1 << 20), randomBlob(4 << 20), randomBlob(16 << 20)];
    const up = await direction(seconds, onTick, function (m) { return uploadStream(m, blobs); });
    return { downloadMbps: down, uploadMbps: up, latencyMs: p.latencyMs, jitterMs: p.jitterMs };
  }

  return { run: run };
})();
