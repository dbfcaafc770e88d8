"""Maps printed in the PDFs (edition report, territory portrait): the pages' choropleths drawn as vector
shapes with the same colour classes (`maps.class_breaks`, `maps.palette`) and the same legend words.

Only drawing happens here: the caller reads the shapes and values (the same queries as the page) and
hands over an fpdf2 document.
"""

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .maps import NO_DATA, ZERO, class_breaks, class_labels, classify, palette
from .shapes import metropolitan_bounds, with_insets

OUTLINE = (190, 190, 190)     # light grey: communes without events stay visible on white paper
HIGHLIGHT = (213, 94, 0)          # the chosen territory's outline, as on the page's bar chart


def rgb(colour: str) -> tuple:
    """'#440154' → (68, 1, 84)."""
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


def projector(extent, x, y, width, height):
    """A function (lon, lat) arrays → page coordinates (mm) fitting `extent` in the box, north up, with
    longitudes shrunk by the cosine of the middle latitude (an equirectangular view, as on a web map)."""
    minx, miny, maxx, maxy = extent
    squeeze = math.cos(math.radians((miny + maxy) / 2))
    span_x, span_y = max((maxx - minx) * squeeze, 1e-9), max(maxy - miny, 1e-9)
    scale = min(width / span_x, height / span_y)
    left = x + (width - span_x * scale) / 2
    top = y + (height - span_y * scale) / 2

    def project(lons, lats):
        return left + (np.asarray(lons) - minx) * squeeze * scale, top + (maxy - np.asarray(lats)) * scale
    return project


def _rings(geom):
    """Outer rings of a (multi)polygon, as coordinate arrays."""
    if geom is None or geom.is_empty:
        return []
    parts = geom.geoms if hasattr(geom, "geoms") else [geom]
    return [np.asarray(p.exterior.coords) for p in parts if p.geom_type == "Polygon"]


def draw_choropleth(pdf, geoms, values, *, codes=(), highlight=None, x=15, y=None, width=110, height=95,
                    decimals=0, zero_class=False, tolerance=0.005) -> dict:
    """Draw territories (shapely geometries in WGS 84) filled by their value's class into an fpdf2
    document, at (x, y) in a width × height box (mm); missing values in grey, zeros apart with
    `zero_class`, `highlight` (a code among `codes`) outlined. Returns the legend, {'bounds', 'colours',
    'decimals', 'zero', 'missing'}, for `draw_legend`."""
    y = pdf.get_y() if y is None else y
    values = pd.to_numeric(pd.Series(list(values)), errors="coerce").astype(float)
    counted = values[values > 0] if zero_class else values
    bounds = class_breaks(counted.dropna().tolist(), 5, decimals)
    colours = palette(len(bounds))
    geoms = list(shapely.coverage_simplify(np.asarray(geoms, dtype=object), tolerance)) if len(geoms) else []
    codes = list(codes) or [None] * len(geoms)
    # France-wide: the overseas territories in boxes west of Brittany, as on the page's map
    placed, boxes = with_insets(gpd.GeoDataFrame({"code": codes}, geometry=geoms))
    geoms = list(placed.geometry)
    extent = tuple(placed.total_bounds) if boxes else metropolitan_bounds(placed)
    legend = {"bounds": bounds, "colours": colours, "decimals": decimals, "zero": zero_class,
              "missing": bool(values.isna().any())}
    if extent[0] is None:
        return legend
    project = projector(extent, x, y, width, height)
    pdf.set_draw_color(150)
    for box in boxes:
        ring = np.asarray(box.exterior.coords)
        px, py = project(ring[:, 0], ring[:, 1])
        pdf.polygon(list(zip(px.tolist(), py.tolist())), style="D")
    pdf.set_line_width(0.1)
    pdf.set_draw_color(*OUTLINE)
    chosen = []
    for geom, value, code in zip(geoms, values, codes):
        colour = NO_DATA if math.isnan(value) else classify(value, bounds, colours, zero_class)
        pdf.set_fill_color(*rgb(colour))
        for ring in _rings(geom):
            px, py = project(ring[:, 0], ring[:, 1])
            if px.min() < x - 1 or px.max() > x + width + 1 or py.min() < y - 1 or py.max() > y + height + 1:
                continue          # outside the frame (overseas, when the map shows metropolitan France)
            pdf.polygon(list(zip(px.tolist(), py.tolist())), style="DF")
        if highlight is not None and str(code) == str(highlight):
            chosen.append(geom)
    pdf.set_draw_color(*HIGHLIGHT)
    pdf.set_line_width(0.6)
    for geom in chosen:
        for ring in _rings(geom):
            px, py = project(ring[:, 0], ring[:, 1])
            pdf.polygon(list(zip(px.tolist(), py.tolist())), style="D")
    pdf.set_draw_color(0)
    pdf.set_line_width(0.2)
    pdf.set_fill_color(255)
    return legend


def legend_lines(legend: dict) -> list:
    """(colour, words) of each line of a printed legend: « 0 », the classes, « Pas de donnée »."""
    lines = [(ZERO, "0")] if legend["zero"] else []
    lines += list(zip(legend["colours"], class_labels(legend["bounds"], legend["decimals"])))
    if legend["missing"]:
        lines.append((NO_DATA, "Pas de donnée"))
    return lines


def draw_legend(pdf, legend: dict, title: str, x: float, y: float, font: str, width=55) -> None:
    """The legend of `draw_choropleth` at (x, y): its title (say the unit there), then one line per class."""
    pdf.set_xy(x, y)
    pdf.set_font(font, "B", 8)
    pdf.multi_cell(width, 4, title, new_x="LEFT", new_y="NEXT")
    pdf.set_font(font, size=8)
    for colour, words in legend_lines(legend):
        top = pdf.get_y()
        pdf.set_fill_color(*rgb(colour))
        pdf.set_draw_color(150)
        pdf.rect(x, top + 0.8, 5, 3.2, style="DF")
        pdf.set_xy(x + 7, top)
        pdf.cell(width - 7, 4.8, words, new_x="LEFT", new_y="NEXT")
        pdf.set_x(x)
    pdf.set_fill_color(255)
    pdf.set_draw_color(0)
