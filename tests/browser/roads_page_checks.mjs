// Checks of the rural-roads page (/roads, issue 7): reached from the map page's link, its
// coverage and danger-bridge tables agree with the API row by row, the bridge list holds every
// bridge and filters and sorts, a bridge opened from the list or the map shows its fields and
// inspection history and the map flies to it, and the English switch translates it. Console
// errors and failed requests are caught by map.test.mjs's listeners on the same page.

import path from 'node:path';
import { check, clickablePoint, expect, rendered, settle, waitReady } from './lib.mjs';

const CLASS_ZH = { 1: '一类', 2: '二类', 3: '三类', 4: '四类', 5: '五类' };
const STATE_ZH = { overdue: '危桥·逾期未处置', danger: '危桥·待处置', treated: '已处置', normal: '正常' };
const POINT_LAYERS = ['bridges', 'villages'];
const KM_TOLERANCE = 0.0051; // the tables show km with two decimals

function api(page, url) {
    return page.evaluate(async (u) => {
        const r = await fetch(u);
        if (!r.ok) throw new Error(`${u}: HTTP ${r.status}`);
        return r.json();
    }, url);
}

// Every body row of a table as {data: the row's dataset, cells: {data-col: text}, first: text}.
function tableRows(page, selector) {
    return page.$$eval(selector, (rows) => rows.map((tr) => ({
        data: { ...tr.dataset },
        cells: Object.fromEntries([...tr.cells].map((td, i) => [td.dataset.col ?? `c${i}`, td.textContent.trim()])),
        first: tr.cells[0]?.textContent.trim(),
    })));
}

const km = (text) => Number.parseFloat(text);
const closeKm = (text, metres) => Math.abs(km(text) - metres / 1000) <= KM_TOLERANCE;

function compareCoverage(row, want, label) {
    for (const [cell, field] of [['identified', 'identified_m'], ['treated', 'treated_m'], ['gap', 'untreated_m']]) {
        expect(closeKm(row.cells[cell], want[field]), `${label} ${cell} ${row.cells[cell]} km, API ${want[field]} m`);
    }
    if (want.ratio == null) expect(row.cells.ratio === '—', `${label} ratio "${row.cells.ratio}" for no ratio`);
    else expect(Math.abs(Number.parseFloat(row.cells.ratio) / 100 - want.ratio) <= 0.0005,
        `${label} ratio ${row.cells.ratio}, API ${want.ratio}`);
}

async function checkLinkAndLoad(page, base) {
    await check('the map page links to the rural-roads page, which loads its map, tables and list', async () => {
        // The map checks end on the map page in Chinese; loading it again would cost seconds.
        if (new URL(page.url()).pathname !== '/') {
            await page.goto(`${base}/?lang=zh`);
            await waitReady(page);
        }
        const link = page.locator('a#roads-link');
        expect((await link.innerText()).includes('农村公路'), `link reads "${await link.innerText()}"`);
        await Promise.all([page.waitForURL('**/roads'), link.click()]);
        await waitReady(page);
        await page.waitForFunction(() => window.riskatlasRoadsReady === true, null, { timeout: 30_000 });
        await settle(page);
        const bridges = (await rendered(page, 'bridges')).length;
        const segments = (await rendered(page, 'road_risk_segments')).length;
        const risk = (await rendered(page, 'township_risk')).length;
        expect(bridges > 0 && segments > 0, `bridges ${bridges}, risky segments ${segments} drawn`);
        expect(risk === 0, `${risk} township risk zones drawn on the roads page`);
        return `${bridges} bridges, ${segments} segments drawn`;
    });
}

async function checkCoverage(page) {
    await check('coverage table agrees with /api/roads/coverage?by=township, with a CSV download', async () => {
        const data = await api(page, '/api/roads/coverage?by=township');
        const rows = await tableRows(page, '#coverage-table tbody tr');
        expect(rows.length === data.groups.length && rows.length > 0, `${rows.length} rows, API ${data.groups.length} groups`);
        data.groups.forEach((g, i) => {
            expect(rows[i].data.key === g.key && rows[i].first === g.name, `row ${i}: ${rows[i].first}, API ${g.name}`);
            compareCoverage(rows[i], g, g.name);
        });
        const [total] = await tableRows(page, '#coverage-table tfoot tr');
        compareCoverage(total, data.overall, 'total');
        const href = await page.locator('#coverage-csv').getAttribute('href');
        const csv = await page.evaluate(async (u) => {
            const r = await fetch(u);
            return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
        }, href);
        expect(csv.status === 200 && csv.type.startsWith('text/csv'), `${href}: ${csv.status} ${csv.type}`);
        const lines = csv.text.trim().split(/\r?\n/).length - 1;
        expect(lines === data.groups.length, `CSV has ${lines} rows, the table ${rows.length}`);
        return `${rows.length} townships, overall ${total.cells.ratio}`;
    });
}

async function checkTracker(page) {
    let tracker = null;
    await check('danger-bridge table agrees with /api/roads/bridges by township', async () => {
        const query = new URL(await page.locator('#tracker-csv').getAttribute('href'), 'http://x').search
            .replace(/&?f=csv/, '');
        tracker = await api(page, `/api/roads/bridges${query}`);
        expect(tracker.overall.danger > 0, 'the demo has no danger bridge to track');
        const rows = await tableRows(page, '#tracker-table tbody tr');
        expect(rows.length === tracker.by_township.length, `${rows.length} rows, API ${tracker.by_township.length}`);
        const compare = (row, want, label) => {
            expect(row.cells.zero === (want.dynamic_zero ? '是' : '否'), `${label} 动态清零 "${row.cells.zero}"`);
            for (const [cell, field] of [['danger', 'danger'], ['overdue', 'overdue'], ['cleared', 'cleared_this_year'],
                ['new', 'newly_found']]) {
                expect(Number(row.cells[cell]) === want[field], `${label} ${cell} ${row.cells[cell]}, API ${want[field]}`);
            }
        };
        tracker.by_township.forEach((tw, i) => {
            expect(rows[i].data.code === tw.code && rows[i].first === tw.name, `row ${i}: ${rows[i].first}, API ${tw.name}`);
            compare(rows[i], tw, tw.name);
        });
        const [total] = await tableRows(page, '#tracker-table tfoot tr');
        compare(total, tracker.overall, 'total');
        return `${rows.length} townships, ${tracker.overall.danger} danger bridges, as of ${tracker.as_of}`;
    });
    return tracker;
}

async function shownCodes(page) {
    return page.$$eval('#bridge-table tbody tr', (rows) => rows.map((r) => ({ code: r.dataset.code, state: r.dataset.state,
        cls: r.querySelector('td.condition_class').textContent, township: r.querySelector('td.township').textContent })));
}

async function checkList(page, tracker) {
    await check('bridge list holds every bridge and filters by state and township like the API', async () => {
        const all = (await api(page, '/collections/bridges/items?limit=1')).numberMatched;
        const danger = (await api(page, '/collections/bridges/items?state=danger&limit=1')).numberMatched;
        expect((await shownCodes(page)).length === all, `list shows ${(await shownCodes(page)).length}, API ${all}`);
        await page.selectOption('#filter-state', 'danger');
        const dangerRows = await shownCodes(page);
        expect(dangerRows.length === danger && dangerRows.every((r) => r.state === 'danger'),
            `state filter shows ${dangerRows.length}, API ${danger}`);
        await page.selectOption('#filter-state', '');
        const township = tracker.by_township.find((tw) => tw.danger > 0 && tw.code);
        expect(township, 'no township with danger bridges in the tracker');
        await page.selectOption('#filter-township', township.code);
        const inTownship = await shownCodes(page);
        const listed = inTownship.filter((r) => ['danger', 'overdue'].includes(r.state)).length;
        expect(inTownship.every((r) => r.township === township.name), `rows of other townships under ${township.name}`);
        expect(listed === township.danger, `${township.name}: ${listed} danger rows, tracker ${township.danger}`);
        await page.selectOption('#filter-township', '');
        return `${all} bridges, ${danger} in state danger, ${township.name} ${listed} danger`;
    });
    await check('bridge list sorts by class both ways', async () => {
        const rank = (zh) => Number(Object.keys(CLASS_ZH).find((k) => CLASS_ZH[k] === zh));
        const header = page.locator('#bridge-table th[data-sort="condition_class"]');
        await header.click();
        const up = (await shownCodes(page)).map((r) => rank(r.cls));
        expect(up.every((v, i) => i === 0 || up[i - 1] <= v), `not ascending: ${up.join()}`);
        expect(await header.getAttribute('aria-sort') === 'ascending', 'header not marked ascending');
        await header.click();
        const down = (await shownCodes(page)).map((r) => rank(r.cls));
        expect(down.every((v, i) => i === 0 || down[i - 1] >= v) && down[0] > down.at(-1), `not descending: ${down.join()}`);
        return `classes ${down[0]} … ${down.at(-1)}`;
    });
}

async function waitDetail(page, code) {
    await page.waitForFunction((c) => {
        const card = document.getElementById('bridge-detail');
        return !card.hidden && card.dataset.code === c && card.dataset.state === 'ready';
    }, code, { timeout: 10_000 });
}

async function checkDetail(page, base) {
    let code = null;
    await check('clicking a danger bridge in the list shows its fields and inspection history and flies to it', async () => {
        const row = page.locator('#bridge-table tbody tr[data-state="danger"], #bridge-table tbody tr[data-state="overdue"]').first();
        code = await row.getAttribute('data-code');
        await row.click();
        await waitDetail(page, code);
        const want = await api(page, `/api/roads/bridges/${code}`);
        expect(want.inspections.length > 0, `${code} has no inspections in the API`);
        expect((await page.locator('#detail-heading').innerText()).trim() === code, 'detail heading is not the code');
        const field = (name) => page.locator(`#bridge-detail dd[data-field="${name}"]`).innerText();
        expect((await field('condition_class')).trim() === CLASS_ZH[want.condition_class], 'class not shown in Chinese');
        expect((await field('state')).trim() === STATE_ZH[want.state], `state "${await field('state')}"`);
        expect((await field('stake')).trim() === want.stake, 'stake differs');
        const dates = await page.$$eval('#bridge-detail table.inspections tbody tr', (rows) => rows.map((r) => r.dataset.date));
        const apiDates = want.inspections.map((i) => i.inspected_at);
        expect(JSON.stringify(dates) === JSON.stringify(apiDates), `history ${dates} vs API ${apiDates}`);
        await page.waitForFunction(() => !window.riskatlasMap.isMoving(), null, { timeout: 10_000 });
        const centre = await page.evaluate(() => window.riskatlasMap.getCenter().toArray());
        const [lon, lat] = want.geometry.coordinates;
        expect(Math.hypot(centre[0] - lon, centre[1] - lat) < 1e-4, `map centre ${centre} not at the bridge ${lon},${lat}`);
        expect(new URL(page.url()).searchParams.get('bridge') === code, 'no ?bridge= in the address');
        return `${code}: ${dates.length} inspections, map at the bridge`;
    });
    await check('clicking a bridge on the map opens its detail and marks its row', async () => {
        await page.click('#detail-close');
        await settle(page, { zoom: 12 });
        const target = await clickablePoint(page, 'bridges', POINT_LAYERS);
        expect(target, 'no isolated bridge on the canvas at z12');
        await page.mouse.click(target.x, target.y);
        await waitDetail(page, target.properties.code);
        const selected = await page.locator('#bridge-table tbody tr.selected').getAttribute('data-code');
        expect(selected === target.properties.code, `row ${selected} marked for ${target.properties.code}`);
        expect(await page.locator('.maplibregl-popup').count() === 0, 'a popup opened over the detail');
        return target.properties.code;
    });
    await check('a ?bridge= link opens that bridge with a ring around it on the map', async () => {
        await page.goto(`${base}/roads?bridge=${code}`);
        await waitReady(page);
        await waitDetail(page, code);
        await page.waitForFunction(() => !window.riskatlasMap.isMoving(), null, { timeout: 10_000 });
        await settle(page);
        const ring = await page.evaluate(() => window.riskatlasMap.queryRenderedFeatures({ layers: ['selected-bridge'] }).length);
        expect(ring > 0, 'no ring drawn around the linked bridge');
        return code;
    });
}

async function checkEnglish(page) {
    await check('English switch translates the rural-roads headings, tables and detail', async () => {
        await page.click('#lang-toggle');
        const text = async (sel) => (await page.locator(sel).innerText()).trim();
        const want = { '#coverage-heading': 'Safety works coverage by township', '#tracker-heading': 'Danger bridges by township',
            '#bridges-heading': 'Bridge list' };
        for (const [sel, en] of Object.entries(want)) expect(await text(sel) === en, `${sel} reads "${await text(sel)}"`);
        const zero = await page.$$eval('#tracker-table tbody td[data-col="zero"]', (tds) => tds.map((td) => td.textContent));
        expect(zero.length > 0 && zero.every((z) => z === 'Yes' || z === 'No'), `dynamic zero column: ${zero}`);
        const kinds = await page.$$eval('#bridge-detail table.inspections td.kind', (tds) => tds.map((td) => td.textContent));
        expect(kinds.length > 0 && kinds.every((k) => ['Routine', 'Periodic', 'Special'].includes(k)), `kinds: ${kinds}`);
        expect(/^Class [1-5]$/.test(await text('#bridge-detail dd[data-field="condition_class"]')), 'class not English');
        await page.click('#lang-toggle');
        expect(await text('#coverage-heading') === '安全生命防护工程处治率（按乡镇）', 'Chinese not restored');
        return 'headings, dynamic zero, inspection kinds and class in English; back to Chinese';
    });
}

/** Runs every rural-roads page check on `page` (left on /roads in Chinese). */
export async function checkRoadsPage(page, base, artifacts) {
    await checkLinkAndLoad(page, base);
    await checkCoverage(page);
    const tracker = await checkTracker(page);
    if (tracker) await checkList(page, tracker);
    await checkDetail(page, base);
    await page.screenshot({ path: path.join(artifacts, 'roads-page-zh.png') });
    await checkEnglish(page);
}
