"""Benchmark of the foundation: `esscope build` time and peak memory, store size, name lookups, map weights.

usage: python benchmarks/bench_build.py [--db PATH]   (default: a temporary file)
"""

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from esscope import store
from esscope.names import CommuneIndex

BOUNDS = {"build_seconds": 30, "build_peak_mib": 2048, "geojson_mb": 2.0}


def geojson_bytes(con, sql, params=()) -> int:
    frame = store.query(con, sql, list(params))
    geoms = shapely.from_wkb([bytes(g) for g in frame["geometry"]])
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, 4))
    return len(gpd.GeoDataFrame(frame[["code", "name"]], geometry=geoms, crs=4326).to_json(drop_id=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.duckdb"

    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "esscope.cli", "build", "--db", str(path)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"esscope build (from scratch)   {seconds:6.1f} s   (bound {BOUNDS['build_seconds']} s)")
    print(f"peak memory of the build       {peak_mib:6.0f} MiB (bound {BOUNDS['build_peak_mib']} MiB)")
    print(f"store file size                {path.stat().st_size / 1e6:6.1f} MB")

    con = store.connect(path)
    index = CommuneIndex.from_store(con)
    names = [r[0] for r in con.execute("SELECT name FROM territories WHERE level = 'commune'").fetchall()]
    random.seed(2017)
    sample = random.choices(names, k=10_000)
    start = time.perf_counter()
    for name in sample:
        index.lookup(name)
    exact = time.perf_counter() - start
    misspelt = [n[:-2] + n[-1] + "x" if len(n) > 5 else n for n in sample[:1000]]
    start = time.perf_counter()
    for name in misspelt:
        index.lookup(name)
    fuzzy = time.perf_counter() - start
    print(f"10,000 commune names looked up {exact:6.2f} s")
    print(f"1,000 misspelt names (fuzzy)   {fuzzy:6.2f} s")

    depts = geojson_bytes(con, "SELECT code, name, geometry FROM territories WHERE level = 'department'")
    print(f"GeoJSON, France's départements {depts / 1e6:6.2f} MB (bound {BOUNDS['geojson_mb']} MB)")
    regions = store.query(con, "SELECT code, name FROM territories WHERE level = 'region' ORDER BY code")
    sizes = {r.name: geojson_bytes(con, "SELECT code, name, geometry FROM territories WHERE level = 'commune' "
                                        "AND region_code = ? AND geometry IS NOT NULL", [r.code])
             for r in regions.itertuples()}
    biggest = max(sizes, key=sizes.get)
    print(f"GeoJSON, communes of a région  {max(sizes.values()) / 1e6:6.2f} MB at most ({biggest}; "
          f"bound {BOUNDS['geojson_mb']} MB)")
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:5]:
        print(f"    {name:32} {size / 1e6:5.2f} MB")
    con.close()


if __name__ == "__main__":
    main()
