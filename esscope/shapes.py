"""Territory shapes as the store holds them (WKB), made into GeoDataFrames and light GeoJSON text."""

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.affinity

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


# Where a France-wide map draws the overseas départements and régions, as French maps do: small boxes in the
# Atlantic west of Brittany, top to bottom (lon/lat of each box: west, south, east, north). Not to scale.
INSETS = [(-9.9, 49.0, -7.4, 50.6), (-9.9, 47.2, -7.4, 48.8), (-9.9, 45.4, -7.4, 47.0), (-9.9, 43.6, -7.4, 45.2),
          (-9.9, 41.8, -7.4, 43.4)]


def overseas(gdf: gpd.GeoDataFrame) -> np.ndarray:
    """Which shapes lie outside metropolitan France (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte)."""
    b = gdf.geometry.bounds
    return ~((b.minx >= METROPOLE[0]) & (b.miny >= METROPOLE[1]) & (b.maxx <= METROPOLE[2])
             & (b.maxy <= METROPOLE[3])).to_numpy() & gdf.geometry.notna().to_numpy()


def with_insets(gdf: gpd.GeoDataFrame) -> tuple:
    """A France-wide map's shapes with each overseas territory moved and scaled into a box of its own west of
    metropolitan France (`INSETS`, in the order of their codes), and those boxes as polygons to outline.
    Shapes that are all metropolitan, or all overseas, come back unchanged, with no box."""
    away = overseas(gdf)
    if not away.any() or away.all() or away.sum() > len(INSETS):
        return gdf, []
    out = gdf.copy()
    geoms = out.geometry.to_numpy().copy()
    boxes = []
    order = sorted(np.flatnonzero(away), key=lambda i: str(out.iloc[i]["code"]) if "code" in out else i)
    for i, (west, south, east, north) in zip(order, INSETS):
        minx, miny, maxx, maxy = geoms[i].bounds
        scale = min((east - west) * 0.86 / max(maxx - minx, 1e-9), (north - south) * 0.86 / max(maxy - miny, 1e-9))
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        tx, ty = (west + east) / 2 - cx * scale, (south + north) / 2 - cy * scale
        geoms[i] = shapely.affinity.affine_transform(geoms[i], [scale, 0, 0, scale, tx, ty])
        boxes.append(shapely.box(west, south, east, north))
    out = out.set_geometry(gpd.GeoSeries(geoms, index=out.index, crs=out.crs))
    return out, boxes
