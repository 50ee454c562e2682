// The rural-roads page's bridge list: every bridge of /collections/bridges/items (all pages),
// placed in its township from the township polygons of /collections/regions/items (the bridges
// layer has no township; the tracker finds it the same way, by the area that holds the point),
// filterable by class, state, township and text, sortable by any column.

import { enumLabel, onLangChange, t } from './i18n.js';
import { getJson } from './page_common.js';

const CLASSES = [1, 2, 3, 4, 5];
const STATES = ['overdue', 'danger', 'treated', 'normal'];
const COLUMNS = ['code', 'name', 'route_code', 'stake', 'condition_class', 'state', 'township'];

// Every feature of a collection, following the keyset `next` links on this origin.
async function allFeatures(path) {
    const features = [];
    let next = path;
    while (next) {
        const page = await getJson(next);
        features.push(...page.features);
        const link = page.links?.find((l) => l.rel === 'next');
        next = link ? (({ pathname, search }) => pathname + search)(new URL(link.href, location.origin)) : null;
    }
    return features;
}

// Even-odd ray casting over every ring, so holes count as outside.
function inPolygon([x, y], rings) {
    let inside = false;
    for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const [xi, yi] = ring[i];
            const [xj, yj] = ring[j];
            if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
    }
    return inside;
}

function containing(point, townships) {
    return townships.find(({ geometry: g }) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
        .some((rings) => inPolygon(point, rings))) ?? null;
}

/** K12+300 → 12300, for sorting stakes as distances. */
function stakeMetres(stake) {
    const m = /^K(\d+)\+(\d+(?:\.\d+)?)$/.exec(stake ?? '');
    return m ? Number(m[1]) * 1000 + Number(m[2]) : Infinity;
}

function sortKey(bridge, column) {
    if (column === 'stake') return stakeMetres(bridge.stake);
    if (column === 'state') return STATES.indexOf(bridge.state);
    if (column === 'condition_class') return bridge.condition_class;
    if (column === 'township') return bridge.township?.name ?? '\uffff';
    return bridge[column] ?? '';
}

function compare(a, b) {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b), 'zh-CN');
}

function option(value, text) {
    const el = document.createElement('option');
    el.value = value;
    el.textContent = text;
    return el;
}

function fillSelect(select, allKey, values, label) {
    const chosen = select.value;
    select.replaceChildren(option('', t(allKey)), ...values.map((v) => option(String(v), label(v))));
    select.value = chosen;
}

/** Builds the list; onSelect(code) runs when a row is clicked. Resolves once the rows are in. */
export async function createBridgeList(onSelect) {
    const [features, townships] = await Promise.all([
        allFeatures('/collections/bridges/items?limit=1000'),
        allFeatures('/collections/regions/items?kind=township&limit=1000'),
    ]);
    townships.sort((a, b) => compare(a.properties.code, b.properties.code));
    const bridges = features.map((f) => {
        const township = containing(f.geometry.coordinates, townships);
        return { ...f.properties, coordinates: f.geometry.coordinates,
            township: township && { code: township.properties.code, name: township.properties.name } };
    });
    const els = Object.fromEntries(['filter-class', 'filter-state', 'filter-township', 'filter-text',
        'bridge-count', 'bridge-table'].map((id) => [id, document.getElementById(id)]));
    const sort = { column: 'code', descending: false };
    let selected = null;

    function fillFilters() {
        fillSelect(els['filter-class'], 'roads.bridges.all_classes', CLASSES,
            (c) => enumLabel('condition_class', c, 'bridges'));
        fillSelect(els['filter-state'], 'roads.bridges.all_states', STATES, (s) => enumLabel('state', s, 'bridges'));
        fillSelect(els['filter-township'], 'roads.bridges.all_townships', townships.map((tw) => tw.properties.code),
            (code) => townships.find((tw) => tw.properties.code === code).properties.name);
    }

    function visible() {
        const cls = els['filter-class'].value;
        const state = els['filter-state'].value;
        const township = els['filter-township'].value;
        const text = els['filter-text'].value.trim().toLowerCase();
        return bridges.filter((b) => (!cls || String(b.condition_class) === cls) && (!state || b.state === state) &&
            (!township || b.township?.code === township) &&
            (!text || b.code.toLowerCase().includes(text) || (b.name ?? '').toLowerCase().includes(text)));
    }

    function rowOf(b) {
        const tr = document.createElement('tr');
        tr.dataset.code = b.code;
        tr.dataset.state = b.state;
        tr.className = `state-${b.state}${b.code === selected ? ' selected' : ''}`;
        const values = [b.code, b.name ?? '', b.route_code, b.stake, enumLabel('condition_class', b.condition_class, 'bridges'),
            enumLabel('state', b.state, 'bridges'), b.township?.name ?? t('roads.bridges.outside')];
        tr.append(...values.map((v, i) => Object.assign(document.createElement('td'),
            { textContent: v, className: COLUMNS[i] })));
        tr.addEventListener('click', () => onSelect(b.code));
        return tr;
    }

    function render() {
        const rows = visible().sort((a, b) => compare(sortKey(a, sort.column), sortKey(b, sort.column)) ||
            compare(a.code, b.code));
        if (sort.descending) rows.reverse();
        els['bridge-table'].tBodies[0].replaceChildren(...rows.map(rowOf));
        for (const th of els['bridge-table'].tHead.querySelectorAll('th[data-sort]')) {
            if (th.dataset.sort === sort.column) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
            else th.removeAttribute('aria-sort');
        }
        els['bridge-count'].textContent = t('roads.bridges.count', { shown: rows.length, total: bridges.length });
    }

    for (const th of els['bridge-table'].tHead.querySelectorAll('th[data-sort]')) {
        th.addEventListener('click', () => {
            sort.descending = sort.column === th.dataset.sort && !sort.descending;
            sort.column = th.dataset.sort;
            render();
        });
    }
    for (const id of ['filter-class', 'filter-state', 'filter-township']) els[id].addEventListener('change', render);
    els['filter-text'].addEventListener('input', render);
    fillFilters();
    render();
    onLangChange(() => {
        fillFilters();
        render();
    });
    return {
        bridges,
        /** Marks the bridge's row and scrolls it into view (it may be filtered out). */
        select(code) {
            selected = code;
            render();
            els['bridge-table'].querySelector(`tr[data-code="${CSS.escape(code)}"]`)?.scrollIntoView({ block: 'nearest' });
        },
    };
}
