// The import page (/imports): choose a file and its kind, "检查" runs a dry run and shows what was
// detected (driver, layer, encoding, CRS, which column feeds which field, counts, rejected rows),
// "导入" commits. Both upload to POST /api/imports and poll the job for its progress and report.
// Exposes window.riskatlasImportsReady (kinds loaded) and riskatlasLastImport (last job) for tests.

import { lang, onLangChange, t } from './i18n.js';
import { wireStaticUi } from './page_common.js';

const POLL_MS = 300;
const MAX_REJECTS_SHOWN = 500;
const COUNTS = ['read', 'valid', 'repaired', 'rejected', 'inserted', 'updated', 'unchanged'];

const $ = (id) => document.getElementById(id);
let kinds = [];
let lastJob = null;
let busy = false;

function element(tag, text, className) {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (className) el.className = className;
    return el;
}

function row(cells) {
    const tr = document.createElement('tr');
    for (const c of cells) tr.append(c instanceof Node ? c : element('td', c));
    return tr;
}

function kindLabel(name) {
    const key = `imports.kind.${name}`;
    const text = t(key);
    return text === key ? name : text;
}

// "credit_code（统一社会信用代码）": the model name with its first Chinese header, or the English
// description, so a clerk recognises the field.
function fieldLabel(kind, name) {
    const field = kinds.find((k) => k.kind === kind)?.fields.find((f) => f.name === name);
    if (!field) return name;
    const hint = lang() === 'zh' ? field.aliases.find((a) => /[\u4e00-\u9fff]/.test(a)) : field.description;
    return hint ? `${name}（${hint}）` : name;
}

function fillKinds() {
    const select = $('kind');
    const chosen = select.value || 'enterprises';
    select.replaceChildren(...kinds.filter((k) => k.importable).map((k) => {
        const option = element('option', kindLabel(k.kind));
        option.value = k.kind;
        return option;
    }));
    select.value = chosen;
}

function showError(message) {
    const box = $('import-error');
    box.textContent = message;
    box.hidden = !message;
}

// The form as multipart/form-data; the browser adds the boundary.
function formData(dryRun) {
    const file = $('file').files[0];
    if (!file) throw new Error(t('imports.no_file'));
    const data = new FormData();
    data.append('kind', $('kind').value);
    data.append('file', file, file.name);
    if (dryRun) data.append('dry_run', 'true');
    if ($('gcj02').checked) data.append('gcj02', 'true');
    if ($('accept-partial').checked) data.append('accept_partial', 'true');
    for (const id of ['crs', 'layer', 'encoding', 'mapping']) {
        const value = $(id).value.trim();
        if (value) data.append(id, value);
    }
    return data;
}

function showProgress(job) {
    $('progress-box').hidden = false;
    const bar = $('progress');
    // No total known (some drivers cannot count cheaply): an indeterminate bar.
    if (job.progress === null || job.progress === undefined) bar.removeAttribute('value');
    else bar.value = job.progress;
    const stage = t(`imports.stage.${job.stage}`);
    $('progress-text').textContent = t('imports.progress', {
        stage: stage.startsWith('imports.') ? job.stage : stage,
        rows: job.rows ?? 0,
        pct: job.progress ?? '…',
    });
}

async function poll(href) {
    for (;;) {
        const response = await fetch(href, { headers: { Accept: 'application/json' } });
        const job = await response.json();
        if (!response.ok) throw new Error(job.message ?? `HTTP ${response.status}`);
        showProgress(job);
        if (job.state === 'succeeded' || job.state === 'failed') return job;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
}

function outcomeText(job) {
    const report = job.report;
    const c = report?.counts ?? {};
    if (job.state === 'failed' && report?.outcome !== 'rejected') {
        return { text: t('imports.outcome.failed', { msg: job.error?.message ?? '' }), tone: 'bad' };
    }
    // A check that finds bad rows still did its job: it says how many, the import would write none.
    if (job.dry_run) return { text: t('imports.outcome.dry_run', c), tone: c.rejected ? 'warn' : 'good' };
    if (report.outcome === 'rejected') return { text: t('imports.outcome.rejected', c), tone: 'bad' };
    return { text: t('imports.outcome.committed', c), tone: c.rejected ? 'warn' : 'good' };
}

function renderSource(report) {
    const facts = [
        ['imports.fact.file', report.file],
        ['imports.fact.driver', report.driver],
        ['imports.fact.layer', report.layer],
        ['imports.fact.encoding', report.encoding],
        ['imports.fact.crs', `${report.crs?.source ?? ''}（${t(`imports.crs_from.${report.crs?.from}`)}）`],
        ['imports.fact.gcj02', t(report.crs?.gcj02 ? 'value.true' : 'value.false')],
        ['imports.fact.seconds', `${(report.seconds ?? 0).toFixed(2)} s`],
    ];
    $('result-source').replaceChildren(...facts.flatMap(([key, value]) => {
        const dd = element('dd', value || '—');
        dd.dataset.fact = key.split('.').pop();
        return [element('dt', t(key)), dd];
    }));
}

// One row per source column: the model field it feeds, or "not used".
function renderMapping(report) {
    const byColumn = new Map(Object.entries(report.mapping ?? {}).map(([field, column]) => [column, field]));
    $('mapping-table').tBodies[0].replaceChildren(...(report.columns ?? []).map((column) => {
        const field = byColumn.get(column);
        const td = element('td', field ? fieldLabel(report.kind, field) : t('imports.unused'), field ? 'mapped' : 'unused');
        if (field) td.dataset.field = field;
        const tr = row([element('td', column), td]);
        tr.dataset.column = column;
        return tr;
    }));
    const fields = kinds.find((k) => k.kind === report.kind)?.fields ?? [];
    const missing = fields.filter((f) => f.required && !(f.name in (report.mapping ?? {})));
    $('missing-fields').textContent = missing.length
        ? t('imports.missing', { fields: missing.map((f) => fieldLabel(report.kind, f.name)).join('、') })
        : t('imports.all_required');
    $('missing-fields').classList.toggle('error', missing.length > 0);
}

function renderCounts(report) {
    const table = $('counts-table');
    table.tHead.rows[0].replaceChildren(...COUNTS.map((c) => element('th', t(`imports.count.${c}`), 'num')));
    table.tBodies[0].rows[0].replaceChildren(...COUNTS.map((c) => {
        const td = element('td', report.counts?.[c] ?? 0, 'num');
        td.dataset.count = c;
        return td;
    }));
}

function renderRejects(job) {
    const rejects = job.report?.rejects ?? [];
    $('rejects-box').hidden = rejects.length === 0;
    $('rejects-table').tBodies[0].replaceChildren(...rejects.slice(0, MAX_REJECTS_SHOWN).map((r) =>
        row([element('td', r.row, 'num'), element('td', r.field ? fieldLabel(job.report.kind, r.field) : '—'),
            element('td', r.reason)])));
    const csv = job.links?.find((l) => l.rel === 'rejects');
    if (csv) $('rejects-csv').href = csv.href;
    const notes = [...(job.report?.warnings ?? []),
        ...(job.report?.repairs ?? []).map((r) => t('imports.repaired', r))];
    $('warnings').replaceChildren(...notes.map((n) => element('li', n)));
}

function renderResult(job) {
    lastJob = job;
    window.riskatlasLastImport = job;
    $('result').hidden = false;
    $('result-heading').textContent = t(job.dry_run ? 'imports.result.check' : 'imports.result.import');
    const { text, tone } = outcomeText(job);
    const outcome = $('result-outcome');
    outcome.textContent = text;
    outcome.dataset.tone = tone;
    const report = job.report;
    for (const id of ['result-source', 'mapping-table', 'missing-fields', 'counts-table']) $(id).hidden = !report;
    for (const h of $('result').querySelectorAll('h3')) h.hidden = !report;
    $('rejects-box').hidden = true;
    if (!report) return;
    renderSource(report);
    renderMapping(report);
    renderCounts(report);
    renderRejects(job);
}

async function run(dryRun) {
    if (busy) return;
    showError('');
    let data;
    try {
        data = formData(dryRun);
    } catch (err) {
        showError(err.message);
        return;
    }
    busy = true;
    for (const id of ['check-button', 'import-button']) $(id).disabled = true;
    $('result').hidden = true;
    try {
        const response = await fetch('/api/imports', { method: 'POST', body: data });
        const body = await response.json();
        if (response.status !== 202) throw new Error(body.message ?? `HTTP ${response.status}`);
        showProgress(body);
        renderResult(await poll(body.links.find((l) => l.rel === 'self').href));
        loadRecent();
    } catch (err) {
        showError(t('imports.failed', { msg: err.message }));
    } finally {
        busy = false;
        for (const id of ['check-button', 'import-button']) $(id).disabled = false;
        $('progress-box').hidden = true;
    }
}

function recentOutcome(i) {
    if (i.state !== 'succeeded' && i.state !== 'failed') return t(`imports.stage.${i.stage}`);
    if (!i.report) return t('imports.outcome_short.failed');
    const rejected = i.report.counts?.rejected ?? 0;
    const outcome = i.dry_run ? 'dry_run' : i.report.outcome;
    return t(`imports.outcome_short.${outcome}`) + (rejected ? t('imports.outcome_short.rejects', { n: rejected }) : '');
}

async function loadRecent() {
    try {
        const { imports } = await (await fetch('/api/imports?limit=10')).json();
        $('recent-table').tBodies[0].replaceChildren(...imports.map((i) => row([
            (i.finished_at ?? i.created_at ?? '').replace('T', ' ').replace('Z', ''), i.file, kindLabel(i.kind),
            recentOutcome(i),
        ])));
    } catch (err) {
        console.warn('riskatlas: recent imports unavailable:', err.message);
    }
}

async function main() {
    wireStaticUi('imports.title');
    $('check-button').addEventListener('click', () => run(true));
    $('import-button').addEventListener('click', () => run(false));
    onLangChange(() => {
        fillKinds();
        if (lastJob) renderResult(lastJob);
        loadRecent();
    });
    const response = await fetch('/api/imports/kinds', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`/api/imports/kinds: HTTP ${response.status}`);
    kinds = await response.json();
    fillKinds();
    await loadRecent();
    window.riskatlasImportsReady = true;
}

main().catch((err) => {
    showError(t('imports.failed', { msg: err.message }));
    console.error('riskatlas:', err);
});
