"""On a phone (390×844), in Chromium with no network: a map's legend leaves the overseas insets in view, a
commune's popup and tooltip stay inside the map and the screen, and charts keep their width for their plot."""

import pytest
from browsing import MAP_FRAME, SIZES, Offline, plot_widths, screenshot, wait_until_drawn

pytestmark = pytest.mark.browser

PHONE = SIZES["telephone"]


@pytest.fixture
def phone(app, browser):
    session = Offline(browser, app, PHONE)
    yield session
    session.close()
    assert session.dialogs == []


# The legend's box and the boxes of the overseas insets (the thin outlines west of Brittany), in the
# map's pixels: [left, top, right, bottom].
LEGEND_AND_INSETS = """() => {
    const corner = map_div.getContainer().getBoundingClientRect();
    const legend = document.querySelector('.esscope-legend').getBoundingClientRect();
    const insets = [];
    map_div.eachLayer(layer => {
        if (!(layer instanceof L.Polygon) || layer.options.interactive !== false) return;
        const b = layer.getBounds();
        if (b.getEast() > -7) return;                       // an outline, not an inset's box
        const nw = map_div.latLngToContainerPoint(b.getNorthWest()), se = map_div.latLngToContainerPoint(b.getSouthEast());
        insets.push([nw.x, nw.y, se.x, se.y]);
    });
    return {legend: [legend.left - corner.left, legend.top - corner.top, legend.right - corner.left,
                     legend.bottom - corner.top], insets: insets, size: [corner.width, corner.height]};
}"""


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("path", ["/territoires?onglet=carte", "/carte?vue=departements"])
def test_the_legend_leaves_every_overseas_inset_in_view(phone, path):
    page = phone.open(path)
    wait_until_drawn(page)
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    boxes = phone.map_frame().evaluate(LEGEND_AND_INSETS)
    screenshot(page, "telephone-medaillons-" + path.strip("/").split("?")[0])
    assert len(boxes["insets"]) == 5, boxes
    width, height = boxes["size"]
    for inset in boxes["insets"]:
        assert not overlap(inset, boxes["legend"]), boxes
        assert inset[0] >= 0 and inset[1] >= 0 and inset[2] <= width and inset[3] <= height, boxes


def inside(box, frame) -> bool:
    return (box["x"] >= frame["x"] - 1 and box["y"] >= frame["y"] - 1 and box["x"] + box["width"] <= frame["x"] +
            frame["width"] + 1 and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1)


def test_a_communes_popup_and_tooltip_stay_inside_the_map_and_the_screen(phone):
    # the two hostile events have long titles and venues without a space to break at
    page = phone.open("/carte?text=onerror")
    wait_until_drawn(page)
    frame = phone.map_frame()
    marker = frame.locator(".esscope-commune").first
    marker.hover()
    tooltip = frame.locator(".leaflet-tooltip")
    tooltip.wait_for()
    map_box = page.locator(MAP_FRAME).bounding_box()
    screen = {"x": 0, "y": 0, **PHONE}
    assert inside(tooltip.bounding_box(), map_box) and inside(tooltip.bounding_box(), screen), (
        tooltip.bounding_box(), map_box)
    marker.click()
    popup = frame.locator(".leaflet-popup")
    popup.wait_for()
    page.get_by_role("heading", name="Événements à").wait_for()
    phone.map_frame()                                      # the map has panned to show the popup
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    map_box, box = page.locator(MAP_FRAME).bounding_box(), popup.bounding_box()
    screenshot(page, "telephone-fenetre-commune")
    assert inside(box, map_box) and inside(box, screen), (box, map_box)


@pytest.mark.parametrize(("path", "charts"), [("/editions?edition=2017&onglet=edition", 1), ("/rapport", 3)])
def test_charts_keep_most_of_a_phones_width_for_their_plot(phone, path, charts):
    # a colour scale standing beside a calendar or a grid took a third of the width (the cells were too
    # small to read their numbers), the names of events beside their bars four fifths of it
    page = phone.open(path)
    wait_until_drawn(page)
    widths = plot_widths(page)
    assert len(widths) >= charts and all(share >= 0.3 for _, share in widths), widths


def test_the_credits_leave_the_scale_readable(phone):
    # on a phone the credits ran along the whole bottom of the map, over the scale
    page = phone.open("/carte")
    wait_until_drawn(page)
    frame = phone.map_frame()
    scale = frame.locator(".leaflet-control-scale").bounding_box()
    credits = frame.locator(".leaflet-control-attribution").bounding_box()
    a = [scale["x"], scale["y"], scale["x"] + scale["width"], scale["y"] + scale["height"]]
    b = [credits["x"], credits["y"], credits["x"] + credits["width"], credits["y"] + credits["height"]]
    assert not overlap(a, b), (scale, credits)
