// Every user-visible string of the map page, Chinese first, plus the language state.
// Field titles come from /api/layers; only UI text and enum values live here.

const STRINGS = {
    'app.title': { zh: '安全生产风险一张图', en: 'Work-safety risk map' },
    'app.region': { zh: '山东省济宁市兖州区', en: 'Yanzhou District, Jining, Shandong' },
    'lang.switch': { zh: 'English', en: '中文' },
    'lang.switch.title': { zh: 'Switch to English', en: '切换到中文' },
    'notice.demo': {
        zh: '演示数据：企业、园区、隐患、农村公路与桥梁为生成数据；乡镇范围为近似。',
        en: 'Demo data: enterprises, parks, hazards, rural roads and bridges are generated; township extents are approximate.',
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
    // Risk layers: switcher, legends, controls.
    'panel.group.risk': { zh: '风险图层', en: 'Risk layers' },
    'panel.group.base': { zh: '基础图层', en: 'Base layers' },
    'switch.hazards_heatmap': { zh: '隐患热力图', en: 'Hazard heat map' },
    'switch.hazards_heatmap.description': {
        zh: '未闭环隐患的热力分布，重大隐患权重更高',
        en: 'Heat map of open hidden dangers; major ones weigh more',
    },
    'legend.heatmap': { zh: '隐患密集程度（低 → 高）', en: 'Hazard concentration (low → high)' },
    'legend.heatmap_note': { zh: '仅含未闭环隐患', en: 'Open hazards only' },
    'legend.zoning_note': { zh: '按区内企业等级与隐患计算风险指数', en: 'Risk index from enterprise grades and hazards inside' },
    'legend.grid_note': { zh: '1 km 网格', en: '1 km grid cells' },
    'legend.density_note': { zh: '无隐患的格子不着色', en: 'Cells without hazards are not drawn' },
    'legend.category': { zh: '当前行业：{category}', en: 'Industry shown: {category}' },
    'legend.version': { zh: '历史版本：{time}', en: 'Past version: {time}' },
    'risk.controls': { zh: '风险视图', en: 'Risk view' },
    'risk.category': { zh: '行业', en: 'Industry' },
    'risk.version': { zh: '计算版本', en: 'Version' },
    'risk.version.latest': { zh: '最新（{time}）', en: 'Latest ({time})' },
    'risk.version.option': { zh: '{time} · {kind}', en: '{time} · {kind}' },
    'risk.version.none': { zh: '尚未计算', en: 'Not computed yet' },
    'risk.version.pinned': { zh: '正在查看历史版本 {time}', en: 'Showing the version of {time}' },
    'risk.version.live': { zh: '显示最新结果，计算于 {time}', en: 'Showing the latest result, computed {time}' },
    'risk.version.unavailable': { zh: '无法读取计算版本', en: 'Versions unavailable' },
    'run.full': { zh: '全量', en: 'full' },
    'run.incremental': { zh: '增量', en: 'incremental' },
    // Explanations in popups (/api/explain).
    'explain.loading': { zh: '正在读取计分说明…', en: 'Loading the working…' },
    'explain.failed': { zh: '计分说明不可用：{msg}', en: 'Working unavailable: {msg}' },
    'explain.heading': { zh: '判定依据', en: 'How this was graded' },
    'explain.grade': { zh: '等级', en: 'Grade' },
    'explain.score': { zh: '得分', en: 'Score' },
    'explain.score_of': { zh: '{score}（满分 {base}，越高越安全）', en: '{score} of {base} (higher is safer)' },
    'explain.score_grade': { zh: '按得分', en: 'By score' },
    'explain.model': { zh: '模型', en: 'Model' },
    'explain.version': { zh: '计算版本', en: 'Run' },
    'explain.factor': { zh: '因子', en: 'Factor' },
    'explain.input': { zh: '取值', en: 'Input' },
    'explain.points': { zh: '扣分', en: 'Points' },
    'explain.hard_rules': { zh: '直接判定（已触发）', en: 'Hard rules that fired' },
    'explain.no_hard_rules': { zh: '未触发直接判定规则', en: 'No hard rule fired' },
    'explain.uncertain': { zh: '※ 依据待核实（模型占位或回忆条文）', en: '※ Basis to be verified (placeholder or recalled text)' },
    'explain.uncertain_mark': { zh: '依据待核实', en: 'Basis to be verified' },
    'explain.risk_index': { zh: '风险指数 RI', en: 'Risk index RI' },
    'explain.hazard_index': { zh: '固有危险 H', en: 'Hazard index H' },
    'explain.control': { zh: '管控系数 g', en: 'Control multiplier g' },
    'explain.by_colour': { zh: '企业等级分布', en: 'Enterprises by grade' },
    'explain.top': { zh: '主要贡献企业', en: 'Top contributors' },
    'explain.contribution': { zh: '贡献', en: 'Contribution' },
    'explain.band_rule': { zh: '分级规则', en: 'Band rule' },
    'explain.bands_source': { zh: '分级依据', en: 'Bands from' },
    'explain.notes': { zh: '计算过程', en: 'Working' },
    'explain.density': { zh: '隐患密度', en: 'Hazard density' },
    'explain.density_value': { zh: '{value} /km²', en: '{value} per km²' },
    'explain.kernel': { zh: '核函数', en: 'Kernel' },
    'explain.cell': { zh: '格网', en: 'Cell size' },
    'explain.cell_value': { zh: '{value} 米', en: '{value} m' },
    // Rural roads: switcher group, legends, popups.
    'panel.group.roads': { zh: '农村公路', en: 'Rural roads' },
    'legend.waterway': { zh: '河流、沟渠（生成）', en: 'Rivers and canals (generated)' },
    'legend.roads_generated': { zh: '线宽：县道 > 乡道 > 村道', en: 'Width: county > township > village road' },
    'legend.works_gap': { zh: '未处治区间', en: 'Untreated stretch' },
    'legend.works_gap_note': { zh: '隐患路段中尚无已完工安防工程的桩号区间', en: 'Stakes of risky segments with no completed safety works' },
    'legend.works_note': { zh: '实线：已完工/已验收（计为已处治）；虚线：计划/在建', en: 'Solid: completed/accepted (counts as treated); dashed: planned/in works' },
    'legend.bridge_overdue': { zh: '深色粗边：逾期未处置', en: 'Dark thick edge: overdue' },
    'legend.bridge_no_interim': { zh: '黑色外圈：未采取临时管控措施', en: 'Black outer ring: no interim measure' },
    'legend.bridge_note': { zh: '危桥：四、五类且评定后未处置', en: 'Danger bridge: class 4/5, not treated since rated' },
    'popup.danger': { zh: '危桥', en: 'Danger bridge' },
    'popup.no_interim': { zh: '未采取临时管控', en: 'No interim measure' },
    'popup.stakes': { zh: '桩号范围', en: 'Stakes' },
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
    // Risk grades: the four colours and the park classes (A = highest risk).
    colour: {
        red: { zh: '重大风险（红）', en: 'Major (red)' },
        orange: { zh: '较大风险（橙）', en: 'Large (orange)' },
        yellow: { zh: '一般风险（黄）', en: 'General (yellow)' },
        blue: { zh: '低风险（蓝）', en: 'Low (blue)' },
    },
    density_colour: {
        red: { zh: '高密度（红）', en: 'Very dense (red)' },
        orange: { zh: '较高密度（橙）', en: 'Dense (orange)' },
        yellow: { zh: '中等密度（黄）', en: 'Moderate (yellow)' },
        blue: { zh: '低密度（蓝）', en: 'Sparse (blue)' },
    },
    grade: {
        A: { zh: 'A类（高安全风险）', en: 'A (high risk)' },
        B: { zh: 'B类（较高安全风险）', en: 'B (fairly high risk)' },
        C: { zh: 'C类（一般安全风险）', en: 'C (general risk)' },
        D: { zh: 'D类（较低安全风险）', en: 'D (low risk)' },
    },
    category: {
        all: { zh: '全部行业', en: 'All industries' },
    },
    // Rural roads. Names shared with other layers are scoped "<layer>.<property>" (enumLabel's scope).
    'road_routes.admin_level': {
        G: { zh: '国道', en: 'National road' },
        S: { zh: '省道', en: 'Provincial road' },
        X: { zh: '县道', en: 'County road' },
        Y: { zh: '乡道', en: 'Township road' },
        C: { zh: '村道', en: 'Village road' },
        Z: { zh: '专用公路', en: 'Special-purpose road' },
    },
    'road_risk_segments.type': {
        PJLK: { zh: '平交路口', en: 'Level crossing / junction' },
        CCGZ: { zh: '穿村过镇', en: 'Through village or town' },
        LSLY: { zh: '临水临崖', en: 'Near water or cliff' },
        JWDP: { zh: '急弯陡坡', en: 'Sharp bend, steep grade' },
        LXCXP: { zh: '连续长下坡', en: 'Long continuous downgrade' },
        SJBL: { zh: '视距不良', en: 'Poor sight distance' },
        SGDF: { zh: '事故多发', en: 'Accident black spot' },
        QLTX: { zh: '桥隧连接', en: 'Bridge or tunnel approach' },
    },
    'road_risk_segments.source': {
        imported: { zh: '排查导入', en: 'Imported (survey)' },
        derived: { zh: '空间推导', en: 'Derived' },
    },
    'safety_works.kind': {
        guardrail: { zh: '护栏', en: 'Guardrail' },
        signs: { zh: '标志', en: 'Signs' },
        markings: { zh: '标线', en: 'Markings' },
        speed_bumps: { zh: '减速带', en: 'Speed bumps' },
        lighting: { zh: '照明', en: 'Lighting' },
        other: { zh: '其他', en: 'Other' },
    },
    'safety_works.status': {
        planned: { zh: '计划', en: 'Planned' },
        in_works: { zh: '在建', en: 'In works' },
        completed: { zh: '已完工', en: 'Completed' },
        accepted: { zh: '已验收', en: 'Accepted' },
    },
    'bridges.condition_class': {
        1: { zh: '一类', en: 'Class 1' },
        2: { zh: '二类', en: 'Class 2' },
        3: { zh: '三类', en: 'Class 3' },
        4: { zh: '四类', en: 'Class 4' },
        5: { zh: '五类', en: 'Class 5' },
    },
    'bridges.state': {
        overdue: { zh: '危桥·逾期未处置', en: 'Danger bridge, overdue' },
        danger: { zh: '危桥·待处置', en: 'Danger bridge, to be treated' },
        treated: { zh: '已处置', en: 'Treated' },
        normal: { zh: '正常', en: 'Normal' },
    },
    'bridges.status': {
        in_service: { zh: '正常通行', en: 'In service' },
        restricted: { zh: '限载限行', en: 'Restricted' },
        closed: { zh: '封闭交通', en: 'Closed to traffic' },
        in_works: { zh: '施工中', en: 'In works' },
        treated: { zh: '已处置', en: 'Treated' },
        demolished: { zh: '已拆除', en: 'Demolished' },
    },
    'bridges.interim_measure': {
        none: { zh: '无', en: 'None' },
        load_limit: { zh: '限载', en: 'Load limit' },
        speed_limit: { zh: '限速', en: 'Speed limit' },
        closed: { zh: '封闭交通', en: 'Closed' },
        detour: { zh: '绕行', en: 'Detour' },
    },
    'bridges.treatment': {
        repair: { zh: '维修加固', en: 'Repair and strengthen' },
        reconstruct: { zh: '拆除重建', en: 'Rebuild' },
        demolish: { zh: '拆除', en: 'Demolish' },
        load_restrict: { zh: '限载限行', en: 'Load restriction' },
    },
    // The bridge circle's colour classes (a case over state and class in the style).
    bridge_colour: {
        danger: { zh: '危桥（四、五类未处置）', en: 'Danger bridge (class 4/5, untreated)' },
        class3: { zh: '三类桥', en: 'Class 3 bridge' },
        ok: { zh: '一、二类或已处置', en: 'Class 1/2 or treated' },
    },
    'waterways.kind': {
        river: { zh: '河流', en: 'River' },
        stream: { zh: '溪流', en: 'Stream' },
        canal: { zh: '沟渠', en: 'Canal' },
        reservoir: { zh: '水库', en: 'Reservoir' },
    },
    major_hazard_level: {
        1: { zh: '一级', en: 'Level 1' },
        2: { zh: '二级', en: 'Level 2' },
        3: { zh: '三级', en: 'Level 3' },
        4: { zh: '四级', en: 'Level 4' },
    },
};

// Properties that share another's values.
ENUMS['road_works_gaps.type'] = ENUMS['road_risk_segments.type'];
ENUMS.score_colour = ENUMS.colour;
ENUMS.score_grade = ENUMS.grade;
Object.assign(ENUMS.category, ENUMS.supervision_category);

/** The supervision categories, in the order the industry filter lists them. */
export const CATEGORIES = Object.keys(ENUMS.category);

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

// A layer's own values ("safety_works.status") before the shared ones of the same name.
function enumOf(prop, scope) {
    return (scope && ENUMS[`${scope}.${prop}`]) || ENUMS[prop];
}

/** scope: the registry layer id, for properties whose values differ between layers. */
export function hasEnum(prop, scope = null) {
    return enumOf(prop, scope) !== undefined;
}

/** Translated enum value, or the raw value when the enum or value is unknown. */
export function enumLabel(prop, value, scope = null) {
    const entry = enumOf(prop, scope)?.[value];
    return entry ? localized(entry) : String(value);
}

/** Sets textContent of every [data-i18n] element under root. */
export function applyStatic(root = document) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}
