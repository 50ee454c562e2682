// Click popups: the clicked features' properties titled from the registry (/api/layers),
// enum values translated, and tags for generated or approximate data; risk features add
// their working from /api/explain (explain.js).

import { explanationElement, isExplained } from './explain.js';
import { enumLabel, hasEnum, localized, onLangChange, t } from './i18n.js';

// Booleans that read better as a tag next to the name than as a yes/no row.
const TAGS = { danger: 'popup.danger', missing_interim_measure: 'popup.no_interim',
    generated: 'popup.generated', approximate: 'popup.approximate', overdue: 'popup.overdue' };
const MAX_FEATURES = 4;
// Shown by the explanation (explain.js) with their working, so not repeated as rows.
const EXPLAINED_PROPS = new Set(['colour', 'score_colour', 'score', 'grade', 'score_grade', 'hard_rules', 'vetoes',
    'risk_index', 'density', 'red', 'orange', 'yellow', 'blue', 'model_version', 'run']);
const HIT_PX = 5;

function formatValue(prop, value, layerId) {
    if (typeof value === 'boolean') return t(value ? 'value.true' : 'value.false');
    if (hasEnum(prop, layerId)) return enumLabel(prop, value, layerId);
    if (typeof value === 'number') return value.toLocaleString();
    return String(value);
}

// The section of one feature, headed by its layer's title.
function sectionOf(feature, layer, className) {
    const section = document.createElement('section');
    section.className = className;
    section.dataset.layer = layer?.id ?? feature.source;
    const kicker = document.createElement('div');
    kicker.className = 'feature-layer';
    kicker.textContent = layer ? localized(layer.title) : feature.source;
    return { section, kicker };
}

// A low-zoom cluster (point_count, see zoom_bands in the layer registry) stands for many
// features: say how many, never one member's details.
function clusterSection(feature, layer) {
    const { section, kicker } = sectionOf(feature, layer, 'feature cluster');
    const heading = document.createElement('h3');
    heading.textContent = t('popup.cluster').replace('{n}', feature.properties.point_count);
    section.append(kicker, heading);
    return section;
}

function featureSection(feature, layer, pinnedVersion) {
    const props = feature.properties;
    if (props.point_count != null) return clusterSection(feature, layer);
    const { section, kicker } = sectionOf(feature, layer, 'feature');
    const heading = document.createElement('h3');
    // Features without a name (hazards, some railways) are headed by their code or layer;
    // risky road segments and gaps by their type and route ("平交路口 · X001370812").
    const headingProp = ['name', 'code'].find((p) => props[p] != null && props[p] !== '');
    if (headingProp) heading.textContent = props[headingProp];
    else if (props.type != null && props.route_code) {
        heading.textContent = `${enumLabel('type', props.type, layer?.id)} · ${props.route_code}`;
    } else heading.textContent = props.route_code ?? kicker.textContent;
    for (const [prop, key] of Object.entries(TAGS)) {
        if (props[prop] !== true) continue;
        const tag = document.createElement('span');
        tag.className = `tag tag-${prop}`;
        tag.textContent = t(key);
        heading.append(' ', tag);
    }

    const rows = document.createElement('dl');
    const described = layer?.properties ?? [];
    const names = [...described.map((p) => p.name),
        ...Object.keys(props).filter((n) => !described.some((p) => p.name === n))];
    const explained = layer && isExplained(layer.id) && feature.id != null;
    for (const name of names) {
        if (explained && EXPLAINED_PROPS.has(name)) continue;
        const value = props[name];
        if (name === headingProp || name in TAGS || value === undefined || value === null || value === '') continue;
        // A stake range reads as one row: K3+057–K3+298.
        const range = name === 'from_stake' && props.to_stake;
        if (name === 'to_stake' && props.from_stake) continue;
        const title = described.find((p) => p.name === name)?.title;
        const dt = document.createElement('dt');
        dt.textContent = range ? t('popup.stakes') : title ? localized(title) : name;
        const dd = document.createElement('dd');
        dd.textContent = range ? `${value}–${props.to_stake}` : formatValue(name, value, layer?.id);
        dd.dataset.prop = range ? 'stakes' : name;
        rows.append(dt, dd);
    }
    section.append(kicker, heading, rows);
    if (explained) {
        section.append(explanationElement(layer.id, feature, pinnedVersion));
    }
    return section;
}

// Points and lines are small targets: show every one under the cursor. Polygons cover
// everything, so only the top-most one is shown, and only when no point or line was hit.
function pick(features, registryIdOf) {
    const seen = new Set();
    const unique = features.filter((f) => {
        const key = `${registryIdOf(f)}:${f.id ?? JSON.stringify(f.properties)}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
    const small = unique.filter((f) => f.layer.type === 'circle' || f.layer.type === 'line' ||
        f.layer.type === 'symbol' && f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon');
    return small.length ? small : unique.slice(0, 1);
}

/** styleToRegistry maps each clickable style layer id to its registry layer id;
 *  pinnedVersion() is the run the risk view is pinned to (null: the latest). */
export function attachPopups(maplibregl, map, registryLayers, styleToRegistry, pinnedVersion = () => null) {
    const registry = new Map(registryLayers.map((l) => [l.id, l]));
    const styleLayerIds = [...styleToRegistry.keys()];
    const registryIdOf = (f) => styleToRegistry.get(f.layer.id);
    // Our click handler opens, moves or closes the popup; MapLibre's own close-on-click would
    // run after it on the same click and close the popup just moved to another feature.
    const popup = new maplibregl.Popup({ maxWidth: '420px', className: 'riskatlas-popup', closeOnClick: false });
    let shown = [];

    const queryAt = (point) => map.queryRenderedFeatures(
        [[point.x - HIT_PX, point.y - HIT_PX], [point.x + HIT_PX, point.y + HIT_PX]],
        { layers: styleLayerIds.filter((id) => map.getLayer(id)) });

    function content() {
        const box = document.createElement('div');
        box.className = 'popup-body';
        for (const f of shown.slice(0, MAX_FEATURES)) {
            box.append(featureSection(f, registry.get(registryIdOf(f)), pinnedVersion()));
        }
        if (shown.length > MAX_FEATURES) {
            const more = document.createElement('p');
            more.className = 'more';
            more.textContent = t('popup.more', { n: shown.length - MAX_FEATURES });
            box.append(more);
        }
        return box;
    }

    map.on('click', (event) => {
        shown = pick(queryAt(event.point), registryIdOf);
        if (shown.length === 0) {
            popup.remove();
            return;
        }
        popup.setLngLat(event.lngLat).setDOMContent(content()).addTo(map);
    });
    map.on('mousemove', (event) => {
        const hit = queryAt(event.point).some((f) => f.layer.type !== 'fill');
        map.getCanvas().style.cursor = hit ? 'pointer' : '';
    });
    onLangChange(() => {
        if (popup.isOpen()) popup.setDOMContent(content());
    });
    return popup;
}
