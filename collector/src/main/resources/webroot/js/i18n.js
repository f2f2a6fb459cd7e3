// Vietnamese is written in the page itself; English comes from here. The choice is remembered.
"use strict";
window.I18N = (function () {
  const en = {
    title: "Internet speed test", lead: "Help Thủy Nguyên ward track Internet quality: test right on your phone or enter a result from i-Speed.",
    how: "How to test", modeBrowser: "Test now in the browser", modeManual: "Enter a result from i-Speed (VNNIC) or another app",
    runTitle: "Speed test", serverNote: "Results are measured to the ward's server, not to an international server.",
    start: "Start test", mbps: "Mbit/s", results: "Results", download: "Download (Mbit/s)", upload: "Upload (Mbit/s)",
    ping: "Latency / ping (ms)", jitter: "Jitter (ms)", time: "Time of the test", connection: "Your connection",
    operator: "Operator", choose: "— Choose —", otherOperator: "Other", access: "Access type",
    fiber: "Fibre (fixed line)", wifi: "Public Wi-Fi", plan: "Plan speed (Mbit/s, optional)", where: "Where",
    tdp: "Residential group (TDP)", consentLabel: "I agree to share my phone's location for this test",
    consentText: "The exact position is kept for 30 days; after that only the TDP and a ~100 m cell remain. Only the ward officials in charge can see it; public maps show only combined figures. Under Decree 13/2023/NĐ-CP you can erase your result at any time with the receipt code.",
    submit: "Send result", thanks: "Thank you! Your result was recorded", downloadShort: "Download", uploadShort: "Upload",
    pingShort: "Latency", receiptCode: "Receipt code", keepCode: "Keep this code to see or erase your result later.",
    compareTitle: "Compared with your TDP (last 30 days)", erase: "Erase my result", again: "Test again",
    footer: "People's Committee of Thủy Nguyên ward, Hải Phòng — the figures are used to ask operators to improve."
  };
  const dynamic = {
    vi: {
      phasePing: "Đang đo độ trễ…", phaseDown: "Đang đo tải xuống…", phaseUp: "Đang đo tải lên…",
      phaseDone: "Đã đo xong. Kiểm tra rồi bấm “Gửi kết quả”.", testFailed: "Không đo được: ",
      offline: "Không có kết nối mạng. Những gì bạn đã nhập vẫn còn; hãy gửi lại khi có mạng.",
      rateLimited: "Bạn gửi quá nhanh. Hãy thử lại sau {s} giây.",
      unavailable: "Hệ thống tạm thời chưa nhận được kết quả. Hãy thử lại sau {s} giây.",
      invalid: "Một số giá trị chưa hợp lệ; xem thông báo bên cạnh từng ô.",
      required: "Vui lòng điền ô này.", needPlace: "Hãy chọn tổ dân phố hoặc đồng ý dùng vị trí.",
      needTest: "Hãy bấm “Bắt đầu đo” trước khi gửi.", server: "Máy chủ báo lỗi: ",
      geoAsking: "Đang lấy vị trí…", geoOk: "Đã lấy vị trí (sai số khoảng {m} m).",
      geoFail: "Không lấy được vị trí; hãy chọn tổ dân phố.", compareNone: "Chưa đủ mẫu để so sánh.",
      compareOk: "Trung vị tải xuống của tổ dân phố với cùng nhà mạng và loại kết nối: {m} Mbit/s (từ {n} lần đo). Kết quả của bạn: {y} Mbit/s.",
      compareNoTdp: "Chưa so sánh được vì chưa chọn tổ dân phố.", compareErr: "Chưa lấy được số liệu so sánh.",
      erased: "Đã gửi yêu cầu xóa. Kết quả sẽ được xóa khỏi hệ thống.", eraseFail: "Chưa xóa được: ",
      sending: "Đang gửi…"
    },
    en: {
      phasePing: "Measuring latency…", phaseDown: "Measuring download…", phaseUp: "Measuring upload…",
      phaseDone: "Done. Check the values, then press “Send result”.", testFailed: "The test failed: ",
      offline: "No network connection. What you typed is kept; send again when you are online.",
      rateLimited: "Too many requests. Try again in {s} seconds.",
      unavailable: "The system cannot take results right now. Try again in {s} seconds.",
      invalid: "Some values are not valid; see the message next to each field.",
      required: "Please fill in this field.", needPlace: "Choose your TDP or allow the location.",
      needTest: "Press “Start test” before sending.", server: "The server reported: ",
      geoAsking: "Getting your location…", geoOk: "Location found (about {m} m accuracy).",
      geoFail: "Could not get the location; please choose your TDP.", compareNone: "Not enough samples to compare yet.",
      compareOk: "Median download in your TDP for the same operator and access type: {m} Mbit/s (from {n} tests). Yours: {y} Mbit/s.",
      compareNoTdp: "No comparison: no TDP was chosen.", compareErr: "The comparison is not available right now.",
      erased: "Erasure requested. The result will be removed.", eraseFail: "Could not erase: ",
      sending: "Sending…"
    }
  };
  const vi = {};
  let lang = "vi";

  function apply(next) {
    lang = next;
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (el) {
      const key = el.dataset.i18n;
      if (!(key in vi)) vi[key] = el.textContent;
      el.textContent = lang === "en" && en[key] ? en[key] : vi[key];
    });
    const button = document.getElementById("lang");
    if (button) {
      button.textContent = lang === "en" ? "Tiếng Việt" : "English";
      button.lang = lang === "en" ? "vi" : "en";
    }
    try { localStorage.setItem("sw-lang", lang); } catch (e) { /* private mode: not remembered */ }
  }

  function t(key, values) {
    let s = dynamic[lang][key] || dynamic.vi[key] || key;
    Object.keys(values || {}).forEach(function (k) { s = s.replace("{" + k + "}", values[k]); });
    return s;
  }

  function init() {
    let saved = null;
    try { saved = localStorage.getItem("sw-lang"); } catch (e) { saved = null; }
    apply(saved === "en" ? "en" : "vi");
    const button = document.getElementById("lang");
    if (button) button.addEventListener("click", function () { apply(lang === "vi" ? "en" : "vi"); });
  }

  return { init: init, t: t, lang: function () { return lang; } };
})();
