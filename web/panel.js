// Side panel: one checkbox per registry layer (from /api/layers) toggling all of its style
// layers, with that layer's legend underneath while it is visible. A style layer with
// metadata "riskatlas:switch" gets a checkbox of its own (the hazard heat map), and the
// style's "riskatlas:panel-groups" orders the entries under headings.

import { localized, onLangChange, t } from './i18n.js';
import { legendElement, legendEntries, noteEntry } from './legend.js';
import { registryIdOf } from './style_loader.js';

const SWITCH_KEY = 'riskatlas:switch';

// One switchable entry: a registry layer's style layers (less its switches) or one switch.
function panelEntries(registryLayers, style) {
    const entries = [];
    for (const layer of registryLayers) {
        const own = style.layers.filter((l) => registryIdOf(l) === layer.id);
        entries.push({ id: layer.id, layer, minzoom: layer.minzoom,
            title: () => localized(layer.title), description: () => localized(layer.description),
            styleLayers: own.filter((l) => !l.metadata?.[SWITCH_KEY]) });
        for (const styleLayer of own.filter((l) => l.metadata?.[SWITCH_KEY])) {
            const spec = styleLayer.metadata[SWITCH_KEY];
            entries.push({ id: spec.id, layer, minzoom: Math.max(layer.minzoom, styleLayer.minzoom ?? 0),
                title: () => t(spec.title), description: () => (spec.description ? t(spec.description) : ''),
                styleLayers: [styleLayer] });
        }
    }
    return entries.filter((e) => e.styleLayers.length > 0);
}

// [{title, entries}] in the style's group order; entries it does not name go last, untitled.
function groupEntries(entries, style) {
    const groups = (style.metadata?.['riskatlas:panel-groups'] ?? []).map((g) => ({
        title: g.title,
        entries: g.layers.map((id) => entries.find((e) => e.id === id)).filter(Boolean),
    }));
    const named = new Set(groups.flatMap((g) => g.entries));
    const rest = entries.filter((e) => !named.has(e));
    if (rest.length) groups.push({ title: null, entries: rest });
    return groups.filter((g) => g.entries.length > 0);
}

/** annotate(id) may return extra legend notes (strings) for an entry, e.g. the filter in force. */
export function createPanel(map, registryLayers, style, annotate = () => []) {
    const list = document.getElementById('layer-list');
    const entries = panelEntries(registryLayers, style);
    const groups = groupEntries(entries, style);
    // Everything starts visible unless the style says otherwise.
    const visible = new Map(entries.map((e) => [e.id, e.styleLayers.some((l) => l.layout?.visibility !== 'none')]));

    function setVisible(id, on) {
        visible.set(id, on);
        for (const styleLayer of entries.find((e) => e.id === id)?.styleLayers ?? []) {
            map.setLayoutProperty(styleLayer.id, 'visibility', on ? 'visible' : 'none');
        }
        render();
    }

    function layerItem(entry) {
        const item = document.createElement('li');
        item.className = 'layer';
        item.dataset.layer = entry.id;

        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.dataset.layer = entry.id;
        box.checked = visible.get(entry.id);
        box.addEventListener('change', () => setVisible(entry.id, box.checked));
        const title = document.createElement('span');
        title.className = 'layer-title';
        title.textContent = entry.title();
        label.append(box, title);
        label.title = entry.description();
        item.append(label);

        if (entry.minzoom > map.getZoom()) {
            const hint = document.createElement('div');
            hint.className = 'zoom-hint';
            hint.textContent = t('layer.zoom_in', { z: entry.minzoom });
            item.append(hint);
        }
        if (visible.get(entry.id)) {
            const notes = annotate(entry.id).map(noteEntry);
            item.append(legendElement([...legendEntries(entry.styleLayers), ...notes]));
        }
        return item;
    }

    function groupHeading(title) {
        const heading = document.createElement('li');
        heading.className = 'group-heading';
        heading.textContent = t(title);
        return heading;
    }

    function render() {
        list.replaceChildren(...groups.flatMap((g) =>
            [...(g.title ? [groupHeading(g.title)] : []), ...g.entries.map(layerItem)]));
    }

    // Zoom hints depend on the zoom; re-render only when a hint would appear or vanish.
    let hidden = '';
    map.on('zoomend', () => {
        const now = entries.filter((e) => e.minzoom > map.getZoom()).map((e) => e.id).join();
        if (now !== hidden) render();
        hidden = now;
    });
    onLangChange(render);
    render();
    return { setVisible, isVisible: (id) => visible.get(id), refresh: render };
}
