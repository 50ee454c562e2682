// Builds legend entries from the style layers themselves, so swatches always match the map.
// A style layer opts in with metadata "riskatlas:legend":
//   {"label": "<i18n key>"} or {"title": {zh, en}}  one swatch in the layer's colour;
//   {"property": "<name>"}  one swatch per arm of the colour's ["match", ["get", name], ...],
//                          labelled from the i18n enum "enum" (default: the property name);
//   a heatmap's {"label"} shows its heatmap-color ramp as one gradient swatch;
//   "paint" names the colour property when it is not the layer type's main one,
//   "note" adds a line of text (an i18n key).

import { enumLabel, localized, t } from './i18n.js';

const MAIN_COLOUR = { fill: 'fill-color', line: 'line-color', circle: 'circle-color', heatmap: 'heatmap-color' };

function swatchShape(styleLayer, paintName) {
    if (styleLayer.type === 'heatmap') return 'gradient';
    if (styleLayer.type === 'circle') return paintName === 'circle-stroke-color' ? 'ring' : 'dot';
    if (styleLayer.type === 'line') {
        const dash = styleLayer.paint?.['line-dasharray'];
        if (!Array.isArray(dash)) return 'line';
        return dash[0] < dash[1] ? 'dotted' : 'dashed';
    }
    return 'area';
}

// ["match", input, v1, out1, v2, out2, ..., fallback]: a label may be one value or a list.
function matchArms(expression) {
    const arms = [];
    for (let i = 2; i + 1 < expression.length; i += 2) {
        arms.push({ values: [].concat(expression[i]), colour: expression[i + 1] });
    }
    return arms;
}

// ["interpolate", curve, input, stop1, colour1, ...] as a CSS gradient, low to high.
function rampGradient(expression) {
    const stops = [];
    for (let i = 3; i + 1 < expression.length; i += 2) {
        stops.push(`${expression[i + 1]} ${Math.round(expression[i] * 100)}%`);
    }
    return `linear-gradient(to right, ${stops.join(', ')})`;
}

function entriesOf(styleLayer) {
    const spec = styleLayer.metadata?.['riskatlas:legend'];
    if (!spec) return [];
    const paintName = spec.paint ?? MAIN_COLOUR[styleLayer.type];
    const colour = styleLayer.paint?.[paintName];
    const shape = swatchShape(styleLayer, paintName);
    const entries = [];
    if (spec.property && Array.isArray(colour) && colour[0] === 'match') {
        for (const arm of matchArms(colour)) {
            const text = arm.values.map((v) => enumLabel(spec.enum ?? spec.property, v)).join('、');
            entries.push({ shape, colour: arm.colour, text });
        }
    } else if (shape === 'gradient' && Array.isArray(colour) && colour[0] === 'interpolate') {
        entries.push({ shape, colour: rampGradient(colour), text: spec.label ? t(spec.label) : localized(spec.title) });
    } else if (typeof colour === 'string') {
        const text = spec.label ? t(spec.label) : localized(spec.title);
        entries.push({ shape, colour, text });
    }
    if (spec.note) entries.push({ shape: 'note', colour: null, text: t(spec.note) });
    return entries;
}

/** Legend entries for the given style layers, in style order (bottom first). */
export function legendEntries(styleLayers) {
    return styleLayers.flatMap(entriesOf);
}

/** A line of text under a legend (shown like a note). */
export function noteEntry(text) {
    return { shape: 'note', colour: null, text };
}

/** A <ul class="legend"> for the entries; an empty list renders nothing. */
export function legendElement(entries) {
    const list = document.createElement('ul');
    list.className = 'legend';
    for (const entry of entries) {
        const item = document.createElement('li');
        const swatch = document.createElement('span');
        swatch.className = `swatch swatch-${entry.shape}`;
        swatch.style.setProperty('--swatch', entry.colour ?? 'transparent');
        swatch.setAttribute('aria-hidden', 'true');
        const text = document.createElement('span');
        text.textContent = entry.text;
        item.append(swatch, text);
        list.append(item);
    }
    return list;
}
