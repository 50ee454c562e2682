// Entry point of the map page: loads the registry, config and style from the server, builds
// the map, the side panel, the risk view controls and popups. Exposes window.riskatlasMap /
// riskatlasReady for tests.

import * as maplibregl from '/vendor/maplibre-gl/maplibre-gl.mjs';
import { t } from './i18n.js';
import { getConfig, getJson, initialView, wireStaticUi } from './page_common.js';
import { createPanel } from './panel.js';
import { attachPopups } from './popup.js';
import { createRiskControls } from './risk_controls.js';
import { loadStyle, registryIdOf } from './style_loader.js';

// The panel floats over the left of the map; padding the camera keeps the centre (and
// fitted bounds) in the part of the map people can see.
function panelPadding() {
    const panel = document.getElementById('panel');
    const beside = !document.body.classList.contains('panel-hidden') &&
        window.matchMedia('(min-width: 641px)').matches;
    return { top: 0, right: 0, bottom: 0, left: beside ? panel.offsetLeft + panel.offsetWidth : 0 };
}

function wirePanelToggle(map) {
    const toggle = (hidden) => {
        document.body.classList.toggle('panel-hidden', hidden);
        map.easeTo({ padding: panelPadding(), duration: 300 });
    };
    document.getElementById('panel-hide').addEventListener('click', () => toggle(true));
    document.getElementById('panel-show').addEventListener('click', () => toggle(false));
    window.matchMedia('(min-width: 641px)').addEventListener('change', () => map.setPadding(panelPadding()));
}

function showError(err) {
    const box = document.getElementById('load-error');
    box.textContent = t('error.load', { msg: err.message });
    box.hidden = false;
    document.querySelector('#layer-list .loading')?.remove();
    console.error('riskatlas:', err);
}

// /?archive=1 draws the layers seeded into the server's tile archive (`riskatlas seed`, served
// with `serve --tile-archive`) from /archive/tiles.json instead of live tiles; layers the
// archive lacks stay live. The archive holds each layer's default view only, so the risk view
// controls (which switch to live ?category=/?version= tiles) are hidden.
async function useArchive(style) {
    if (new URLSearchParams(location.search).get('archive') !== '1') return;
    const tilejson = await getJson('/archive/tiles.json');
    const seeded = new Set(tilejson.vector_layers.map((l) => l.id));
    const url = new URL('/archive/tiles.json', location.origin).href;
    for (const [id, source] of Object.entries(style.sources)) {
        if (source.type === 'vector' && seeded.has(id)) source.url = url;
    }
    document.getElementById('risk-controls').style.display = 'none'; // its CSS display beats [hidden]
    document.getElementById('archive-notice').hidden = false;
}

async function main() {
    wireStaticUi('app.title');
    const [registry, config] = await Promise.all([getJson('/api/layers'), getConfig()]);
    const style = await loadStyle('/styles/riskatlas.json', registry.layers, config);
    await useArchive(style);

    const map = new maplibregl.Map({
        container: 'map',
        style,
        ...initialView(config, style),
        attributionControl: { compact: true },
    });
    window.riskatlasMap = map;
    map.setPadding(panelPadding());
    wirePanelToggle(map);
    map.addControl(new maplibregl.NavigationControl(), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.once('idle', () => {
        window.riskatlasReady = true;
    });
    // Tile and style failures surface here, not as exceptions.
    map.on('error', (event) => console.error('riskatlas map error:', event.error?.message ?? event));

    const controls = createRiskControls(map, style);
    const panel = createPanel(map, registry.layers, style, controls.annotate);
    controls.onChange(() => panel.refresh());
    controls.ready.then(() => panel.refresh());
    const styleToRegistry = new Map(style.layers.filter((l) => registryIdOf(l) !== null)
        .map((l) => [l.id, registryIdOf(l)]));
    attachPopups(maplibregl, map, registry.layers, styleToRegistry, () => controls.state().version);
}

main().catch(showError);
