// Every user-visible string of the map page, Chinese first, plus the language state.
// Field titles come from /api/layers; only UI text and enum values live here.

const STRINGS = {
    'app.title': { zh: '安全生产风险一张图', en: 'Work-safety risk map' },
    'app.region': { zh: '山东省济宁市兖州区', en: 'Yanzhou District, Jining, Shandong' },
    'lang.switch': { zh: 'English', en: '中文' },
    'lang.switch.title': { zh: 'Switch to English', en: '切换到中文' },
    'notice.demo': {
        zh: '演示数据：企业、园区、隐患为生成数据；乡镇范围为近似。',
        en: 'Demo data: enterprises, parks and hazards are generated; township extents are approximate.',
    },
    'panel.layers': { zh: '图层', en: 'Layers' },
    'panel.hide': { zh: '收起', en: 'Hide' },
    'panel.show': { zh: '图层与图例', en: 'Layers & legend' },
    'panel.loading': { zh: '正在加载…', en: 'Loading…' },
    'layer.zoom_in': { zh: '放大到 {z} 级后显示', en: 'Shown from zoom {z}' },
    'legend.township': { zh: '乡镇/街道', en: 'Township / street' },
    'legend.township_approx': { zh: '乡镇边界（近似）', en: 'Township boundary (approximate)' },
    'legend.county': { zh: '区县边界', en: 'District boundary' },
    'legend.railway': { zh: '铁路', en: 'Railway' },
    'legend.village': { zh: '村委会/居委会', en: 'Village / community committee' },
    'legend.hazard_closed': { zh: '已闭环或已驳回', en: 'Closed or rejected' },
    'legend.major_hazard_source': { zh: '大圆：重大危险源', en: 'Large circle: major hazard source' },
    'popup.generated': { zh: '生成数据', en: 'Generated' },
    'popup.approximate': { zh: '近似', en: 'Approximate' },
    'popup.overdue': { zh: '已逾期', en: 'Overdue' },
    'popup.more': { zh: '此处另有 {n} 个要素，请放大查看', en: '{n} more here; zoom in to see them' },
    'popup.close': { zh: '关闭', en: 'Close' },
    'value.true': { zh: '是', en: 'Yes' },
    'value.false': { zh: '否', en: 'No' },
    'error.load': { zh: '地图加载失败：{msg}', en: 'The map failed to load: {msg}' },
};

// Enum values by property name (the same names as in tiles/layers/*.json).
const ENUMS = {
    supervision_category: {
        hazardous_chemicals: { zh: '危险化学品', en: 'Hazardous chemicals' },
        coal_mine: { zh: '煤矿', en: 'Coal mine' },
        non_coal_mine: { zh: '非煤矿山', en: 'Non-coal mine' },
        industry_trade: { zh: '工贸', en: 'Industry and trade' },
        fireworks: { zh: '烟花爆竹', en: 'Fireworks' },
        construction: { zh: '建筑施工', en: 'Construction' },
        gas: { zh: '燃气', en: 'Gas' },
        transport: { zh: '交通运输', en: 'Transport' },
        oil_depot: { zh: '油库', en: 'Oil depot' },
    },
    level: {
        major: { zh: '重大隐患', en: 'Major' },
        general: { zh: '一般隐患', en: 'General' },
    },
    status: {
        reported: { zh: '已上报', en: 'Reported' },
        verified: { zh: '已核实', en: 'Verified' },
        rectifying: { zh: '整改中', en: 'Being rectified' },
        awaiting_acceptance: { zh: '待验收', en: 'Awaiting acceptance' },
        closed: { zh: '已闭环', en: 'Closed' },
        rejected: { zh: '已驳回', en: 'Rejected' },
    },
    channel: {
        self_report: { zh: '企业自查', en: 'Self-report' },
        inspection: { zh: '执法检查', en: 'Inspection' },
        public_tip: { zh: '群众举报', en: 'Public tip' },
    },
    park_type: {
        chemical: { zh: '化工园区', en: 'Chemical park' },
        industrial: { zh: '工业园区', en: 'Industrial park' },
    },
    kind: {
        county: { zh: '区县', en: 'District' },
        township: { zh: '乡镇/街道', en: 'Township / street' },
    },
    major_hazard_level: {
        1: { zh: '一级', en: 'Level 1' },
        2: { zh: '二级', en: 'Level 2' },
        3: { zh: '三级', en: 'Level 3' },
        4: { zh: '四级', en: 'Level 4' },
    },
};

export const LANGS = ['zh', 'en'];
const STORAGE_KEY = 'riskatlas.lang';
const listeners = [];

// ?lang= wins over the remembered choice so that links can force a language.
function initialLang() {
    const fromUrl = new URLSearchParams(location.search).get('lang');
    if (LANGS.includes(fromUrl)) {
        remember(fromUrl);
        return fromUrl;
    }
    const stored = recall();
    return LANGS.includes(stored) ? stored : 'zh';
}

// localStorage throws in some privacy modes; the page must still work without it.
function remember(value) {
    try { localStorage.setItem(STORAGE_KEY, value); } catch { /* not remembered */ }
}
function recall() {
    try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

let current = initialLang();
document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';

export function lang() {
    return current;
}

export function setLang(value) {
    if (!LANGS.includes(value) || value === current) return;
    current = value;
    remember(value);
    document.documentElement.lang = value === 'zh' ? 'zh-CN' : 'en';
    // Keep the address bar in step so a reload or a shared link shows the same language.
    const url = new URL(location.href);
    url.searchParams.set('lang', value);
    history.replaceState(null, '', url);
    for (const fn of listeners) fn(value);
}

export function onLangChange(fn) {
    listeners.push(fn);
}

/** Picks the current language out of a {zh, en} object from the server. */
export function localized(obj) {
    if (obj == null || typeof obj !== 'object') return obj == null ? '' : String(obj);
    return obj[current] ?? obj.zh ?? obj.en ?? '';
}

export function t(key, vars = {}) {
    const entry = STRINGS[key];
    const text = entry ? localized(entry) : key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

export function hasEnum(prop) {
    return prop in ENUMS;
}

/** Translated enum value, or the raw value when the enum or value is unknown. */
export function enumLabel(prop, value) {
    const entry = ENUMS[prop]?.[value];
    return entry ? localized(entry) : String(value);
}

/** Sets textContent of every [data-i18n] element under root. */
export function applyStatic(root = document) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}
