"""Dashboards 1–3: Tổng quan, Bản đồ chất lượng, So sánh nhà mạng."""

from grafana import (ACCESS, DAY_ROWS, F_OP_ACCESS_TDP, UNIT_OVERRIDES, dashboard, enough,
                     panel, sql_target, stat, status, table, timeseries, var_access,
                     var_min_samples, var_operator, var_tdp, weighted_medians)

MEDIANS_NOTE = (" Trung vị của cả khoảng là trung vị các trung vị ngày của từng ô, gia quyền theo"
                " số mẫu (tính từ bảng tổng hợp, không quét dữ liệu thô). / Range medians are the"
                " sample-weighted median of daily cell medians.")
MIN_NOTE = (" Ô có ít hơn $min_samples mẫu ghi \"chưa đủ mẫu\". / Cells under $min_samples"
            " samples show \"chưa đủ mẫu\" (not enough samples).")

DAY_CELLS = f"""  SELECT operator, access_type, tdp_code, bucket_start, sample_count AS n,
         download_median AS d, upload_median AS u, latency_median AS l,
         qcvn_evaluated_count AS qe, below_qcvn_count AS qb
  FROM quality_aggregates
  WHERE {DAY_ROWS}
    AND {F_OP_ACCESS_TDP}"""

PASS_SHARE = "100.0 * (qe - qb) / qe"


def reference_table(title):
    src = f"""  SELECT date_trunc('month', bucket_start, 'Asia/Ho_Chi_Minh') AS month, operator,
         access_type, sample_count AS n, download_median AS d, upload_median AS u,
         latency_median AS l
  FROM quality_aggregates
  WHERE {DAY_ROWS}
    AND {F_OP_ACCESS_TDP}"""
    sql = weighted_medians(src, ["month", "operator", "access_type"], ["d", "u", "l"],
                           materialized=True) + f"""
SELECT to_char(r.month, 'MM/YYYY') AS "Tháng", r.operator AS "Nhà mạng",
       r.access_type AS "Loại truy cập", r.area AS "Khu vực tham chiếu",
       coalesce(m.n, 0) AS "Số mẫu phường",
       {enough("m.d", "m.n")} AS "Tải xuống trung vị phường (Mbit/s)",
       r.download_median AS "Tải xuống trung vị VNNIC (Mbit/s)",
       {enough("m.u", "m.n")} AS "Tải lên trung vị phường (Mbit/s)",
       r.upload_median AS "Tải lên trung vị VNNIC (Mbit/s)",
       {enough("m.l", "m.n")} AS "Độ trễ trung vị phường (ms)",
       r.latency_median AS "Độ trễ trung vị VNNIC (ms)",
       r.sample_count AS "Số mẫu VNNIC"
FROM reference_medians r
LEFT JOIN med m ON (m.month AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = r.month
  AND m.operator = r.operator AND m.access_type = r.access_type
WHERE r.month >= date_trunc('month', $__timeFrom()::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')
  AND r.month <= ($__timeTo()::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
  AND r.operator IN ($operator) AND r.access_type IN ($access)
ORDER BY r.month, r.operator, r.access_type, r.area"""
    return table(title, "Trung vị do VNNIC công bố (nhập từ tệp CSV) đặt cạnh trung vị đo được"
                 " trong phường. / VNNIC published medians beside the ward's own." + MEDIANS_NOTE
                 + MIN_NOTE, sql, overrides=UNIT_OVERRIDES)


def overview():
    count_sql = f"""SELECT coalesce(sum(sample_count), 0) AS "Số phép đo"
FROM quality_aggregates
WHERE {DAY_ROWS}
  AND {F_OP_ACCESS_TDP}"""
    # bit_or merges the day rows' HyperLogLog sketches (migration V13): distinct devices over any
    # range and filter without reading raw rows.
    devices_sql = f"""SELECT coalesce(round(device_sketch_estimate(bit_or(device_sketch))), 0)
       AS "Thiết bị khác nhau"
FROM quality_aggregates
WHERE {DAY_ROWS}
  AND {F_OP_ACCESS_TDP}"""
    pass_sql = f"""SELECT {enough("100.0 * (sum(qcvn_evaluated_count) - sum(below_qcvn_count))"
                              " / sum(qcvn_evaluated_count)", "sum(qcvn_evaluated_count)")}
       AS "Đạt ngưỡng QCVN (%)"
FROM quality_aggregates
WHERE {DAY_ROWS}
  AND {F_OP_ACCESS_TDP}"""
    medians_sql = weighted_medians(DAY_CELLS, ["operator", "access_type"], ["d", "u", "l"],
                                   ["sum(qe) AS qe", "sum(qb) AS qb"]) + f"""
SELECT operator AS "Nhà mạng", access_type AS "Loại truy cập", n AS "Số mẫu",
       {enough("d")} AS "Tải xuống trung vị (Mbit/s)",
       {enough("u")} AS "Tải lên trung vị (Mbit/s)",
       {enough("l")} AS "Độ trễ trung vị (ms)",
       {enough(PASS_SHARE, "qe")} AS "Đạt ngưỡng QCVN (%)",
       {status()} AS "Độ tin cậy"
FROM med
ORDER BY 1, 2"""
    trend_sql = weighted_medians(DAY_CELLS, ["bucket_start", "operator"], ["d"]) + f"""
SELECT bucket_start AS "time", operator AS metric, {enough("d")} AS "Tải xuống trung vị"
FROM med
ORDER BY 1, 2"""
    pass_trend_sql = f"""SELECT bucket_start AS "time", operator AS metric,
       {enough("100.0 * (sum(qcvn_evaluated_count) - sum(below_qcvn_count))"
               " / sum(qcvn_evaluated_count)", "sum(qcvn_evaluated_count)")} AS "Đạt QCVN"
FROM quality_aggregates
WHERE {DAY_ROWS}
  AND {F_OP_ACCESS_TDP}
GROUP BY 1, 2
ORDER BY 1, 2"""
    panels = [
        stat("Số phép đo", "Số phép đo được chấp nhận trong khoảng thời gian đã chọn. / Accepted"
             " tests in the selected range.", count_sql, "short"),
        stat("Thiết bị khác nhau", "Số thiết bị khác nhau (mã băm) đã đo, ước lượng bằng cách"
             " gộp bản phác HyperLogLog của các ngày trong bảng tổng hợp (sai số chuẩn ≈ 3 %)."
             " / Distinct devices, estimated by merging the daily HyperLogLog sketches of the"
             " aggregates (standard error ≈ 3 %).", devices_sql, "short"),
        stat("Đạt ngưỡng QCVN (%)", "Tỷ lệ phép đo đạt ngưỡng QCVN trong số phép đo có ngưỡng"
             " áp dụng. / Share of tests meeting the QCVN threshold." + MIN_NOTE, pass_sql,
             "percent", 1),
        stat("Ngưỡng số mẫu tối thiểu", "Giá trị của một ô chỉ hiển thị khi có ít nhất số mẫu"
             " này. / Minimum samples per cell.", 'SELECT $min_samples AS "Số mẫu tối thiểu"',
             "short"),
        table("Trung vị theo nhà mạng và loại truy cập", "Tốc độ tải xuống, tải lên (Mbit/s) và"
              " độ trễ (ms) trung vị." + MEDIANS_NOTE + MIN_NOTE, medians_sql,
              overrides=UNIT_OVERRIDES),
        timeseries("Tải xuống trung vị theo ngày (Mbit/s)", "Xu hướng từng ngày theo nhà mạng;"
                   " khoảng trống là ngày chưa đủ mẫu. / Daily trend; gaps are days with too"
                   " few samples." + MEDIANS_NOTE, trend_sql, "Mbits"),
        timeseries("Tỷ lệ đạt ngưỡng QCVN theo ngày (%)", "Khoảng trống là ngày chưa đủ mẫu."
                   " / Gaps are days with too few samples.", pass_trend_sql, "percent"),
        reference_table("So sánh với trung vị VNNIC công bố"),
    ]
    return dashboard("sw-tong-quan", "Tổng quan chất lượng Internet — Phường Thủy Nguyên",
                     "Chất lượng Internet đo bởi người dân: số phép đo, trung vị, tỷ lệ đạt QCVN."
                     " / Overview of measured Internet quality.",
                     [var_operator(), var_access(), var_tdp(), var_min_samples()], panels)


def tdp_values_sql():
    src = f"""  SELECT tdp_code, sample_count AS n, download_median AS d, download_p10 AS p,
         qcvn_evaluated_count AS qe, below_qcvn_count AS qb
  FROM quality_aggregates
  WHERE {DAY_ROWS}
    AND {F_OP_ACCESS_TDP}"""
    return weighted_medians(src, ["tdp_code"], ["d", "p"], ["sum(qe) AS qe", "sum(qb) AS qb"],
                            materialized=True) + f"""
SELECT a.code AS "Mã TDP", a.name AS "Tổ dân phố", c.latitude, c.longitude,
       coalesce(m.n, 0) AS "Số mẫu",
       {enough("m.d", "m.n")} AS "Tải xuống trung vị (Mbit/s)",
       {enough("m.p", "m.n")} AS "Tải xuống p10 (Mbit/s)",
       {enough("100.0 * m.qb / m.qe", "m.qe")} AS "Dưới ngưỡng QCVN (%)",
       {status("m.n")} AS "Trạng thái"
FROM areas a
CROSS JOIN LATERAL (
  SELECT avg((pt->>1)::float8) AS latitude, avg((pt->>0)::float8) AS longitude
  FROM jsonb_array_elements(CASE a.geometry->>'type'
         WHEN 'MultiPolygon' THEN a.geometry->'coordinates'->0->0
         ELSE a.geometry->'coordinates'->0 END) pt
) c
LEFT JOIN med m ON m.tdp_code = a.code
WHERE a.code IN ($tdp)
ORDER BY a.code"""


def cells_sql():
    # Byte-wise collation: the cells are listed in quadkey (digits only) order without
    # locale-aware comparisons, whatever the database's collation.
    src = """  SELECT quadkey COLLATE "C" AS quadkey, center_lat, center_lon, sample_count AS n,
         download_median AS d, download_p10 AS p, below_qcvn_share AS s
  FROM heatmap_cells
  WHERE $__timeFilter(day)
    AND operator IN ($operator) AND access_type IN ($access)"""
    extras = ["max(center_lat) AS latitude", "max(center_lon) AS longitude",
              "sum(s * n) / nullif(sum(n) FILTER (WHERE s IS NOT NULL), 0) AS s"]
    return weighted_medians(src, ["quadkey"], ["d", "p"], extras) + f"""
SELECT quadkey AS "Ô lưới", latitude, longitude, n AS "Số mẫu",
       {enough("d")} AS "Tải xuống trung vị (Mbit/s)",
       {enough("p")} AS "Tải xuống p10 (Mbit/s)",
       {enough("100.0 * s")} AS "Dưới ngưỡng QCVN (%)",
       {status()} AS "Trạng thái"
FROM med
ORDER BY quadkey"""


def geomap_layers():
    color = {"field": "Tải xuống trung vị (Mbit/s)", "fixed": "#808080"}
    return [
        {"type": "geojson", "name": "Ranh giới tổ dân phố",
         "config": {"src": "public/maps/speedwatch/thuy-nguyen-tdp.geojson",
                    "style": {"color": {"fixed": "#1f60c4"}, "opacity": 0.15,
                              "lineWidth": 2}, "rules": []},
         "tooltip": True},
        {"type": "markers", "name": "Tổ dân phố (trung vị tải xuống)",
         "filterData": {"id": "byRefId", "options": "A"},
         "location": {"mode": "coords", "latitude": "latitude", "longitude": "longitude"},
         "config": {"showLegend": True, "style": {
             "color": color, "size": {"fixed": 14}, "opacity": 0.8,
             "symbol": {"mode": "fixed", "fixed": "img/icons/marker/circle.svg"}}},
         "tooltip": True},
        {"type": "markers", "name": "Ô lưới ~250 m (trung vị tải xuống)",
         "filterData": {"id": "byRefId", "options": "B"},
         "location": {"mode": "coords", "latitude": "latitude", "longitude": "longitude"},
         "config": {"showLegend": False, "style": {
             "color": color, "size": {"fixed": 7}, "opacity": 0.7,
             "symbol": {"mode": "fixed", "fixed": "img/icons/marker/square.svg"}}},
         "tooltip": True},
    ]


def quality_map():
    thresholds = {"mode": "absolute", "steps": [
        {"color": "red", "value": None}, {"color": "orange", "value": 30},
        {"color": "yellow", "value": 100}, {"color": "green", "value": 300}]}
    geomap = panel(
        "geomap", "Bản đồ tải xuống trung vị theo tổ dân phố và ô lưới (Mbit/s)",
        "Vòng tròn: tổ dân phố (tại tâm ranh giới); ô vuông: ô lưới ~250 m. Màu theo tải xuống"
        " trung vị (đỏ < 30, cam < 100, vàng < 300, xanh ≥ 300 Mbit/s). Rê chuột để xem số mẫu,"
        " trung vị, p10, tỷ lệ dưới ngưỡng QCVN và trạng thái; nơi ít hơn $min_samples mẫu không"
        " có giá trị mà ghi \"chưa đủ mẫu\". / Circles: TDPs; squares: grid cells; colour by"
        " median download; tooltips say \"chưa đủ mẫu\" (not enough samples) instead of a"
        " value." + MEDIANS_NOTE,
        [sql_target(tdp_values_sql(), ref="A"), sql_target(cells_sql(), ref="B")],
        "Mbits", w=24, h=16, decimals=1, mappings=False,
        extra_defaults={"thresholds": thresholds, "color": {"mode": "thresholds"}},
        options={"view": {"id": "coords", "lat": 20.92, "lon": 106.67, "zoom": 13},
                 "controls": {"showZoom": True, "mouseWheelZoom": True,
                              "showAttribution": True},
                 "basemap": {"type": "default", "name": "Nền bản đồ"},
                 "layers": geomap_layers(),
                 "tooltip": {"mode": "details"}})
    panels = [
        geomap,
        table("Chất lượng theo tổ dân phố", "Các giá trị trên bản đồ, dạng bảng. / The map's"
              " values as a table." + MIN_NOTE, tdp_values_sql(), overrides=UNIT_OVERRIDES),
        table("Ô lưới", "Ô lưới ~250 m có ít nhất k thiết bị (ẩn danh). / Grid cells." + MIN_NOTE,
              cells_sql(), overrides=UNIT_OVERRIDES),
    ]
    return dashboard("sw-ban-do", "Bản đồ chất lượng Internet — Phường Thủy Nguyên",
                     "Nơi chất lượng Internet kém: tổ dân phố và ô lưới tô màu theo tải xuống"
                     " trung vị. / Where quality is poor.",
                     [var_operator(), var_access(), var_tdp(), var_min_samples()], panels)


def operator_comparison():
    per_tdp = weighted_medians(DAY_CELLS, ["tdp_code", "access_type", "operator"],
                               ["d", "u", "l"]) + f""",
ranked_ops AS (
  SELECT med.*,
         count(*) FILTER (WHERE n >= $min_samples)
           OVER (PARTITION BY tdp_code, access_type) AS comparable,
         rank() OVER (PARTITION BY tdp_code, access_type, n >= $min_samples
                      ORDER BY d DESC) AS position
  FROM med
)
SELECT tdp_code AS "Tổ dân phố", access_type AS "Loại truy cập", operator AS "Nhà mạng",
       n AS "Số mẫu",
       {enough("d")} AS "Tải xuống trung vị (Mbit/s)",
       {enough("u")} AS "Tải lên trung vị (Mbit/s)",
       {enough("l")} AS "Độ trễ trung vị (ms)",
       CASE WHEN n >= $min_samples AND comparable >= 2 THEN position END
         AS "Thứ hạng tải xuống",
       {status()} AS "Độ tin cậy"
FROM ranked_ops
ORDER BY 1, 2, 3"""
    pivot_cols = ",\n       ".join(
        f"max(CASE WHEN access_type = '{code}' THEN {enough('d')} END) AS \"{label}\""
        for code, label in ACCESS if code != "UNKNOWN")
    ward = weighted_medians(DAY_CELLS, ["operator", "access_type"], ["d"]) + f"""
SELECT operator AS "Nhà mạng",
       {pivot_cols}
FROM med
GROUP BY operator
ORDER BY operator"""
    bar = panel("barchart", "Tải xuống trung vị toàn phường theo nhà mạng (Mbit/s)",
                "Mỗi nhóm cột là một nhà mạng, mỗi cột một loại truy cập; không có cột khi chưa"
                " đủ mẫu. / Ward medians per operator and access type." + MEDIANS_NOTE,
                [sql_target(ward)], "Mbits", w=24, h=9, decimals=1,
                options={"orientation": "vertical", "xField": "Nhà mạng",
                         "showValue": "auto", "legend": {"displayMode": "list",
                                                         "placement": "bottom"}})
    panels = [
        bar,
        table("Nhà mạng cạnh nhau theo tổ dân phố và loại truy cập", "Thứ hạng chỉ hiện khi ít"
              " nhất hai nhà mạng cùng đủ mẫu trong tổ dân phố và loại truy cập đó. / Ranking"
              " only among operators with enough samples." + MEDIANS_NOTE + MIN_NOTE, per_tdp,
              h=14, overrides=UNIT_OVERRIDES),
        reference_table("Trung vị VNNIC công bố và trung vị phường"),
    ]
    return dashboard("sw-so-sanh", "So sánh nhà mạng — Phường Thủy Nguyên",
                     "Các nhà mạng cạnh nhau theo tổ dân phố và loại truy cập, kèm số mẫu. /"
                     " Operators side by side.",
                     [var_operator(), var_access(), var_tdp(), var_min_samples()], panels)
