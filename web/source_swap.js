// Replaces a vector source and re-adds its layers where they were, keeping their current
// layout, paint and filter.
//
// Why not source.setTiles(): MapLibre 6 keeps a reloaded tile's old data when the new
// response carries the same ETag as the old one, and the server's tile ETag names the layer
// and version but not ?category=, so the zones would keep showing the previous industry.

/** spec: a complete vector source ({type, tiles, minzoom, maxzoom, bounds, ...}). */
export function replaceVectorSource(map, id, spec) {
    const layers = map.getStyle().layers;
    const mine = [];
    layers.forEach((layer, i) => {
        if (layer.source !== id) return;
        // The first later layer of another source; adding in order before it keeps the order.
        const before = layers.slice(i + 1).find((l) => l.source !== id)?.id;
        mine.push({ layer, before });
    });
    for (const { layer } of mine) map.removeLayer(layer.id);
    map.removeSource(id);
    map.addSource(id, spec);
    for (const { layer, before } of mine) map.addLayer(layer, before);
}
