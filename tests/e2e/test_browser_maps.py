"""Maps in pages that are more than a map, in Chromium with no network: each opens fitted to what it
draws (also when made in a tab chosen after the page was drawn), and the mouse wheel scrolls the page, not the map."""

import pytest
from browsing import MAP_FRAME, screenshot

pytestmark = pytest.mark.browser


def main_scroll(page) -> int:
    return page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTop")


def test_sibling_choropleth_opens_fitted_to_its_shapes(offline):
    page = offline.open("/territoires?territoire=epci%3A200093201&indicateur=share_of_jobs_pct&onglet=carte")
    view = offline.map_view()
    assert view["contains"] and view["zoom"] >= view["fit"] - 0.25, view     # the Nord's EPCIs, not France
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    screenshot(page, "territoires-epci-carte")


def test_report_map_is_made_when_its_tab_is_chosen_and_opens_fitted_to_its_markers_over_outlines(offline):
    page = offline.open("/rapport?region=32&edition=2017")
    assert page.locator(MAP_FRAME).count() == 0                  # only the open tab is drawn with the page
    page.get_by_role("tab", name="Carte").click()
    view = offline.map_view()                                    # once the map has taken its size and refitted
    assert view["width"] > 0 and view["contains"] and abs(view["zoom"] - view["fit"]) <= 0.5, view
    frame = offline.map_frame()
    assert frame.locator(".leaflet-overlay-pane canvas, .leaflet-overlay-pane path").count() >= 1   # outlines
    screenshot(page, "rapport-carte")


def test_the_wheel_over_a_map_scrolls_the_page_and_ctrl_wheel_zooms_the_map(offline):
    page = offline.open("/territoires?territoire=epci%3A200093201&indicateur=share_of_jobs_pct&onglet=carte")
    frame = offline.map_frame()
    iframe = page.locator(MAP_FRAME)
    iframe.scroll_into_view_if_needed()
    box = iframe.bounding_box()
    zoom, scrolled = frame.evaluate("() => map_div.getZoom()"), main_scroll(page)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 300)
    frame.wait_for_function("() => getComputedStyle(map_div.getContainer(), ':after').content !== 'none'")
    message = frame.evaluate("() => getComputedStyle(map_div.getContainer(), ':after').content")
    assert message == '"Utilisez Ctrl + molette pour zoomer la carte"'
    page.wait_for_function("(before) => document.querySelector('[data-testid=stMain]').scrollTop > before",
                           arg=scrolled)
    assert offline.map_frame().evaluate("() => map_div.getZoom()") == zoom
    iframe.scroll_into_view_if_needed()
    box, scrolled = iframe.bounding_box(), main_scroll(page)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.down("Control")
    for _ in range(4):
        page.mouse.wheel(0, -100)
    page.keyboard.up("Control")
    frame.wait_for_function("(before) => map_div.getZoom() > before", arg=zoom)
    offline.map_frame()                                          # the zoom has ended
    assert main_scroll(page) == scrolled
