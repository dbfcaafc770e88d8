/* esscope's maps in the browser: the layers that esscope/maps.py adds to a Leaflet map.
 *
 * Loaded after Leaflet (the app serves it from static/vendor/esscope/, see esscope/assets.py).
 * Every text these functions receive was escaped in Python (esscope.escaping.safe_text) and
 * travels as JSON: they join fragments, never build markup from document text.
 */
var esscope = (function () {
    'use strict';

    function count(n) { return n.toLocaleString('fr-FR') + (n > 1 ? ' événements' : ' événement'); }

    /* One marker per commune showing its count, grouped when close on screen: a group shows the sum
     * of its events and a click on it zooms in to its communes. `rows` are [lat, lon, events, name,
     * code, (listed, more)], most events first. The communes of the current view (and half a view
     * around) are grouped, each group starting from its commune with the most events and taking the
     * others within `radius` pixels, and only those markers are drawn, again after each move. The
     * layer's bounds are those of all its communes, drawn or not. */
    function communeMarkers(map, rows, radius, allFromZoom) {
        var group = L.featureGroup([], {esscope: 'communes'}).addTo(map);
        var shown = {}, world = [], all = L.latLngBounds([]);
        rows.forEach(function (r) {
            world.push(L.CRS.EPSG3857.latLngToPoint(L.latLng(r[0], r[1]), 0));
            all.extend([r[0], r[1]]);
        });
        group.getBounds = function () { return all; };
        function tip(r) {     // « Lille (59350) : 12 événements »: what a click sends back (maps.code_from_click)
            return r[3] + ' (' + r[4] + ') : ' + count(r[2]);
        }
        function popup(r) {
            var items = '';
            r[5].forEach(function (e) {
                items += '<li><span class="date">' + e[0] + '</span> · <b>' + e[1] + '</b>' + (e[2] ? ' · ' + e[2] : '') + '</li>';
            });
            return '<div class="esscope-popup"><strong>' + tip(r) + '</strong><ul>' + items + '</ul>'
                + (r[6] ? '<div>' + r[6] + '</div>' : '') + '</div>';
        }
        function commune(i) {
            var r = rows[i], n = r[2], side = 20 + 6 * String(n).length;
            var marker = L.marker([r[0], r[1]], {icon: L.divIcon({     // the tooltip beside the circle
                className: 'esscope-commune', html: String(n), iconSize: [side, side], tooltipAnchor: [side / 2, 0]})});
            marker.bindTooltip(tip(r));
            if (r.length > 5) {     // never wider or taller than the map (a phone's is 350 px wide)
                var room = map.getSize();
                marker.bindPopup(function () { return popup(r); }, {
                    maxWidth: Math.max(160, Math.min(380, room.x - 70)), minWidth: Math.min(200, room.x - 70),
                    maxHeight: Math.max(120, Math.min(320, room.y - 110)), autoPanPadding: [12, 12]});
            }
            return marker;
        }
        function cluster(c) {
            var n = c.events, size = n < 10 ? 'small' : (n < 100 ? 'medium' : 'large');
            var marker = L.marker([rows[c.seed][0], rows[c.seed][1]], {icon: L.divIcon({
                html: '<div><span>' + n.toLocaleString('fr-FR') + '</span></div>',
                className: 'esscope-cluster esscope-cluster-' + size, iconSize: L.point(40, 40)})});
            marker.on('click', function () { map.fitBounds(c.bounds, {padding: [40, 40]}); });
            return marker;
        }
        function groups() {   // the communes in view (and half a view around), grouped
            var zoom = map.getZoom(), scale = Math.pow(2, zoom), view = map.getPixelBounds(), size = view.getSize();
            var x0 = view.min.x - size.x / 2, x1 = view.max.x + size.x / 2;
            var y0 = view.min.y - size.y / 2, y1 = view.max.y + size.y / 2;
            var cells = {}, inView = [], xs = {}, ys = {};
            for (var i = 0; i < rows.length; i++) {
                var x = world[i].x * scale, y = world[i].y * scale;
                if (x < x0 || x > x1 || y < y0 || y > y1) { continue; }
                xs[i] = x; ys[i] = y; inView.push(i);
                var key = Math.floor(x / radius) + ':' + Math.floor(y / radius);
                (cells[key] = cells[key] || []).push(i);
            }
            var taken = {}, out = [];
            inView.forEach(function (i) {     // rows come with the most events first
                if (taken[i]) { return; }
                var c = {seed: i, communes: 1, events: rows[i][2], bounds: L.latLngBounds([[rows[i][0], rows[i][1]]])};
                taken[i] = true;
                if (zoom < allFromZoom) {
                    var cx = Math.floor(xs[i] / radius), cy = Math.floor(ys[i] / radius);
                    for (var dx = -1; dx <= 1; dx++) {
                        for (var dy = -1; dy <= 1; dy++) {
                            (cells[(cx + dx) + ':' + (cy + dy)] || []).forEach(function (j) {
                                if (taken[j]) { return; }
                                var ex = xs[j] - xs[i], ey = ys[j] - ys[i];
                                if (ex * ex + ey * ey > radius * radius) { return; }
                                taken[j] = true;
                                c.communes += 1;
                                c.events += rows[j][2];
                                c.bounds.extend([rows[j][0], rows[j][1]]);
                            });
                        }
                    }
                }
                out.push(c);
            });
            return out;
        }
        function draw() {
            var next = {}, zoom = map.getZoom();
            groups().forEach(function (c) {
                var id = c.communes === 1 ? 'c' + c.seed : ['g', zoom, c.seed, c.communes, c.events].join(':');
                next[id] = shown[id] || (c.communes === 1 ? commune(c.seed) : cluster(c));
            });
            Object.keys(shown).forEach(function (id) { if (!next[id]) { group.removeLayer(shown[id]); } });
            Object.keys(next).forEach(function (id) { if (!shown[id]) { group.addLayer(next[id]); } });
            shown = next;
        }
        map.on('moveend', draw);
        map.whenReady(draw);
        return group;
    }

    /* Filled boundaries: features carry `fill` (colour, or null for no data), `tip` (tooltip HTML,
     * escaped) and `strong` (outline drawn thick). */
    function shapes(map, geojson, noData) {
        return L.geoJSON(geojson, {
            style: function (f) {
                var p = f.properties;
                return {fillColor: p.fill || noData, fillOpacity: 0.8,
                        color: p.strong ? '#000' : '#666', weight: p.strong ? 3 : 0.6};
            },
            onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.tip, {sticky: true}); }
        }).addTo(map);
    }

    /* Thin boundaries that give the map its shape when there are no tiles; not clickable. */
    function outlines(map, geojson) {
        return L.geoJSON(geojson, {
            interactive: false, style: {color: '#7b8494', weight: 0.8, fill: false}
        }).addTo(map);
    }

    /* A legend box in a map corner; `html` was built from escaped fragments. */
    function legend(map, html) {
        var control = L.control({position: 'bottomleft'});
        control.onAdd = function () {
            var div = L.DomUtil.create('div', 'esscope-legend');
            div.innerHTML = html;
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        return control.addTo(map);
    }

    /* The margins that keep what a map is fitted to out from under its controls (zoom buttons, layer
     * switch, legend, scale, attribution): the controls of each corner take either a strip along the
     * map's side or a band along its top or bottom, whichever choice leaves the largest view. On a
     * phone the legend goes above or below France and its overseas boxes, on a wide screen beside them. */
    function clearOfControls(map, bounds, padding, maxZoom) {
        var corners = ['topleft', 'topright', 'bottomleft', 'bottomright'].map(function (name) {
            var box = map._controlCorners[name];
            return box && box.children.length ? [box.offsetWidth, box.offsetHeight] : [0, 0];
        });
        var best = {zoom: -Infinity, paddingTopLeft: padding, paddingBottomRight: padding}, room = map.getSize();
        for (var choice = 0; choice < 16; choice++) {
            var edges = {left: 0, right: 0, top: 0, bottom: 0};
            corners.forEach(function (size, i) {
                var side = (choice >> i) & 1, left = i % 2 === 0, top = i < 2;
                if (side) { var x = left ? 'left' : 'right'; edges[x] = Math.max(edges[x], size[0]); }
                else { var y = top ? 'top' : 'bottom'; edges[y] = Math.max(edges[y], size[1]); }
            });
            var topLeft = [padding[0] + edges.left, padding[1] + edges.top];
            var bottomRight = [padding[0] + edges.right, padding[1] + edges.bottom];
            var margins = L.point(topLeft).add(L.point(bottomRight));
            if (room.x - margins.x < room.x / 3 || room.y - margins.y < room.y / 3) { continue; }   // too little left
            var zoom = Math.min(maxZoom, map.getBoundsZoom(bounds, false, margins));
            var area = edges.left + edges.right + edges.top + edges.bottom;
            if (zoom > best.zoom || (zoom === best.zoom && area < best.area)) {
                best = {zoom: zoom, area: area, paddingTopLeft: topLeft, paddingBottomRight: bottomRight};
            }
        }
        return {paddingTopLeft: best.paddingTopLeft, paddingBottomRight: best.paddingBottomRight, maxZoom: maxZoom};
    }

    /* Fit the map to `bounds` clear of its controls, and fit it again each time its frame or a corner of
     * controls changes size (a legend added, its styles loaded), until the reader moves it: a map made while
     * its frame has no size yet (a tab not shown, a page not laid out) cannot be fitted then, Leaflet would
     * keep a view made for 0 pixels. */
    function fitView(map, bounds, options) {
        var container = map.getContainer(), moved = false;
        function fit() {
            map.invalidateSize(false);
            var size = map.getSize();
            if (size.x > 0 && size.y > 0) {     // never animated: Leaflet drops a view asked for during a zoom animation
                map.fitBounds(bounds, L.extend(clearOfControls(map, bounds, options.padding, options.maxZoom), {animate: false}));
            }
        }
        container.addEventListener('pointerdown', function () { moved = true; }, true);
        container.addEventListener('keydown', function () { moved = true; }, true);
        container.addEventListener('wheel', function (e) { if (e.ctrlKey || e.metaKey) { moved = true; } }, true);
        map.fitBounds(bounds, L.extend({}, options, {animate: false}));
        if (window.ResizeObserver) {
            var watch = new ResizeObserver(function () { if (!moved) { fit(); } });
            [container].concat(Object.values(map._controlCorners)).forEach(function (box) { watch.observe(box); });
        }
    }

    /* A tooltip beside its commune or shape, or above or below it when it would run past the map's top
     * or bottom edge (the map's frame would cut it off). */
    function keepTooltipsInside(map) {
        map.on('tooltipopen', function (e) {
            var tooltip = e.tooltip, box = tooltip.getElement();
            if (tooltip.options.direction !== 'auto' && !tooltip._esscopeTurned) { return; }
            tooltip.options.direction = 'auto';
            tooltip.options.offset = L.point(0, 0);
            tooltip.update();
            var at = map.latLngToContainerPoint(tooltip.getLatLng()), room = map.getSize();
            var half = box.offsetHeight / 2 + 6;
            if (at.y >= half && room.y - at.y >= half) { return; }
            var up = at.y > room.y - at.y, icon = tooltip._source.options.icon;
            var reach = icon ? L.point(icon.options.iconSize).y / 2 : 0;
            tooltip.options.direction = up ? 'top' : 'bottom';
            tooltip.options.offset = L.point(-tooltip._getAnchor().x, up ? -reach : reach);
            tooltip._esscopeTurned = true;
            tooltip.update();
        });
    }

    /* Leaflet focuses the map on the first press of a button; focusing an element inside a frame
     * scrolls the page that holds the frame to show all of it, so a map running below the fold jumped
     * up under the pointer and the first click on a marker missed it. Focus without scrolling. */
    L.Map.Keyboard.prototype._onMouseDown = function () {
        if (this._focused) { return; }
        this._map._container.focus({preventScroll: true});
    };
    L.Control.prototype._refocusOnMap = function (e) {
        if (this._map && e && e.screenX > 0 && e.screenY > 0) { this._map.getContainer().focus({preventScroll: true}); }
    };

    /* A metric scale in a corner. */
    function scale(map) {
        return L.control.scale({imperial: false}).addTo(map);
    }

    return {communeMarkers: communeMarkers, shapes: shapes, outlines: outlines, legend: legend,
            fitView: fitView, scale: scale, keepTooltipsInside: keepTooltipsInside};
}());
