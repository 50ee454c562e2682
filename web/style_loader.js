// Fetches styles/riskatlas.json and reconciles it with the server's layer registry
// (/api/layers) and config (/api/config) before MapLibre sees it.

import { labelPoints } from './label_points.js';

export const LAYER_KEY = 'riskatlas:layer';

/** The registry layer id a style layer belongs to (null for the background and base map). */
export function registryIdOf(styleLayer) {
    return styleLayer.metadata?.[LAYER_KEY] ?? null;
}

// MapLibre resolves source urls inside its worker, where a path has no origin to resolve
// against, so every url must be absolute.
function absolute(url) {
    return new URL(url, location.origin).href;
}

function makeSourceUrlsAbsolute(style) {
    for (const source of Object.values(style.sources)) {
        if (typeof source.url === 'string') source.url = absolute(source.url);
        if (Array.isArray(source.tiles)) source.tiles = source.tiles.map(absolute);
    }
}

// A plain look for a registry layer the style does not know yet, so a layer added on the
// server shows up (and can be switched) without a client release.
function fallbackLayers(layer) {
    const base = {
        source: layer.id,
        'source-layer': layer.id,
        metadata: { [LAYER_KEY]: layer.id, 'riskatlas:legend': { title: layer.title } },
    };
    const colour = '#607d8b';
    switch (layer.geometry_type) {
    case 'Point':
        return [{ ...base, id: `${layer.id}-auto-circle`, type: 'circle',
            paint: { 'circle-color': colour, 'circle-radius': 4,
                'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } }];
    case 'LineString':
        return [{ ...base, id: `${layer.id}-auto-line`, type: 'line',
            paint: { 'line-color': colour, 'line-width': 2 } }];
    default:
        return [
            { ...base, id: `${layer.id}-auto-fill`, type: 'fill',
                paint: { 'fill-color': colour, 'fill-opacity': 0.25 } },
            { ...base, id: `${layer.id}-auto-line`, type: 'line',
                metadata: { [LAYER_KEY]: layer.id }, paint: { 'line-color': colour } },
        ];
    }
}

// The registry is the truth: drop style layers for layers the server does not publish
// (their TileJSON would 404) and add plain ones for layers the style lacks.
function syncWithRegistry(style, registryLayers) {
    const known = new Set(registryLayers.map((l) => l.id));
    const keep = (l) => registryIdOf(l) === null || known.has(registryIdOf(l));
    style.layers = style.layers.filter(keep);
    for (const id of Object.keys(style.sources)) {
        const used = style.layers.some((l) => l.source === id);
        if (!used) delete style.sources[id];
    }
    for (const layer of registryLayers) {
        if (!style.sources[layer.id]) {
            style.layers.push(...fallbackLayers(layer));
        }
        style.sources[layer.id] = {
            ...style.sources[layer.id],
            type: 'vector',
            url: layer.tilejson,
        };
    }
}

// An optional raster base map (config.basemap) goes right above the background,
// beneath every data layer.
function addBasemap(style, basemap) {
    if (!basemap || !Array.isArray(basemap.tiles) || basemap.tiles.length === 0) return;
    style.sources.basemap = {
        type: 'raster',
        tiles: basemap.tiles,
        tileSize: basemap.tile_size ?? 256,
        attribution: basemap.attribution ?? '',
    };
    const firstData = style.layers.findIndex((l) => l.type !== 'background');
    const at = firstData < 0 ? style.layers.length : firstData;
    style.layers.splice(at, 0, { id: 'basemap', type: 'raster', source: 'basemap' });
}

// Symbol layers with metadata "riskatlas:label-points" label each polygon once, from a
// GeoJSON source of points; without the items endpoint they keep labelling tile pieces.
async function useLabelPoints(style, registryLayers) {
    const wanted = style.layers.filter((l) => l.metadata?.['riskatlas:label-points']);
    await Promise.all(wanted.map(async (styleLayer) => {
        const layer = registryLayers.find((l) => l.id === registryIdOf(styleLayer));
        if (!layer?.items) return;
        const sourceId = `${layer.id}-label-points`;
        try {
            style.sources[sourceId] ??= { type: 'geojson', data: await labelPoints(layer.items) };
        } catch (err) {
            console.warn(`riskatlas: ${styleLayer.id} labels tile pieces instead:`, err.message);
            return;
        }
        styleLayer.source = sourceId;
        delete styleLayer['source-layer'];
    }));
}

export async function loadStyle(styleUrl, registryLayers, config) {
    const response = await fetch(styleUrl);
    if (!response.ok) throw new Error(`${styleUrl}: HTTP ${response.status}`);
    const style = await response.json();
    syncWithRegistry(style, registryLayers);
    await useLabelPoints(style, registryLayers);
    addBasemap(style, config?.basemap);
    makeSourceUrlsAbsolute(style);
    return style;
}
