"""What the map of events shows of each commune: its count, and a popup listing some of its events.

The communes with events (35 000 at most) travel to the browser as one compact array of rows,
every text already escaped (`escaping.safe_text`); the browser groups them for the current view
(esscope/static/map.js). Popups list at most MAX_LISTED events each and LISTING_BUDGET in all,
to keep the page light.
"""

import numpy as np
import pandas as pd

from .escaping import safe_text
from .french import format_period, format_time, plural
from .shapes import METROPOLE

MAX_LISTED = 20                 # events listed in one commune's popup
LISTING_BUDGET = 12_000         # events listed over all popups
CAPS = (20, 10, 5, 3, 1)


def listing_cap(counts, max_listed=MAX_LISTED, budget=LISTING_BUDGET) -> int:
    """How many events each popup lists: the largest cap ≤ max_listed keeping the total within budget
    (0: popups are left out, the tooltip gives the count and a click lists the events under the map)."""
    counts = np.asarray(counts, dtype=int)
    for cap in (c for c in CAPS if c <= max_listed):
        if np.minimum(counts, cap).sum() <= budget:
            return cap
    return 0


def event_parts(event) -> list:
    """[date, title, venue] of an event for a popup line, each escaped: the date in French
    (« mardi 7 novembre 2017, 14 h »), '' for no venue."""
    when = format_period(_day(event.get("start_date")), _day(event.get("end_date")))
    if format_time(event.get("start_time")):
        when += f", {format_time(event['start_time'])}"
    return [safe_text(when), safe_text(event.get("title")), safe_text(event.get("venue")).strip()]


def marker_rows(events: pd.DataFrame, max_listed=MAX_LISTED, budget=LISTING_BUDGET) -> list:
    """One row per commune from `filtered_events` rows, most events first:
    [lat, lon, events, name, code] and, when popups list events, [.., listed, more] where `listed`
    holds the `event_parts` of at most `listing_cap` events (in the order given) and `more` says
    « et N autres » when some are left out. Coordinates are rounded to 4 decimals (≈ 10 m), texts
    escaped. Events without a located commune (online, or commune unknown) are not on the map."""
    located = events[events["commune_code"].notna() & events["lat"].notna() & events["lon"].notna()]
    if located.empty:
        return []
    sizes = located["commune_code"].value_counts()
    cap = listing_cap(sizes.to_numpy(), max_listed, budget)
    listed = {}
    if cap:
        # only the events that will be listed are formatted (at most `budget` of them)
        first_ones = located[located.groupby("commune_code", sort=False).cumcount() < cap]
        columns = ["commune_code", "start_date", "end_date", "start_time", "title", "venue"]
        for event in first_ones[columns].to_dict("records"):
            listed.setdefault(event["commune_code"], []).append(event_parts(event))
    communes = located.drop_duplicates("commune_code")[["commune_code", "commune_name", "lat", "lon"]]
    rows = []
    for code, name, lat, lon in communes.itertuples(index=False):
        total, shown = int(sizes[code]), listed.get(code, [])
        row = [round(float(lat), 4), round(float(lon), 4), total, safe_text(name), safe_text(code)]
        if shown:
            row += [shown, f"et {plural(total - len(shown), 'autre')}" if total > len(shown) else ""]
        rows.append(row)
    rows.sort(key=lambda r: -r[2])
    return rows


def view_bounds(lons, lats):
    """Leaflet bounds of the points, keeping to metropolitan France when some are there
    (so that one overseas event does not zoom the map out to the whole world). None if no point."""
    lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    ok = ~(np.isnan(lons) | np.isnan(lats))
    lons, lats = lons[ok], lats[ok]
    if not len(lons):
        return None
    inside = (lons >= METROPOLE[0]) & (lats >= METROPOLE[1]) & (lons <= METROPOLE[2]) & (lats <= METROPOLE[3])
    if inside.any():
        lons, lats = lons[inside], lats[inside]
    # no margin here: the map keeps one in pixels around them (maps.MARKER_PADDING), whatever the zoom
    return [[float(lats.min()), float(lons.min())], [float(lats.max()), float(lons.max())]]


def event_markers(events: pd.DataFrame, max_listed=MAX_LISTED, budget=LISTING_BUDGET) -> dict:
    """What the events map needs: `rows` (see `marker_rows`), their `bounds`, and the counts of
    `events`, those `placed` on the map and those `unplaced` (online or without a known commune)."""
    rows = marker_rows(events, max_listed, budget)
    placed = sum(r[2] for r in rows)
    return {"rows": rows, "bounds": view_bounds([r[1] for r in rows], [r[0] for r in rows]),
            "events": len(events), "placed": placed, "unplaced": len(events) - placed}


def _day(value):
    return None if value is None or pd.isna(value) else value
