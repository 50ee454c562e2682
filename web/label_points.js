// One label point per polygon, from the layer's OGC API items (GeoJSON). Symbol layers on
// vector-tile polygons label every tile's piece of a polygon, so a township cut by tile
// edges would be named two or three times; a point per feature names it once.

const MAX_PAGES = 20;

// Shoelace area and centroid of a ring of [lon, lat] (planar is fine at district scale).
function ringCentroid(ring) {
    let area = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
        area += cross;
        cx += (ring[j][0] + ring[i][0]) * cross;
        cy += (ring[j][1] + ring[i][1]) * cross;
    }
    return area === 0 ? null : { area: Math.abs(area / 2), point: [cx / (3 * area), cy / (3 * area)] };
}

// Crossings of the horizontal line at lat with the ring, sorted by longitude.
function crossings(ring, lat) {
    const xs = [];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x1, y1] = ring[j], [x2, y2] = ring[i];
        if ((y1 > lat) !== (y2 > lat)) xs.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1));
    }
    return xs.sort((a, b) => a - b);
}

// The centroid when it lies inside the outer ring (true of the convex Voronoi cells);
// otherwise the middle of the widest inside stretch at the centroid's latitude.
function labelPoint(polygon) {
    const outer = polygon[0];
    const c = ringCentroid(outer);
    if (!c) return outer[0];
    const xs = crossings(outer, c.point[1]);
    let best = null;
    for (let i = 0; i + 1 < xs.length; i += 2) {
        if (xs[i] <= c.point[0] && c.point[0] <= xs[i + 1]) return c.point;
        if (!best || xs[i + 1] - xs[i] > best[1] - best[0]) best = [xs[i], xs[i + 1]];
    }
    return best ? [(best[0] + best[1]) / 2, c.point[1]] : c.point;
}

function largestPolygon(geometry) {
    if (geometry?.type === 'Polygon') return geometry.coordinates;
    if (geometry?.type !== 'MultiPolygon') return null;
    let best = null, bestArea = -1;
    for (const polygon of geometry.coordinates) {
        const area = ringCentroid(polygon[0])?.area ?? 0;
        if (area > bestArea) [best, bestArea] = [polygon, area];
    }
    return best;
}

async function fetchAll(itemsUrl) {
    const features = [];
    let url = new URL(itemsUrl, location.origin);
    url.searchParams.set('limit', '1000');
    for (let page = 0; url && page < MAX_PAGES; page++) {
        const response = await fetch(url, { headers: { Accept: 'application/geo+json' } });
        if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
        const body = await response.json();
        features.push(...(body.features ?? []));
        const next = (body.links ?? []).find((l) => l.rel === 'next');
        url = next ? new URL(next.href, location.origin) : null;
    }
    return features;
}

/** A GeoJSON FeatureCollection with one point per polygon of the layer's items. */
export async function labelPoints(itemsUrl) {
    const points = [];
    for (const feature of await fetchAll(itemsUrl)) {
        const polygon = largestPolygon(feature.geometry);
        if (!polygon) continue;
        points.push({ type: 'Feature', id: feature.id, properties: feature.properties,
            geometry: { type: 'Point', coordinates: labelPoint(polygon) } });
    }
    return { type: 'FeatureCollection', features: points };
}
