// What every map page shares: JSON fetches, the optional /api/config, the opening view, and the
// static text with its language switch (#lang-toggle).

import { applyStatic, lang, onLangChange, setLang, t } from './i18n.js';

const FALLBACK_VIEW = { center: [116.75, 35.57], zoom: 10.5 };

export async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
}

// The map still works on the style's own view without /api/config, so that one is optional.
export async function getConfig() {
    try {
        return await getJson('/api/config');
    } catch (err) {
        console.warn('riskatlas: no /api/config, using defaults:', err.message);
        return { basemap: null };
    }
}

export function initialView(config, style) {
    if (Array.isArray(config.center) && Number.isFinite(config.zoom)) {
        return { center: config.center, zoom: config.zoom };
    }
    if (Array.isArray(config.bounds) && config.bounds.length === 4) {
        const [w, s, e, n] = config.bounds;
        return { bounds: [[w, s], [e, n]], fitBoundsOptions: { padding: 20 } };
    }
    return { center: style.center ?? FALLBACK_VIEW.center, zoom: style.zoom ?? FALLBACK_VIEW.zoom };
}

/** Translates the [data-i18n] text and the title (i18n key `titleKey`), now and on every switch. */
export function wireStaticUi(titleKey) {
    const apply = () => {
        applyStatic();
        document.title = t(titleKey);
    };
    apply();
    onLangChange(apply);
    document.getElementById('lang-toggle').addEventListener('click', () => {
        setLang(lang() === 'zh' ? 'en' : 'zh');
    });
}
