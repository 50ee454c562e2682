// The bridge detail card of the rural-roads page: every field of /api/roads/bridges/{code}
// titled from the registry (or our own titles for fields the map layer lacks), the inspection
// history, a ring around the bridge on the map and a flight to it. ?bridge= keeps the open bridge
// in the address so a link shows it.

import { enumLabel, hasEnum, localized, onLangChange, t } from './i18n.js';
import { getJson } from './page_common.js';

// In reading order; `position` is the geometry's coordinates.
const FIELDS = ['name', 'route_code', 'route_name', 'stake', 'centre_m', 'length_m', 'max_span_m', 'structure_type',
    'built_year', 'condition_class', 'dr_score', 'rated_at', 'danger', 'state', 'missing_interim_measure',
    'interim_measure', 'treatment', 'treatment_deadline', 'treated_at', 'status', 'generated', 'note',
    'township_name', 'township_code', 'position'];
const SOURCE = 'selected-bridge';
const FLY_ZOOM = 14;

function formatValue(name, value, scope) {
    if (value === null || value === undefined || value === '') return t('roads.none');
    if (typeof value === 'boolean') return t(value ? 'value.true' : 'value.false');
    if (hasEnum(name, scope)) return enumLabel(name, value, scope);
    // A year is a label, not a quantity: 1976, not 1,976.
    if (typeof value === 'number' && name !== 'built_year') return value.toLocaleString();
    return String(value);
}

// The card floats over the map's right side; padding keeps the bridge in the part left visible.
function cardPadding(card) {
    const beside = window.matchMedia('(min-width: 901px)').matches;
    return { top: 0, bottom: 0, left: 0, right: beside && !card.hidden ? card.offsetWidth + 60 : 0 };
}

function fieldTitle(name, layer) {
    const title = layer?.properties.find((p) => p.name === name)?.title;
    return title ? localized(title) : t(`roads.field.${name}`);
}

function fieldList(bridge, layer) {
    const dl = document.createElement('dl');
    dl.className = 'fields';
    for (const name of FIELDS) {
        const value = name === 'position'
            ? bridge.geometry.coordinates.map((c) => c.toFixed(6)).join(', ') : bridge[name];
        const dt = document.createElement('dt');
        dt.textContent = fieldTitle(name, layer);
        const dd = document.createElement('dd');
        dd.dataset.field = name;
        dd.textContent = formatValue(name, value, 'bridges');
        dl.append(dt, dd);
    }
    return dl;
}

function inspectionTable(inspections) {
    if (inspections.length === 0) {
        return Object.assign(document.createElement('p'), { className: 'status', textContent: t('roads.detail.no_inspections') });
    }
    const table = document.createElement('table');
    table.className = 'figures inspections';
    const head = table.createTHead().insertRow();
    for (const key of ['date', 'kind', 'class', 'dr', 'note']) {
        head.append(Object.assign(document.createElement('th'), { textContent: t(`roads.detail.${key}`) }));
    }
    const body = table.createTBody();
    for (const i of inspections) {
        const tr = body.insertRow();
        tr.dataset.date = i.inspected_at;
        const cells = [i.inspected_at, formatValue('kind', i.kind, 'bridge_inspections'),
            formatValue('condition_class', i.condition_class, 'bridges'), formatValue('dr_score', i.dr_score), i.note ?? ''];
        for (const text of cells) tr.insertCell().append(text);

        tr.cells[1].className = 'kind';
        tr.cells[2].className = 'class';
    }
    return table;
}

function addHighlight(map, features) {
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features } });
    map.addLayer({ id: SOURCE, type: 'circle', source: SOURCE,
        paint: { 'circle-radius': 13, 'circle-color': 'rgba(0, 0, 0, 0)', 'circle-stroke-width': 3,
            'circle-stroke-color': '#54306e' } });
}

/** registryLayer: the bridges entry of /api/layers; onOpen(code) lets the list follow. */
export function createBridgeDetail(map, registryLayer, onOpen = () => {}) {
    const card = document.getElementById('bridge-detail');
    const heading = document.getElementById('detail-heading');
    const body = document.getElementById('detail-body');
    let shown = null; // the bridge on the card, or the code being fetched
    let asked = null;

    // A bridge asked for in the address can open before the style has loaded.
    let ringed = [];
    if (map.isStyleLoaded()) addHighlight(map, ringed);
    else map.once('load', () => addHighlight(map, ringed));
    const highlight = (features) => {
        ringed = features;
        map.getSource(SOURCE)?.setData({ type: 'FeatureCollection', features });
    };

    function keepInAddress(code) {
        const url = new URL(location.href);
        if (code) url.searchParams.set('bridge', code);
        else url.searchParams.delete('bridge');
        history.replaceState(null, '', url);
    }

    function render() {
        if (!shown) return;
        heading.textContent = shown.code;
        body.replaceChildren(fieldList(shown, registryLayer),
            Object.assign(document.createElement('h3'), { textContent: t('roads.detail.inspections') }),
            inspectionTable(shown.inspections));
    }

    async function open(code) {
        asked = code;
        card.hidden = false;
        card.dataset.code = code;
        card.dataset.state = 'loading';
        heading.textContent = code;
        body.replaceChildren(Object.assign(document.createElement('p'),
            { className: 'status', textContent: t('roads.detail.loading') }));
        onOpen(code);
        keepInAddress(code);
        try {
            const bridge = await getJson(`/api/roads/bridges/${encodeURIComponent(code)}`);
            if (asked !== code) return;
            shown = bridge;
            render();
            card.dataset.state = 'ready';
            highlight([{ type: 'Feature', geometry: bridge.geometry, properties: {} }]);
            map.flyTo({ center: bridge.geometry.coordinates, zoom: Math.max(map.getZoom(), FLY_ZOOM),
                padding: cardPadding(card) });
        } catch (err) {
            if (asked !== code) return;
            shown = null;
            card.dataset.state = 'failed';
            body.replaceChildren(Object.assign(document.createElement('p'),
                { className: 'error', textContent: t('roads.failed', { msg: err.message }) }));
        }
    }

    function close() {
        asked = shown = null;
        card.hidden = true;
        delete card.dataset.code;
        highlight([]);
        keepInAddress(null);
        map.easeTo({ padding: cardPadding(card), duration: 300 });
    }

    document.getElementById('detail-close').addEventListener('click', close);
    onLangChange(render);
    return { open, close };
}
