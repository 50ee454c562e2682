// Side panel: one checkbox per registry layer (from /api/layers) toggling all of its style
// layers, with that layer's legend underneath while it is visible.

import { localized, onLangChange, t } from './i18n.js';
import { legendElement, legendEntries } from './legend.js';
import { registryIdOf } from './style_loader.js';

export function createPanel(map, registryLayers, style) {
    const list = document.getElementById('layer-list');
    const styleLayersOf = (id) => style.layers.filter((l) => registryIdOf(l) === id);
    // Everything starts visible unless the style says otherwise.
    const visible = new Map(registryLayers.map((layer) => [
        layer.id,
        styleLayersOf(layer.id).some((l) => l.layout?.visibility !== 'none'),
    ]));

    function setVisible(id, on) {
        visible.set(id, on);
        for (const styleLayer of styleLayersOf(id)) {
            map.setLayoutProperty(styleLayer.id, 'visibility', on ? 'visible' : 'none');
        }
        render();
    }

    function layerItem(layer) {
        const item = document.createElement('li');
        item.className = 'layer';
        item.dataset.layer = layer.id;

        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.dataset.layer = layer.id;
        box.checked = visible.get(layer.id);
        box.addEventListener('change', () => setVisible(layer.id, box.checked));
        const title = document.createElement('span');
        title.className = 'layer-title';
        title.textContent = localized(layer.title);
        label.append(box, title);
        label.title = localized(layer.description);
        item.append(label);

        if (layer.minzoom > map.getZoom()) {
            const hint = document.createElement('div');
            hint.className = 'zoom-hint';
            hint.textContent = t('layer.zoom_in', { z: layer.minzoom });
            item.append(hint);
        }
        if (visible.get(layer.id)) item.append(legendElement(legendEntries(styleLayersOf(layer.id))));
        return item;
    }

    function render() {
        list.replaceChildren(...registryLayers.map(layerItem));
    }

    // Zoom hints depend on the zoom; re-render only when a hint would appear or vanish.
    let hidden = '';
    map.on('zoomend', () => {
        const now = registryLayers.filter((l) => l.minzoom > map.getZoom()).map((l) => l.id).join();
        if (now !== hidden) render();
        hidden = now;
    });
    onLangChange(render);
    render();
    return { setVisible, isVisible: (id) => visible.get(id) };
}
