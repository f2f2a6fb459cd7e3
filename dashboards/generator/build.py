#!/usr/bin/env python3
"""Writes the Grafana provisioning of speedwatch: dashboard JSON files and the TDP GeoJSON.

Usage (from the repository root): python3 dashboards/generator/build.py
Edit the generator, not the JSON; the module's tests check the JSON that this writes.
"""

import json
import pathlib
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__

from dashboards_detail import operations, targets_2030, tdp_detail
from dashboards_quality import operator_comparison, overview, quality_map

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "dashboards/provisioning/dashboards/json"
GEO_IN = ROOT / "model/src/main/resources/areas/thuy-nguyen-sample.geojson"
GEO_OUT = ROOT / "dashboards/provisioning/maps/thuy-nguyen-tdp.geojson"

DASHBOARDS = {
    "01-tong-quan.json": overview,
    "02-ban-do-chat-luong.json": quality_map,
    "03-so-sanh-nha-mang.json": operator_comparison,
    "04-chi-tiet-to-dan-pho.json": tdp_detail,
    "05-muc-tieu-2030.json": targets_2030,
    "06-van-hanh.json": operations,
}


def write_geojson():
    """Boundaries only (code, name) for Grafana's GeoJSON layer, from the area registry file."""
    source = json.loads(GEO_IN.read_text(encoding="utf-8"))
    features = [{"type": "Feature", "id": f["properties"]["code"],
                 "properties": {"code": f["properties"]["code"], "name": f["properties"]["name"]},
                 "geometry": f["geometry"]} for f in source["features"]]
    out = {"type": "FeatureCollection", "name": source.get("name", ""), "features": features}
    GEO_OUT.parent.mkdir(parents=True, exist_ok=True)
    GEO_OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in DASHBOARDS.items():
        text = json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
        (OUT / name).write_text(text, encoding="utf-8")
    write_geojson()
    print(f"wrote {len(DASHBOARDS)} dashboards to {OUT} and {GEO_OUT}")


if __name__ == "__main__":
    main()
