"""Territory shapes as the store holds them (WKB), made into GeoDataFrames and light GeoJSON text."""

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .escaping import to_script_json

METROPOLE = (-5.3, 41.2, 9.7, 51.2)          # lon/lat box of metropolitan France and Corsica


def to_geodataframe(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """Shapes read from the store (`queries.read_shapes`: a WKB `geometry` column) as a GeoDataFrame in WGS 84."""
    # DuckDB hands BLOBs back as bytearray, which shapely does not read
    wkb = [None if g is None else bytes(g) for g in frame["geometry"]]
    return gpd.GeoDataFrame(frame.drop(columns="geometry"), geometry=gpd.GeoSeries.from_wkb(wkb, crs="EPSG:4326"),
                            crs="EPSG:4326")


def round_geometries(geoms, decimals=4):
    """Geometries with coordinates rounded (≈ 11 m at 4 decimals), to keep the page light."""
    return shapely.transform(np.asarray(geoms), lambda xy: np.round(xy, decimals))


def to_geojson(gdf: gpd.GeoDataFrame, properties: dict, decimals=4) -> str:
    """A FeatureCollection as text: rounded geometries and, per feature, the given property columns
    (name in the GeoJSON → list of values), written as data safe in a <script>. Rows without
    geometry are left out."""
    geoms = round_geometries(gdf.geometry.to_numpy(), decimals)
    texts = shapely.to_geojson(geoms)
    names = list(properties)
    props = [dict(zip(names, values)) for values in zip(*properties.values())] if names else [{}] * len(gdf)
    features = [f'{{"type":"Feature","geometry":{geom},"properties":{to_script_json(p)}}}'
                for geom, p, g in zip(texts, props, geoms) if g is not None and not shapely.is_empty(g)]
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


def metropolitan_bounds(gdf: gpd.GeoDataFrame) -> tuple:
    """(minx, miny, maxx, maxy) of the shapes, of those in metropolitan France when some are there;
    four None when there is no shape."""
    geoms = gdf.geometry[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    if geoms.empty:
        return None, None, None, None
    b = geoms.bounds
    inside = (b.minx >= METROPOLE[0]) & (b.miny >= METROPOLE[1]) & (b.maxx <= METROPOLE[2]) & (b.maxy <= METROPOLE[3])
    if inside.any():
        b = b[inside]
    return b.minx.min(), b.miny.min(), b.maxx.max(), b.maxy.max()
