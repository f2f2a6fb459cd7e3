"""Building blocks of the speedwatch Grafana dashboards: datasources, variables, panels, SQL.

The dashboards are generated so that the SQL idioms (minimum sample count, weighted medians of
pre-aggregated medians) are written once. `build.py` writes the JSON that Grafana loads; the
Java tests in this module load that JSON and execute every query against real databases.
"""

PG = {"type": "grafana-postgresql-datasource", "uid": "speedwatch-pg"}
PROM = {"type": "prometheus", "uid": "speedwatch-prom"}
SCHEMA_VERSION = 39

OPERATORS = [("VNPT", "VNPT"), ("VIETTEL", "Viettel"), ("FPT", "FPT Telecom"),
             ("MOBIFONE", "MobiFone"), ("VIETNAMOBILE", "Vietnamobile"),
             ("CMC", "CMC Telecom"), ("SCTV", "SCTV"), ("OTHER", "Khác")]
ACCESS = [("FIXED_FIBER", "Cáp quang"), ("FIXED_OTHER", "Cố định khác"),
          ("MOBILE_4G", "Di động 4G"), ("MOBILE_5G", "Di động 5G"),
          ("PUBLIC_WIFI", "Wi-Fi công cộng"), ("UNKNOWN", "Không rõ")]
NOT_ENOUGH = "chưa đủ mẫu"

# Filters every aggregate query applies; the variables are multi-value with "All".
F_OP_ACCESS_TDP = "operator IN ($operator) AND access_type IN ($access) AND tdp_code IN ($tdp)"
DAY_ROWS = "resolution = 'day' AND $__timeFilter(bucket_start)"


# ---- variables -------------------------------------------------------------------------------

def _custom(name, label, pairs):
    query = ", ".join(f"{text} : {value}" for value, text in pairs)
    return {"name": name, "label": label, "type": "custom", "query": query, "multi": True,
            "includeAll": True, "current": {"text": ["All"], "value": ["$__all"]},
            "options": [], "hide": 0}


def var_operator():
    return _custom("operator", "Nhà mạng", OPERATORS)


def var_access():
    return _custom("access", "Loại truy cập", ACCESS)


def var_tdp(multi=True):
    v = {"name": "tdp", "label": "Tổ dân phố", "type": "query", "datasource": PG,
         "query": "SELECT code AS __value, name AS __text FROM areas ORDER BY code",
         "definition": "SELECT code AS __value, name AS __text FROM areas ORDER BY code",
         "refresh": 1, "sort": 0, "multi": multi, "includeAll": multi, "options": [], "hide": 0}
    if multi:
        v["current"] = {"text": ["All"], "value": ["$__all"]}
    return v


def var_min_samples():
    return {"name": "min_samples", "label": "Số mẫu tối thiểu", "type": "constant",
            "query": "20", "hide": 2,
            "description": "Ô (tổ dân phố × nhà mạng × loại truy cập) có ít mẫu hơn không hiển thị"
                           " giá trị mà ghi \"chưa đủ mẫu\". / Cells with fewer samples show no"
                           " value."}


# ---- SQL -------------------------------------------------------------------------------------

def weighted_medians(src, keys, metrics, extras=(), materialized=False):
    """CTEs ending in `med`: per `keys`, n = sum of sample counts and, per metric, the median of
    the cells' medians weighted by their sample counts (the sketches are not mergeable in SQL).
    `src` yields the key columns, `n` and the metric columns; `extras` are aggregate
    expressions over `src` (e.g. "sum(qe) AS qe"). `materialized` computes `med` once when
    it is the inner side of a join (PostgreSQL would otherwise re-run it per outer row)."""
    part = ", ".join(keys)
    # Each group sorts only its own rows (weighted_median, migrations V15/V17, walks their
    # cumulative weights); window sums sorted every row of the range once per metric and spilled
    # to disk (issue #7). Ordered aggregates at the grouping level would still make PostgreSQL
    # sort every row of the range by the keys before grouping (the grid's 65 k cell-days spilled
    # at 4 MB: 40 % of its CPU), so the grouping level only collects each group's values
    # unordered, which it can hash: an aggregate over outer columns only, like array_agg(d) in
    # the subquery below, belongs to the outer query. The subquery sorts that group's values.
    sort = "weighted_median(array_agg(v ORDER BY v), array_agg(w ORDER BY v))"
    meds = "".join(f",\n         (SELECT {sort}\n          FROM (SELECT unnest(array_agg({m}))"
                   f" AS v, unnest(array_agg(n)) AS w) AS g) AS {m}" for m in metrics)
    extra = "".join(f",\n         {e}" for e in extras)
    head = f"{part},\n         " if keys else ""
    group = f"\n  GROUP BY {part}" if keys else ""
    return (f"WITH src AS (\n{src}\n),\n"
            f"med AS {'MATERIALIZED ' if materialized else ''}(\n"
            f"  SELECT {head}sum(n) AS n{meds}{extra}\n  FROM src{group}\n)\n")


def enough(expr, n="n"):
    """The value only where the cell has at least $min_samples samples."""
    return f"CASE WHEN {n} >= $min_samples THEN {expr} END"


def status(n="n"):
    return (f"CASE WHEN coalesce({n}, 0) >= $min_samples THEN 'đủ mẫu' "
            f"ELSE '{NOT_ENOUGH}' END")


# ---- panels ----------------------------------------------------------------------------------

MAPPINGS = [
    {"type": "value", "options": {code: {"text": text} for code, text in OPERATORS}},
    {"type": "value", "options": {code: {"text": text} for code, text in ACCESS}},
    {"type": "special", "options": {"match": "null", "result": {"text": NOT_ENOUGH}}},
]


def sql_target(sql, fmt="table", ref="A"):
    return {"refId": ref, "datasource": PG, "editorMode": "code", "format": fmt,
            "rawQuery": True, "rawSql": sql.strip()}


def prom_target(expr, legend, ref="A"):
    return {"refId": ref, "datasource": PROM, "editorMode": "code", "expr": expr,
            "legendFormat": legend, "range": True}


def panel(kind, title, description, targets, unit="none", w=12, h=8, decimals=None,
          options=None, mappings=True, datasource=PG, extra_defaults=None, overrides=None):
    defaults = {"unit": unit}
    if decimals is not None:
        defaults["decimals"] = decimals
    if mappings:
        defaults["mappings"] = MAPPINGS
    if kind == "stat":
        defaults["noValue"] = NOT_ENOUGH
    defaults.update(extra_defaults or {})
    return {"type": kind, "title": title, "description": description, "datasource": datasource,
            "targets": targets, "gridPos": {"w": w, "h": h},
            "fieldConfig": {"defaults": defaults, "overrides": overrides or []},
            "options": options or {}}


def stat(title, description, sql, unit="none", decimals=None, w=6):
    return panel("stat", title, description, [sql_target(sql)], unit, w=w, h=5,
                 decimals=decimals, mappings=False,
                 options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "",
                                            "values": False},
                          "colorMode": "value", "graphMode": "none", "textMode": "value"})


def table(title, description, sql, w=24, h=9, overrides=None):
    return panel("table", title, description, [sql_target(sql)], w=w, h=h, decimals=1,
                 options={"showHeader": True, "cellHeight": "sm"}, overrides=overrides)


def timeseries(title, description, sql, unit, w=12):
    return panel("timeseries", title, description, [sql_target(sql, "time_series")], unit,
                 w=w, decimals=1, mappings=False,
                 extra_defaults={"custom": {"spanNulls": False, "drawStyle": "line",
                                            "showPoints": "auto"}},
                 options={"legend": {"displayMode": "list", "placement": "bottom"},
                          "tooltip": {"mode": "multi"}})


def unit_override(name, unit):
    return {"matcher": {"id": "byRegexp", "options": name},
            "properties": [{"id": "unit", "value": unit}]}


MBIT_COLUMNS = unit_override(".*\\(Mbit/s\\)", "Mbits")
MS_COLUMNS = unit_override(".*\\(ms\\)", "ms")
PERCENT_COLUMNS = unit_override(".*\\(%\\)", "percent")
UNIT_OVERRIDES = [MBIT_COLUMNS, MS_COLUMNS, PERCENT_COLUMNS]


def dashboard(uid, title, description, variables, panels, tags=()):
    x = y = row_h = 0
    for i, p in enumerate(panels, start=1):
        p["id"] = i
        w, h = p["gridPos"]["w"], p["gridPos"]["h"]
        if x + w > 24:
            x, y, row_h = 0, y + row_h, 0
        p["gridPos"] = {"h": h, "w": w, "x": x, "y": y}
        x, row_h = x + w, max(row_h, h)
    return {"uid": uid, "title": title, "description": description,
            "tags": ["speedwatch", *tags], "timezone": "Asia/Ho_Chi_Minh",
            "schemaVersion": SCHEMA_VERSION, "version": 1, "editable": False,
            "graphTooltip": 1, "time": {"from": "now-30d", "to": "now"},
            "refresh": "", "fiscalYearStartMonth": 0, "liveNow": False,
            "links": [{"type": "dashboards", "tags": ["speedwatch"], "asDropdown": True,
                       "title": "Bảng điều khiển khác", "includeVars": True,
                       "keepTime": True}],
            "annotations": {"list": []},
            "templating": {"list": variables}, "panels": panels}
