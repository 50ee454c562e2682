// The risk view controls: an industry filter ("分行业") and a version selector fed by
// /api/runs. The filter switches the zoning sources to ?category= and filters enterprise
// points by supervision_category in the client; a chosen run pins every risk source (and
// the explanations) to ?version=. Both are kept in the address bar so a view can be shared.

import { CATEGORIES, enumLabel, lang, onLangChange, t } from './i18n.js';
import { replaceVectorSource } from './source_swap.js';
import { registryIdOf } from './style_loader.js';

// Which layers take which parameter (the registry does not say, so it is written down here).
export const RISK_LAYERS = ['enterprise_risk', 'park_risk', 'township_risk', 'grid_risk', 'hazard_density'];
const CATEGORY_LAYERS = ['township_risk', 'grid_risk'];
// Points carry supervision_category, so they are filtered here rather than by the server.
const FILTERED_LAYERS = ['enterprise_risk', 'enterprises'];

/** A run's time for people: local date and time to the second (two runs can share a minute). */
export function runTime(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', {
        year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
    });
}

function fromAddress() {
    const params = new URLSearchParams(location.search);
    const category = params.get('category');
    const version = params.get('version');
    return {
        category: CATEGORIES.includes(category) ? category : 'all',
        version: /^\d+$/.test(version ?? '') ? version : null,
    };
}

function toAddress(state) {
    const url = new URL(location.href);
    for (const [key, value] of [['category', state.category === 'all' ? null : state.category],
        ['version', state.version]]) {
        if (value) url.searchParams.set(key, value);
        else url.searchParams.delete(key);
    }
    history.replaceState(null, '', url);
}

function option(value, text, title = '') {
    const el = document.createElement('option');
    el.value = value;
    el.textContent = text;
    if (title) el.title = title;
    return el;
}

async function fetchRuns() {
    const response = await fetch('/api/runs', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`/api/runs: HTTP ${response.status}`);
    return (await response.json()).runs ?? [];
}

// A new source loads its tiles a frame after it is added, so a map can go idle in between;
// the 'content' event marks the moment the new urls are in use.
function whenReloaded(map, id, timeoutMs = 10_000) {
    return new Promise((resolve) => {
        const done = () => {
            map.off('sourcedata', onData);
            clearTimeout(timer);
            resolve();
        };
        const onData = (e) => {
            if (e.sourceId === id && e.sourceDataType === 'content') done();
        };
        const timer = setTimeout(done, timeoutMs);
        map.on('sourcedata', onData);
    });
}

export function createRiskControls(map, style) {
    const state = fromAddress();
    let runs = [];
    const listeners = [];
    const tileJsons = new Map();
    const categorySelect = document.getElementById('category-select');
    const versionSelect = document.getElementById('version-select');
    const status = document.getElementById('version-status');
    const originalFilters = new Map(style.layers
        .filter((l) => FILTERED_LAYERS.includes(registryIdOf(l)))
        .map((l) => [l.id, l.filter ?? null]));

    // The layer's TileJSON (its tile urls carry a cache-busting ?v=), fetched once per layer
    // from the style's url, since a replaced source only knows our tile urls.
    function tileJsonOf(id) {
        if (!tileJsons.has(id)) {
            const url = style.sources[id].url;
            const request = fetch(url).then((response) => {
                if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
                return response.json();
            });
            tileJsons.set(id, request);
            request.catch(() => tileJsons.delete(id));
        }
        return tileJsons.get(id);
    }

    function paramsFor(id) {
        const params = {};
        if (CATEGORY_LAYERS.includes(id) && state.category !== 'all') params.category = state.category;
        if (state.version) params.version = state.version;
        return params;
    }

    async function applySources() {
        await Promise.all(RISK_LAYERS.filter((id) => style.sources[id]?.url).map(async (id) => {
            // Appended as text: URL() would percent-encode the template's {z}/{x}/{y}.
            const query = new URLSearchParams(paramsFor(id)).toString();
            const { tiles, minzoom, maxzoom, bounds, attribution } = await tileJsonOf(id);
            const withQuery = tiles.map((template) =>
                (query ? `${template}${template.includes('?') ? '&' : '?'}${query}` : template));
            const reloaded = whenReloaded(map, id);
            replaceVectorSource(map, id, { type: 'vector', tiles: withQuery, minzoom, maxzoom, bounds, attribution });
            await reloaded;
        }));
    }

    function applyFilters() {
        const match = ['==', ['get', 'supervision_category'], state.category];
        for (const [id, original] of originalFilters) {
            if (!map.getLayer(id)) continue;
            const filter = state.category === 'all' ? original : original ? ['all', original, match] : match;
            map.setFilter(id, filter);
        }
    }

    // data-applied tells tests (and anyone curious) which view the sources now request.
    const appliedKey = () => `${state.category}|${state.version ?? ''}`;

    async function apply() {
        toAddress(state);
        applyFilters();
        await applySources();
        document.getElementById('risk-controls').dataset.applied = appliedKey();
        for (const fn of listeners) fn(state);
    }

    function renderCategories() {
        categorySelect.replaceChildren(...CATEGORIES.map((c) => option(c, enumLabel('category', c))));
        categorySelect.value = state.category;
    }

    function renderVersions() {
        if (runs.length === 0) {
            versionSelect.replaceChildren(option('', t('risk.version.none')));
            versionSelect.disabled = true;
            status.textContent = '';
            return;
        }
        versionSelect.disabled = false;
        const latest = option('', t('risk.version.latest', { time: runTime(runs[0].finished_at) }));
        versionSelect.replaceChildren(latest, ...runs.map((run) => option(String(run.version),
            t('risk.version.option', { time: runTime(run.finished_at), kind: t(`run.${run.kind}`) }),
            `${run.reason ?? ''} #${run.version}`)));
        versionSelect.value = state.version ?? '';
        const pinned = runs.find((r) => String(r.version) === state.version);
        status.textContent = pinned ? t('risk.version.pinned', { time: runTime(pinned.finished_at) })
            : t('risk.version.live', { time: runTime(runs[0].finished_at) });
        status.classList.toggle('pinned', Boolean(pinned));
    }

    categorySelect.addEventListener('change', () => {
        state.category = categorySelect.value;
        apply().catch((err) => console.error('riskatlas: category:', err));
    });
    versionSelect.addEventListener('change', () => {
        state.version = versionSelect.value || null;
        renderVersions();
        apply().catch((err) => console.error('riskatlas: version:', err));
    });
    onLangChange(() => {
        renderCategories();
        renderVersions();
    });
    renderCategories();
    renderVersions();

    const ready = fetchRuns().then((list) => {
        runs = list;
        // A version from an old link that no longer exists falls back to the latest.
        if (state.version && !runs.some((r) => String(r.version) === state.version)) state.version = null;
        renderVersions();
    }).catch((err) => {
        console.warn('riskatlas: no versions:', err.message);
        versionSelect.replaceChildren(option('', t('risk.version.unavailable')));
        versionSelect.disabled = true;
    }).then(() => {
        if (state.category !== 'all' || state.version) return apply();
        document.getElementById('risk-controls').dataset.applied = appliedKey();
        return undefined;
    });

    const pinnedRun = () => runs.find((r) => String(r.version) === state.version);
    return {
        ready,
        state: () => ({ ...state }),
        onChange: (fn) => listeners.push(fn),
        /** Legend notes for a switcher entry: the industry filter and a pinned version. */
        annotate(id) {
            const notes = [];
            if ((CATEGORY_LAYERS.includes(id) || FILTERED_LAYERS.includes(id)) && state.category !== 'all') {
                notes.push(t('legend.category', { category: enumLabel('category', state.category) }));
            }
            if (RISK_LAYERS.includes(id) && pinnedRun()) {
                notes.push(t('legend.version', { time: runTime(pinnedRun().finished_at) }));
            }
            return notes;
        },
    };
}
