// The working behind a risk feature, from /api/explain/{layer}/{fid}: grade, score, factor
// table and hard rules for enterprises and parks; RI = H x g, colour counts, top
// contributors and the band rule for zones; the band rule for density cells.

import { enumLabel, hasEnum, lang, t } from './i18n.js';

const SCORED = ['enterprise_risk', 'park_risk'];
const ZONES = ['township_risk', 'grid_risk'];
const GRADE_ENUM = { enterprise_risk: 'colour', park_risk: 'grade', township_risk: 'colour',
    grid_risk: 'colour', hazard_density: 'density_colour' };
const cache = new Map();

export function isExplained(registryId) {
    return registryId in GRADE_ENUM;
}

/** The explain url for a rendered feature: a pinned version, else the run the tile came from. */
export function explainUrl(registryId, feature, pinnedVersion) {
    const params = new URLSearchParams();
    const version = pinnedVersion ?? feature.properties.run;
    if (version != null) params.set('version', version);
    if (ZONES.includes(registryId) && feature.properties.category) params.set('category', feature.properties.category);
    const query = params.toString();
    return `/api/explain/${registryId}/${feature.id}${query ? `?${query}` : ''}`;
}

async function fetchExplanation(url) {
    if (!cache.has(url)) {
        const request = fetch(url, { headers: { Accept: 'application/json' } }).then(async (response) => {
            const body = await response.json().catch(() => ({}));
            if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
            return body;
        });
        cache.set(url, request);
        request.catch(() => cache.delete(url));
    }
    return cache.get(url);
}

function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
}

function num(value, digits = 3) {
    if (typeof value !== 'number') return String(value ?? '');
    return value.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
}

// Inputs arrive as text; those of an enum property or a yes/no read better translated.
function inputText(item) {
    if (item.input === 'true' || item.input === 'false') return t(`value.${item.input}`);
    return hasEnum(item.factor_id) ? enumLabel(item.factor_id, item.input) : String(item.input ?? '');
}

const titleOf = (item) => (lang() === 'en' ? item.title_en : item.title_zh) ?? item.title_zh ?? item.title_en ?? '';
const uncertain = (item) => item.certainty !== 'sourced';

// A ※ after text whose basis is not sourced; the footnote explains it.
function mark(item) {
    if (!uncertain(item)) return [];
    const star = el('span', 'uncertain', '※');
    star.title = t('explain.uncertain_mark');
    return [star];
}

function swatch(colour) {
    const dot = el('span', `grade-dot grade-${colour}`);
    dot.setAttribute('aria-hidden', 'true');
    return dot;
}

function rows(pairs) {
    const dl = el('dl');
    for (const [label, value] of pairs) {
        if (value == null || value === '') continue;
        dl.append(el('dt', null, t(label)));
        const dd = el('dd');
        dd.append(...[].concat(value));
        dl.append(dd);
    }
    return dl;
}

function gradeLabel(registryId, grade) {
    const colour = registryId === 'park_risk' ? { A: 'red', B: 'orange', C: 'yellow', D: 'blue' }[grade] : grade;
    const span = el('span', 'grade');
    span.append(swatch(colour), enumLabel(GRADE_ENUM[registryId], grade));
    return span;
}

function hardRules(list) {
    if (!list?.length) return [el('p', 'no-hard-rules', t('explain.no_hard_rules'))];
    const ul = el('ul', 'hard-rules');
    for (const rule of list) {
        const li = el('li');
        li.dataset.rule = rule.rule_id;
        li.title = rule.source ?? '';
        li.append(el('strong', null, titleOf(rule)), ...mark(rule), el('div', 'rule', `${rule.effect}（${rule.input}）`));
        ul.append(li);
    }
    return [el('h4', null, t('explain.hard_rules')), ul];
}

function factorTable(factors) {
    const table = el('table', 'factors');
    const head = el('tr');
    for (const key of ['explain.factor', 'explain.input', 'explain.points']) head.append(el('th', null, t(key)));
    table.append(el('thead'), el('tbody'));
    table.tHead.append(head);
    for (const factor of factors ?? []) {
        const row = el('tr', factor.points ? 'factor' : 'factor zero');
        row.dataset.factor = factor.factor_id;
        const name = el('td');
        name.title = factor.source ?? '';
        name.append(titleOf(factor), ...mark(factor), el('div', 'rule', factor.rule));
        row.append(name, el('td', 'input', inputText(factor)), el('td', 'points', num(factor.points, 1)));
        table.tBodies[0].append(row);
    }
    return table;
}

function scored(registryId, x) {
    const grade = [gradeLabel(registryId, x.grade)];
    const parts = [rows([
        ['explain.grade', grade],
        ['explain.score', t('explain.score_of', { score: num(x.score, 1), base: num(x.base_score, 0) })],
        ['explain.score_grade', x.score_grade !== x.grade ? gradeLabel(registryId, x.score_grade) : null],
        ['explain.model', `${x.model_id} ${x.model_version}`],
    ]), ...hardRules(x.hard_rules), factorTable(x.factors)];
    const all = [...(x.factors ?? []), ...(x.hard_rules ?? [])];
    if (all.some(uncertain)) parts.push(el('p', 'footnote', t('explain.uncertain')));
    return parts;
}

function zone(x) {
    const counts = el('span', 'colour-counts');
    for (const colour of ['red', 'orange', 'yellow', 'blue']) {
        const item = el('span', 'count');
        item.dataset.colour = colour;
        item.title = enumLabel('colour', colour);
        item.append(swatch(colour), num(x.enterprises_by_colour?.[colour] ?? 0));
        counts.append(item);
    }
    const bands = el('span', null, x.bands_source ?? '');
    bands.append(...mark({ certainty: x.bands_certainty }));
    const parts = [rows([
        ['explain.risk_index', num(x.risk_index)],
        ['explain.hazard_index', num(x.hazard_index)],
        ['explain.control', num(x.control_multiplier)],
        ['explain.by_colour', counts],
        ['explain.band_rule', x.band_rule],
        ['explain.bands_source', bands],
    ])];
    if (x.top_contributors?.length) {
        const table = el('table', 'contributors');
        table.append(el('tbody'));
        for (const c of x.top_contributors) {
            const row = el('tr');
            const name = el('td');
            name.append(swatch(c.colour), c.name);
            row.append(name, el('td', 'points', num(c.contribution)));
            table.tBodies[0].append(row);
        }
        parts.push(el('h4', null, t('explain.top')), table);
    }
    if (x.notes?.length) {
        const ul = el('ul', 'notes');
        for (const note of x.notes) ul.append(el('li', null, note));
        parts.push(el('h4', null, t('explain.notes')), ul);
    }
    return parts;
}

function density(x) {
    return [rows([
        ['explain.grade', gradeLabel('hazard_density', x.grade)],
        ['explain.density', t('explain.density_value', { value: num(x.density_per_km2) })],
        ['explain.band_rule', x.band_rule],
        ['explain.kernel', x.kernel],
        ['explain.cell', t('explain.cell_value', { value: num(x.cell_size_m, 0) })],
        ['explain.model', `${x.model_id} ${x.model_version}`],
    ])];
}

function render(box, registryId, body) {
    const x = body.explanation ?? {};
    box.dataset.state = 'done';
    box.dataset.grade = x.grade ?? '';
    box.dataset.version = body.version ?? '';
    const parts = SCORED.includes(registryId) ? scored(registryId, x)
        : ZONES.includes(registryId) ? zone(x) : density(x);
    box.replaceChildren(el('h4', 'explain-heading', t('explain.heading')), ...parts);
}

/** A <div class="explain"> that fills itself in from /api/explain (cached per url). */
export function explanationElement(registryId, feature, pinnedVersion) {
    const box = el('div', 'explain', t('explain.loading'));
    box.dataset.state = 'loading';
    box.dataset.layer = registryId;
    box.dataset.url = explainUrl(registryId, feature, pinnedVersion);
    fetchExplanation(box.dataset.url)
        .then((body) => render(box, registryId, body))
        .catch((err) => {
            box.dataset.state = 'error';
            box.textContent = t('explain.failed', { msg: err.message });
        });
    return box;
}
