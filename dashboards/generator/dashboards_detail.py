"""Dashboards 4–6: Chi tiết tổ dân phố, Mục tiêu 2030, Vận hành."""

from grafana import (PROM, UNIT_OVERRIDES, dashboard, enough, panel, prom_target, sql_target,
                     stat, status, table, timeseries, var_access, var_min_samples, var_operator,
                     var_tdp, weighted_medians)
from dashboards_quality import MEDIANS_NOTE, MIN_NOTE

# The TDP variable is single-valued here: Grafana inserts it unquoted, with quotes doubled.
F_ONE_TDP = "tdp_code = '$tdp' AND operator IN ($operator) AND access_type IN ($access)"
AGG_NOTE = (" Tính từ các bộ đếm của bảng tổng hợp ngày. / Summed from the daily aggregates'"
            " counts.")


def tdp_detail():
    day_cells = f"""  SELECT operator, access_type, bucket_start, sample_count AS n,
         download_median AS d, download_p10 AS p10, download_p90 AS p90,
         upload_median AS u, latency_median AS l
  FROM quality_aggregates
  WHERE resolution = 'day' AND $__timeFilter(bucket_start)
    AND {F_ONE_TDP}"""
    count_sql = f"""SELECT coalesce(sum(sample_count), 0) AS "Số phép đo"
FROM quality_aggregates
WHERE resolution = 'day' AND $__timeFilter(bucket_start)
  AND {F_ONE_TDP}"""
    per_cell = weighted_medians(day_cells, ["operator", "access_type"],
                                ["d", "p10", "p90", "u", "l"]) + f"""
SELECT operator AS "Nhà mạng", access_type AS "Loại truy cập", n AS "Số mẫu",
       {enough("p10")} AS "Tải xuống p10 (Mbit/s)",
       {enough("d")} AS "Tải xuống trung vị (Mbit/s)",
       {enough("p90")} AS "Tải xuống p90 (Mbit/s)",
       {enough("u")} AS "Tải lên trung vị (Mbit/s)",
       {enough("l")} AS "Độ trễ trung vị (ms)",
       {status()} AS "Độ tin cậy"
FROM med
ORDER BY 1, 2"""
    bands = weighted_medians(day_cells, ["bucket_start"], ["d", "p10", "p90"]) + f"""
SELECT bucket_start AS "time", {enough("p10")} AS "p10", {enough("d")} AS "Trung vị",
       {enough("p90")} AS "p90"
FROM med
ORDER BY 1"""
    hour_cells = f"""  SELECT
         extract(hour FROM bucket_start AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS hour,
         sample_count AS n, download_median AS d, latency_median AS l
  FROM quality_aggregates
  WHERE resolution = 'hour' AND $__timeFilter(bucket_start)
    AND {F_ONE_TDP}"""
    by_hour = weighted_medians(hour_cells, ["hour"], ["d", "l"]) + f"""
SELECT lpad(hour::text, 2, '0') || 'h' AS "Giờ trong ngày", n AS "Số mẫu",
       {enough("d")} AS "Tải xuống trung vị (Mbit/s)",
       {enough("l")} AS "Độ trễ trung vị (ms)"
FROM med
ORDER BY hour"""
    histogram_sql = f"""SELECT download_median AS "Tải xuống trung vị theo giờ (Mbit/s)"
FROM quality_aggregates
WHERE resolution = 'hour' AND $__timeFilter(bucket_start)
  AND {F_ONE_TDP}
  AND sample_count >= $min_samples"""
    alerts_sql = f"""SELECT opened_at AS "Mở lúc", operator AS "Nhà mạng",
       access_type AS "Loại truy cập",
       CASE kind WHEN 'MEDIAN_DROP' THEN 'Trung vị giảm mạnh / Median drop'
                 WHEN 'BELOW_QCVN' THEN 'Dưới ngưỡng QCVN / Below QCVN' END AS "Loại cảnh báo",
       CASE status WHEN 'OPEN' THEN 'Đang mở' WHEN 'ACKNOWLEDGED' THEN 'Đã tiếp nhận'
            END AS "Trạng thái",
       sample_count AS "Số mẫu 24 giờ",
       {enough("median_24h", "sample_count")} AS "Trung vị 24 giờ (Mbit/s)",
       {enough("baseline_median", "sample_count")} AS "Trung vị nền (Mbit/s)",
       {enough("100.0 * below_qcvn_share", "sample_count")} AS "Dưới ngưỡng QCVN (%)"
FROM alerts
WHERE status <> 'CLOSED'
  AND {F_ONE_TDP}
ORDER BY opened_at DESC"""
    hour_bar = panel("barchart", "Theo giờ trong ngày: tải xuống trung vị (Mbit/s)",
                     "Tắc nghẽn buổi tối hiện ở đây: trung vị theo giờ (giờ Việt Nam) từ bảng"
                     " tổng hợp giờ. / Median by hour of day (evening congestion)."
                     + MIN_NOTE, [sql_target(by_hour)], "Mbits", decimals=1,
                     options={"orientation": "vertical", "xField": "Giờ trong ngày",
                              "showValue": "never",
                              "legend": {"displayMode": "list", "placement": "bottom"}},
                     overrides=[{"matcher": {"id": "byName", "options": "Số mẫu"},
                                 "properties": [{"id": "custom.hideFrom",
                                                 "value": {"viz": True, "legend": True,
                                                           "tooltip": False}}]},
                                *UNIT_OVERRIDES])
    histogram = panel("histogram", "Phân bố trung vị theo giờ (Mbit/s)",
                      "Mỗi mẫu là trung vị một giờ của một nhà mạng × loại truy cập đủ mẫu"
                      " (không quét dữ liệu thô). / Histogram of hourly medians.",
                      [sql_target(histogram_sql)], "Mbits", decimals=0, mappings=False,
                      options={"bucketCount": 20, "combine": False,
                               "legend": {"displayMode": "list", "placement": "bottom"}})
    panels = [
        stat("Số phép đo", "Số phép đo của tổ dân phố trong khoảng thời gian. / Tests in this"
             " TDP.", count_sql, "short"),
        table("Nhà mạng và loại truy cập trong tổ dân phố", "p10 / trung vị / p90." + MEDIANS_NOTE
              + MIN_NOTE, per_cell, w=18, h=5, overrides=UNIT_OVERRIDES),
        timeseries("Phân bố tải xuống theo ngày: p10, trung vị, p90 (Mbit/s)",
                   "Dải p10–p90 theo ngày từ bảng tổng hợp ngày. / Daily p10–p90 band."
                   + MEDIANS_NOTE + MIN_NOTE, bands, "Mbits"),
        hour_bar,
        histogram,
        table("Cảnh báo đang mở", "Cảnh báo chất lượng chưa đóng của tổ dân phố. / Open"
              " quality alerts.", alerts_sql, w=12, overrides=UNIT_OVERRIDES),
    ]
    return dashboard("sw-chi-tiet-tdp", "Chi tiết tổ dân phố",
                     "Một tổ dân phố: phân bố, theo giờ trong ngày, cảnh báo. / One TDP.",
                     [var_tdp(multi=False), var_operator(), var_access(), var_min_samples()],
                     panels)


def targets_2030():
    fixed_days = """FROM quality_aggregates
WHERE resolution = 'day' AND $__timeFilter(bucket_start)
  AND access_type IN ('FIXED_FIBER', 'FIXED_OTHER')
  AND operator IN ($operator) AND tdp_code IN ($tdp)"""
    fixed_n = "sum(sample_count)"
    target_share = "100.0 * sum(target_2030_pass_count) / sum(sample_count)"
    fixed_sql = f"""SELECT {enough(target_share, fixed_n)}
       AS "Cáp quang đạt mục tiêu 1 Gbps (%)"
{fixed_days}"""
    fixed_by_tdp = f"""SELECT tdp_code AS "Tổ dân phố", {fixed_n} AS "Phép đo cố định",
       {enough(target_share, fixed_n)} AS "Đạt mục tiêu 1 Gbps (%)",
       {enough("100.0 * sum(plan_gigabit_count) / sum(sample_count)", fixed_n)}
         AS "Gói cước ≥ 1 Gbps (%)",
       {status(fixed_n)} AS "Độ tin cậy"
{fixed_days}
GROUP BY tdp_code
ORDER BY tdp_code"""
    mobile = """FROM quality_aggregates
WHERE resolution = 'day' AND $__timeFilter(bucket_start)
  AND access_type IN ('MOBILE_4G', 'MOBILE_5G')
  AND operator IN ($operator) AND tdp_code IN ($tdp)"""
    share_5g = ("100.0 * sum(sample_count) FILTER (WHERE access_type = 'MOBILE_5G')"
                " / sum(sample_count)")
    g5_sql = f"""SELECT {enough(share_5g, "sum(sample_count)")} AS "Di động trên 5G (%)"
{mobile}"""
    g5_trend = f"""SELECT bucket_start AS "time",
       {enough(share_5g, "sum(sample_count)")} AS "Di động trên 5G"
{mobile}
GROUP BY 1
ORDER BY 1"""
    ipv6_sql = f"""SELECT {enough("100.0 * sum(ipv6_count) / sum(ip_known_count)",
                                  "sum(ip_known_count)")}
       AS "Phép đo qua IPv6 (%)"
FROM quality_aggregates
WHERE resolution = 'day' AND $__timeFilter(bucket_start)
  AND operator IN ($operator) AND tdp_code IN ($tdp)"""
    wifi_src = """  SELECT tdp_code, sample_count AS n, download_median AS d
  FROM quality_aggregates
  WHERE resolution = 'day' AND $__timeFilter(bucket_start)
    AND access_type = 'PUBLIC_WIFI'
    AND operator IN ($operator) AND tdp_code IN ($tdp)"""
    wifi_sql = weighted_medians(wifi_src, ["tdp_code"], ["d"], materialized=True) + f"""
SELECT a.code AS "Mã TDP", a.name AS "Tổ dân phố",
       coalesce(m.n, 0) AS "Phép đo Wi-Fi công cộng",
       {enough("m.d", "m.n")} AS "Tải xuống trung vị (Mbit/s)",
       CASE WHEN coalesce(m.n, 0) = 0 THEN 'Chưa có phép đo nào'
            WHEN m.n < $min_samples THEN 'chưa đủ mẫu' ELSE 'Có dữ liệu' END AS "Tình trạng"
FROM areas a
LEFT JOIN med m ON m.tdp_code = a.code
WHERE a.code IN ($tdp)
ORDER BY (coalesce(m.n, 0) = 0) DESC, a.code"""
    wifi_overrides = [*UNIT_OVERRIDES, {
        "matcher": {"id": "byName", "options": "Tình trạng"},
        "properties": [{"id": "custom.cellOptions", "value": {"type": "color-background"}},
                       {"id": "mappings", "value": [{"type": "value", "options": {
                           "Chưa có phép đo nào": {"color": "red", "index": 0},
                           "chưa đủ mẫu": {"color": "orange", "index": 1},
                           "Có dữ liệu": {"color": "green", "index": 2}}}]}]}]
    panels = [
        stat("Cáp quang đạt mục tiêu 1 Gbps (%)", "Phép đo cố định có gói ≥ 1 Gbps và đo được"
             " ≥ 80 % gói (target_2030_pass) trên tổng phép đo cố định." + AGG_NOTE + MIN_NOTE,
             fixed_sql, "percent", 1),
        stat("Di động trên 5G (%)", "Phép đo di động qua 5G trên tổng phép đo di động (bảng"
             " tổng hợp). / Share of mobile tests on 5G." + MIN_NOTE, g5_sql, "percent", 1),
        stat("Phép đo qua IPv6 (%)", "Phép đo dùng IPv6 trên phép đo biết phiên bản IP." + AGG_NOTE
             + MIN_NOTE, ipv6_sql, "percent", 1),
        stat("Ngưỡng số mẫu tối thiểu", "Giá trị chỉ hiển thị khi có ít nhất số mẫu này. /"
             " Minimum samples.", 'SELECT $min_samples AS "Số mẫu tối thiểu"', "short"),
        table("Mục tiêu 1 Gbps theo tổ dân phố", "Phép đo cố định theo tổ dân phố." + AGG_NOTE
              + MIN_NOTE, fixed_by_tdp, w=12, overrides=UNIT_OVERRIDES),
        timeseries("Tỷ lệ di động trên 5G theo ngày (%)", "Khoảng trống là ngày chưa đủ mẫu. /"
                   " Gaps are days with too few samples.", g5_trend, "percent"),
        table("Wi-Fi công cộng tại nhà văn hóa theo tổ dân phố", "Phép đo Wi-Fi công cộng"
              " (PUBLIC_WIFI) theo tổ dân phố; tổ dân phố chưa có phép đo nào được đánh dấu đỏ."
              " / Public Wi-Fi tests per TDP; TDPs with none are flagged." + MEDIANS_NOTE
              + MIN_NOTE, wifi_sql, h=12, overrides=wifi_overrides),
    ]
    return dashboard("sw-muc-tieu-2030", "Mục tiêu 2030 — Hạ tầng số Phường Thủy Nguyên",
                     "Tiến độ các mục tiêu kế hoạch đo được bằng phép đo. / Progress on the"
                     " 2030 targets measurements can show.",
                     [var_operator(), var_tdp(), var_min_samples()], panels)


def operations():
    def prom(title, description, exprs, unit, w=12):
        targets = [prom_target(expr, legend, ref=chr(ord("A") + i))
                   for i, (expr, legend) in enumerate(exprs)]
        return panel("timeseries", title, description, targets, unit, w=w, mappings=False,
                     datasource=PROM, decimals=1,
                     options={"legend": {"displayMode": "list", "placement": "bottom"},
                              "tooltip": {"mode": "multi"}})

    rate = "[$__rate_interval]"
    op = "flink_taskmanager_job_task_operator_"
    alerts_sql = """SELECT count(*) FILTER (WHERE status = 'OPEN') AS "Đang mở",
       count(*) FILTER (WHERE status = 'ACKNOWLEDGED') AS "Đã tiếp nhận"
FROM alerts
WHERE status <> 'CLOSED'"""
    dead_sql = """SELECT reason AS "Lý do", count(*) AS "Số bản ghi",
       max(received_at) AS "Gần nhất"
FROM dead_letters
WHERE $__timeFilter(received_at)
GROUP BY reason
ORDER BY 2 DESC"""
    panels = [
        prom("Tốc độ tiếp nhận (phép đo/giây)", "Phép đo Kafka đã xác nhận. / Accepted"
             " measurements per second (collector).",
             [(f"sum(rate(speedwatch_measurements_accepted_total{rate}))", "Chấp nhận"),
              (f"sum(rate(speedwatch_measurements_rejected_total{rate}))", "Từ chối")],
             "reqps"),
        prom("Từ chối theo lý do (phép đo/giây)", "Lý do: invalid, malformed, too_large,"
             " media_type, rate_limited, kafka_unavailable. / Rejects by reason.",
             [(f"sum by (reason) (rate(speedwatch_measurements_rejected_total{rate}))",
               "{{reason}}")], "reqps"),
        prom("Độ trễ gửi Kafka p95 (giây)", "Từ lúc gửi đến khi broker xác nhận. / Kafka send"
             " latency p95.",
             [("histogram_quantile(0.95, sum by (le) "
               f"(rate(speedwatch_kafka_send_seconds_bucket{rate})))", "p95"),
              ("sum(speedwatch_kafka_in_flight)", "Đang chờ xác nhận")], "s"),
        prom("Độ trễ tiêu thụ Kafka của Flink (bản ghi)", "Số bản ghi Flink còn phải đọc. /"
             " Kafka consumer lag of the Flink job.",
             [(f"max({op}KafkaSourceReader_KafkaConsumer_records_lag_max)", "Lag lớn nhất"),
              (f"sum({op}pendingRecords)", "Bản ghi chờ")], "short"),
        prom("Checkpoint của Flink", "Thời gian checkpoint gần nhất (ms) và số lần lỗi. /"
             " Checkpoint duration and failures.",
             [("max(flink_jobmanager_job_lastCheckpointDuration)", "Thời gian (ms)"),
              ("sum(increase(flink_jobmanager_job_numberOfFailedCheckpoints[1h]))",
               "Lỗi trong 1 giờ"),
              ("sum(flink_jobmanager_job_numRestarts)", "Số lần khởi động lại")], "short"),
        prom("Bản ghi bị loại trong Flink (bản ghi/giây)", "Lỗi phân tích, trùng lặp, đến muộn,"
             " bị giới hạn theo thiết bị. / Records the jobs drop, by cause.",
             [(f"sum(rate({op}deadLetters{rate}))", "Lỗi (dead letter)"),
              (f"sum(rate({op}duplicatesDropped{rate}))", "Trùng lặp"),
              (f"sum(rate({op}lateMeasurements{rate}))", "Đến muộn"),
              (f"sum(rate({op}cappedByDevice{rate}))", "Giới hạn theo thiết bị")], "short"),
        stat("Cảnh báo chất lượng chưa đóng", "Cảnh báo đang mở và đã tiếp nhận (kho dữ liệu)."
             " / Open quality alerts.", alerts_sql, "short", w=12),
        table("Bản ghi lỗi theo lý do", "Bản ghi pipeline không dùng được, theo lý do (bảng"
              " dead_letters). / Dead letters by reason.", dead_sql, w=12, h=5),
    ]
    return dashboard("sw-van-hanh", "Vận hành pipeline speedwatch",
                     "Sức khỏe pipeline: tiếp nhận, từ chối, độ trễ Kafka, checkpoint, cảnh báo."
                     " / Pipeline health.", [], panels, tags=("vận hành",))
