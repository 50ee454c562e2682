// Entry point of the rural-roads page (/roads): the map with the rural-road layers of the shared
// style (risk layers off), the coverage and danger-bridge tables, the bridge list and a bridge's
// detail, opened from the list or by clicking a bridge on the map. Exposes window.riskatlasMap,
// riskatlasReady (map idle) and riskatlasRoadsReady (tables and list filled) for tests.

import * as maplibregl from '/vendor/maplibre-gl/maplibre-gl.mjs';
import { t } from './i18n.js';
import { getConfig, getJson, initialView, wireStaticUi } from './page_common.js';
import { createPanel } from './panel.js';
import { attachPopups } from './popup.js';
import { createBridgeList } from './roads_bridges.js';
import { createBridgeDetail } from './roads_detail.js';
import { loadTables } from './roads_tables.js';
import { loadStyle, registryIdOf } from './style_loader.js';

const ROAD_LAYERS = ['bridges', 'road_risk_segments', 'road_works_gaps', 'safety_works', 'road_routes', 'waterways'];
// Context kept as the style has it; every other layer (the risk view) is switched off.
const CONTEXT_LAYERS = ['regions', 'villages', 'railways'];
const HIT_PX = 5;

// Road layers on (the main map starts them off), risk layers off, and the panel lists only these.
function roadsOnly(style, registryLayers) {
    const shown = new Set([...ROAD_LAYERS, ...CONTEXT_LAYERS]);
    for (const layer of style.layers) {
        const id = registryIdOf(layer);
        if (id === null || CONTEXT_LAYERS.includes(id)) continue;
        const on = ROAD_LAYERS.includes(id) && !layer.metadata?.['riskatlas:switch'];
        layer.layout = { ...layer.layout, visibility: on ? 'visible' : 'none' };
    }
    return registryLayers.filter((l) => shown.has(l.id));
}

function showError(err) {
    const box = document.getElementById('load-error');
    box.textContent = t('error.load', { msg: err.message });
    box.hidden = false;
    console.error('riskatlas:', err);
}

// A click on a bridge opens its detail; other road features keep the shared popups.
function wireMapClicks(map, style, registryLayers, detail) {
    const styleToRegistry = new Map(style.layers.filter((l) => registryIdOf(l) !== null)
        .map((l) => [l.id, registryIdOf(l)]));
    const bridgeLayers = [...styleToRegistry].filter(([, id]) => id === 'bridges').map(([styleId]) => styleId);
    for (const id of bridgeLayers) styleToRegistry.delete(id);
    const popup = attachPopups(maplibregl, map, registryLayers, styleToRegistry);
    map.on('click', (event) => {
        const { x, y } = event.point;
        const hit = map.queryRenderedFeatures([[x - HIT_PX, y - HIT_PX], [x + HIT_PX, y + HIT_PX]],
            { layers: bridgeLayers.filter((id) => map.getLayer(id)) })[0];
        if (!hit) return;
        popup.remove();
        detail.open(hit.properties.code);
    });
    map.on('mousemove', (event) => {
        const { x, y } = event.point;
        if (map.queryRenderedFeatures([[x - HIT_PX, y - HIT_PX], [x + HIT_PX, y + HIT_PX]],
            { layers: bridgeLayers.filter((id) => map.getLayer(id)) }).length) map.getCanvas().style.cursor = 'pointer';
    });
}

async function main() {
    wireStaticUi('roads.title');
    const [registry, config] = await Promise.all([getJson('/api/layers'), getConfig()]);
    const style = await loadStyle('/styles/riskatlas.json', registry.layers, config);
    const pageLayers = roadsOnly(style, registry.layers);

    const map = new maplibregl.Map({
        container: 'map',
        style,
        ...initialView(config, style),
        attributionControl: { compact: true },
    });
    window.riskatlasMap = map;
    map.addControl(new maplibregl.NavigationControl(), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.once('idle', () => {
        window.riskatlasReady = true;
    });
    map.on('error', (event) => console.error('riskatlas map error:', event.error?.message ?? event));
    createPanel(map, pageLayers, style);

    let list = null;
    const detail = createBridgeDetail(map, registry.layers.find((l) => l.id === 'bridges'),
        (code) => list?.select(code));
    wireMapClicks(map, style, pageLayers, detail);
    const [, bridgeList] = await Promise.all([loadTables(), createBridgeList((code) => detail.open(code))]);
    list = bridgeList;
    const asked = new URLSearchParams(location.search).get('bridge');
    if (asked) detail.open(asked);
    window.riskatlasRoadsReady = true;
}

main().catch(showError);
