// Draws the district activity councils on a Leaflet map. Everything comes from data- attributes on #council-map:
// data-geojson-url (the councils), data-tile-url and data-attribution (the tile server, set by Portal:Map:*).
(function () {
    "use strict";

    var OSAKA = [34.6937, 135.5023];

    function showError(element) {
        var message = document.createElement("p");
        message.className = "council-map-error";
        message.textContent = element.getAttribute("data-no-script") || "";
        element.replaceChildren(message);
    }

    function popupContent(properties) {
        // Built with DOM nodes, never HTML strings: council names are user content.
        var container = document.createElement("div");
        var link = document.createElement("a");
        link.href = properties.url;
        link.textContent = properties.name;
        container.appendChild(link);
        var ward = document.createElement("div");
        ward.textContent = properties.ward;
        container.appendChild(ward);
        return container;
    }

    function init() {
        var element = document.getElementById("council-map");
        if (!element) return;
        if (typeof L === "undefined" || typeof L.markerClusterGroup !== "function") {
            showError(element);
            return;
        }

        var map = L.map(element).setView(OSAKA, 11);
        L.tileLayer(element.getAttribute("data-tile-url"), {
            maxZoom: 19,
            attribution: element.getAttribute("data-attribution") || ""
        }).addTo(map);

        var clusters = L.markerClusterGroup();
        map.addLayer(clusters);

        fetch(element.getAttribute("data-geojson-url"), { headers: { Accept: "application/geo+json, application/json" } })
            .then(function (response) {
                if (!response.ok) throw new Error("GeoJSON " + response.status);
                return response.json();
            })
            .then(function (collection) {
                var layer = L.geoJSON(collection, {
                    pointToLayer: function (feature, latlng) {
                        return L.marker(latlng, { title: feature.properties.name });
                    },
                    onEachFeature: function (feature, marker) {
                        marker.bindPopup(popupContent(feature.properties));
                    }
                });
                clusters.addLayers(layer.getLayers());
                element.setAttribute("data-marker-count", String(layer.getLayers().length));
                if (layer.getLayers().length > 0) {
                    map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 15 });
                }
            })
            .catch(function () {
                showError(element);
            });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
