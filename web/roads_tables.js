// The rural-roads page's figure tables: safety-works coverage by township
// (/api/roads/coverage?by=township) and the danger-bridge tracker by township
// (/api/roads/bridges), each with its total row and CSV download. Re-rendered on a language switch.

import { onLangChange, t } from './i18n.js';
import { getJson } from './page_common.js';

/** Metres as kilometres with two decimals (the tables and the browser checks use this). */
export function km(metres) {
    return (metres / 1000).toFixed(2);
}

/** A 0-1 ratio as a percentage with one decimal; a township with nothing identified has none. */
export function percent(ratio) {
    return ratio == null ? t('roads.none') : `${(ratio * 100).toFixed(1)}%`;
}

// data-col names the figure for the browser checks; classes are for looks only.
function cell(text, col = '', className = '') {
    const td = document.createElement('td');
    td.textContent = text;
    if (col) td.dataset.col = col;
    if (className) td.className = className;
    return td;
}

function row(cells, dataset = {}) {
    const tr = document.createElement('tr');
    tr.append(...cells);
    Object.assign(tr.dataset, dataset);
    return tr;
}

function showFailure(table, columns, err) {
    console.error('riskatlas:', err);
    table.tBodies[0].replaceChildren(row([Object.assign(cell(t('roads.failed', { msg: err.message }), '', 'error'),
        { colSpan: columns })]));
}

function coverageCells(name, totals) {
    return [cell(name, 'name'), cell(km(totals.identified_m), 'identified', 'num'),
        cell(km(totals.treated_m), 'treated', 'num'), cell(percent(totals.ratio), 'ratio', 'num'),
        cell(km(totals.untreated_m), 'gap', 'num')];
}

function renderCoverage(data) {
    const table = document.getElementById('coverage-table');
    table.tBodies[0].replaceChildren(...data.groups.map((g) => row(coverageCells(g.name, g), { key: g.key })));
    table.tFoot.replaceChildren(row(coverageCells(t('roads.total'), data.overall), { key: '*' }));
    document.getElementById('coverage-note').textContent =
        t('roads.coverage.note', { segments: data.segments, gaps: data.gaps });
}

function trackerCells(name, c) {
    const zero = cell(t(c.dynamic_zero ? 'value.true' : 'value.false'), 'zero', `zero ${c.dynamic_zero ? 'yes' : 'no'}`);
    return [cell(name, 'name'), zero, cell(String(c.danger), 'danger', 'num'), cell(String(c.overdue), 'overdue', 'num'),
        cell(String(c.cleared_this_year), 'cleared', 'num'), cell(String(c.newly_found), 'new', 'num')];
}

function renderTracker(data) {
    const table = document.getElementById('tracker-table');
    table.tBodies[0].replaceChildren(...data.by_township.map((tw) =>
        row(trackerCells(tw.name, tw), { code: tw.code })));
    table.tFoot.replaceChildren(row(trackerCells(t('roads.total'), data.overall), { code: '*' }));
    document.getElementById('tracker-note').textContent =
        t('roads.tracker.note', { as_of: data.as_of, since: data.since });
}

// "Today" and "this year" in UTC, as the server judges them when no date is given.
function trackerQuery() {
    const today = new Date().toISOString().slice(0, 10);
    return `as_of=${today}&since=${today.slice(0, 4)}-01-01`;
}

/** Loads and renders both tables; resolves with the tracker (its townships name the list's). */
export async function loadTables() {
    const query = trackerQuery();
    document.getElementById('tracker-csv').href = `/api/roads/bridges?${query}&f=csv`;
    const coverage = getJson('/api/roads/coverage?by=township').then((data) => {
        renderCoverage(data);
        onLangChange(() => renderCoverage(data));
        return data;
    }, (err) => showFailure(document.getElementById('coverage-table'), 5, err));
    const tracker = getJson(`/api/roads/bridges?${query}`).then((data) => {
        renderTracker(data);
        onLangChange(() => renderTracker(data));
        return data;
    }, (err) => showFailure(document.getElementById('tracker-table'), 6, err));
    const [, trackerData] = await Promise.all([coverage, tracker]);
    return trackerData ?? null;
}
