// Checks of the risk view: the five risk layers and the heat map in the style, the industry
// filter (?category=), the version selector (?version=) and the /api/explain popups.

import { check, clickablePoint, expect, rendered, settle } from './lib.mjs';

const RISK_LAYERS = ['enterprise_risk', 'park_risk', 'township_risk', 'grid_risk', 'hazard_density'];
const ON_AT_START = ['enterprise_risk', 'park_risk', 'township_risk'];
const COLOURS = ['red', 'orange', 'yellow', 'blue'];
const COLOUR_ZH = { red: '重大风险', orange: '较大风险', yellow: '一般风险', blue: '低风险' };

// Tile and explain urls the page asked for since the last reset().
export function requestLog(page) {
    let urls = [];
    page.on('request', (r) => {
        const { pathname } = new URL(r.url());
        if (pathname.startsWith('/tiles/') || pathname.startsWith('/api/explain/')) urls.push(r.url());
    });
    return {
        reset: () => { urls = []; },
        matching: (prefix) => urls.map((u) => new URL(u)).filter((u) => u.pathname.startsWith(prefix)),
    };
}

// A run older than the newest, so the version selector has something to go back to. A fresh
// test database has one run; a full recompute (a normal operation) adds a second.
export async function ensureTwoRuns(base) {
    const runs = async () => (await (await fetch(`${base}/api/runs`)).json()).runs;
    if ((await runs()).length >= 2) return runs();
    const response = await fetch(`${base}/api/recompute`, { method: 'POST',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ full: true }) });
    if (response.status !== 202) throw new Error(`POST /api/recompute answered ${response.status}`);
    const job = await response.json();
    for (let i = 0; i < 120; i++) {
        const state = await (await fetch(`${base}/api/jobs/${job.id}`)).json();
        if (state.state === 'succeeded') return runs();
        if (state.state === 'failed') throw new Error(`recompute job failed: ${JSON.stringify(state)}`);
        await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('recompute job did not finish in 60 s');
}

// Chooses an option of a risk control and waits until the sources request it and the map is idle.
async function choose(page, select, value) {
    await page.selectOption(select, value);
    await page.waitForFunction(() => {
        const el = document.getElementById('risk-controls');
        const category = document.getElementById('category-select').value;
        const version = document.getElementById('version-select').value;
        return el.dataset.applied === `${category}|${version}`;
    }, null, { timeout: 10_000 });
    await settle(page);
}

export async function closePopup(page) {
    const close = page.locator('.maplibregl-popup-close-button');
    if (await close.count()) await close.click();
}

async function checkStyle(page, view) {
    await check('risk layers are styled, start on, render four-colour features', async () => {
        await settle(page, view);
        const style = await page.evaluate(() => window.riskatlasMap.getStyle().layers
            .map((l) => ({ id: l.id, type: l.type, source: l.source, layer: l.metadata?.['riskatlas:layer'] })));
        for (const id of RISK_LAYERS) expect(style.some((l) => l.layer === id), `no style layer for ${id}`);
        expect(style.some((l) => l.type === 'heatmap' && l.source === 'hazards'), 'no heatmap over hazards');
        const counts = {};
        for (const id of ON_AT_START) {
            const features = await rendered(page, id);
            counts[id] = features.length;
            expect(features.length > 0, `${id} renders nothing at z${view.zoom}`);
            const key = id === 'park_risk' ? 'grade' : 'colour';
            const allowed = id === 'park_risk' ? ['A', 'B', 'C', 'D'] : COLOURS;
            const odd = features.find((f) => !allowed.includes(f.properties[key]));
            expect(!odd, `${id} feature ${odd?.id} has ${key}=${odd?.properties[key]}`);
        }
        const legend = await page.locator('#layer-list li[data-layer="township_risk"] .legend li').allInnerTexts();
        for (const c of COLOURS) expect(legend.some((s) => s.includes(COLOUR_ZH[c])), `legend lacks ${COLOUR_ZH[c]}`);
        return Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
    });
    await check('grid, density and heat map switch on from the panel and render', async () => {
        const shown = {};
        for (const id of ['grid_risk', 'hazard_density']) {
            const box = page.locator(`#layer-list input[data-layer="${id}"]`);
            expect(!(await box.isChecked()), `${id} is on at start`);
            await box.check();
            await settle(page);
            shown[id] = (await rendered(page, id)).length;
            await box.uncheck();
            expect(shown[id] > 0, `${id} renders nothing once switched on`);
        }
        const heat = page.locator('#layer-list input[data-layer="hazards-heatmap"]');
        await heat.check();
        const visible = await page.evaluate(() =>
            window.riskatlasMap.getLayoutProperty('hazards-heatmap', 'visibility'));
        await heat.uncheck();
        await settle(page);
        expect(visible === 'visible', `heat map visibility after checking: ${visible}`);
        return `grid ${shown.grid_risk}, density ${shown.hazard_density} cells`;
    });
}

async function checkCategory(page, log) {
    await check('industry filter requests ?category= and filters zones and enterprises', async () => {
        const before = await rendered(page, 'enterprise_risk');
        log.reset();
        await choose(page, '#category-select', 'coal_mine');
        const tiles = log.matching('/tiles/township_risk/');
        expect(tiles.length > 0, 'no township_risk tiles requested after choosing a category');
        expect(tiles.every((u) => u.searchParams.get('category') === 'coal_mine'),
            `township_risk tile without category=coal_mine: ${tiles.find((u) => !u.search.includes('coal_mine'))}`);
        const zones = await rendered(page, 'township_risk');
        expect(zones.length > 0, 'no township_risk rendered for coal_mine');
        expect(zones.every((f) => f.properties.category === 'coal_mine'),
            `rendered zones of category ${[...new Set(zones.map((f) => f.properties.category))]}`);
        const points = await rendered(page, 'enterprise_risk');
        expect(points.every((f) => f.properties.supervision_category === 'coal_mine'),
            'an enterprise of another category is still drawn');
        expect(points.length < before.length, `enterprise points ${before.length} → ${points.length}`);
        const note = await page.locator('#layer-list li[data-layer="township_risk"] .legend').innerText();
        expect(note.includes('煤矿'), `township legend does not name the industry: ${note}`);
        expect(page.url().includes('category=coal_mine'), `address bar lacks the category: ${page.url()}`);
        await choose(page, '#category-select', 'all');
        const back = await rendered(page, 'township_risk');
        expect(back.every((f) => f.properties.category === 'all'), 'zones did not return to category all');
        return `${tiles.length} tiles with category=coal_mine; enterprises ${before.length} → ${points.length}`;
    });
}

async function openPopupAt(page, x, y) {
    await closePopup(page);
    await page.mouse.click(x, y);
    const popup = page.locator('.maplibregl-popup');
    await popup.waitFor({ timeout: 5000 });
    await page.waitForFunction(() => [...document.querySelectorAll('.maplibregl-popup .explain')]
        .every((e) => e.dataset.state !== 'loading'), null, { timeout: 10_000 });
    return popup;
}

async function checkEnterpriseExplain(page, log, view) {
    await check('an enterprise_risk popup explains grade, score, factors and hard rules', async () => {
        await settle(page, view);
        const target = await clickablePoint(page, 'enterprise_risk', ['enterprise_risk'],
            (p) => (p.properties.hard_rules ? 1 : 0));
        expect(target, 'no isolated enterprise_risk dot on the canvas');
        log.reset();
        const popup = await openPopupAt(page, target.x, target.y);
        const box = popup.locator('.explain[data-layer="enterprise_risk"]');
        expect(await box.getAttribute('data-state') === 'done', `explanation: ${await box.innerText()}`);
        const grade = await box.getAttribute('data-grade');
        expect(grade === target.properties.colour, `explained grade ${grade}, tile colour ${target.properties.colour}`);
        expect((await box.innerText()).includes(COLOUR_ZH[grade]), `grade ${grade} not shown as ${COLOUR_ZH[grade]}`);
        const factors = await box.locator('table.factors tbody tr').count();
        expect(factors >= 3, `only ${factors} factor rows`);
        const fired = await box.locator('.hard-rules li').evaluateAll((els) => els.map((e) => e.dataset.rule));
        const expected = target.properties.hard_rules ? target.properties.hard_rules.split(',') : [];
        expect(JSON.stringify(fired.sort()) === JSON.stringify(expected.sort()),
            `hard rules shown ${fired}, tile says ${expected}`);
        const explain = log.matching('/api/explain/enterprise_risk/');
        expect(explain.some((u) => u.pathname.endsWith(`/${target.id}`)), `no explain request for fid ${target.id}`);
        return `"${target.properties.name}": ${grade}, ${factors} factors, hard rules [${fired}]`;
    });
}

// A canvas point inside a township where no point, line or label is within the click box.
async function openZonePoint(page) {
    return page.evaluate(() => {
        const map = window.riskatlasMap;
        const rect = map.getCanvas().getBoundingClientRect();
        for (let y = 40; y < rect.height - 40; y += 23) {
            for (let x = 40; x < rect.width - 40; x += 23) {
                const hits = map.queryRenderedFeatures([[x - 6, y - 6], [x + 6, y + 6]]);
                const zone = hits.find((f) => f.layer.id === 'township_risk-fill');
                const clear = hits.every((f) => f.layer.type === 'fill' && !f.layer.id.startsWith('park'));
                const onCanvas = document.elementFromPoint(rect.left + x, rect.top + y) === map.getCanvas();
                if (zone && clear && onCanvas) return { x: rect.left + x, y: rect.top + y, properties: zone.properties };
            }
        }
        return null;
    });
}

async function checkZoneExplain(page) {
    await check('a township_risk popup shows RI, H, g, colour counts and the band rule', async () => {
        const target = await openZonePoint(page);
        expect(target, 'no open spot inside a township on the canvas');
        const popup = await openPopupAt(page, target.x, target.y);
        const box = popup.locator('.explain[data-layer="township_risk"]');
        const text = await box.innerText();
        expect(await box.getAttribute('data-state') === 'done', `explanation: ${text}`);
        for (const label of ['风险指数 RI', '固有危险 H', '管控系数 g', '分级规则']) {
            expect(text.includes(label), `no "${label}" in: ${text}`);
        }
        for (const c of COLOURS) {
            const shown = (await box.locator(`.colour-counts [data-colour="${c}"]`).innerText()).trim();
            expect(shown === String(target.properties[c]), `${c}: explanation ${shown}, tile ${target.properties[c]}`);
        }
        return `${target.properties.name}: ${COLOURS.map((c) => target.properties[c]).join('/')}`;
    });
}

async function checkVersion(page, log, runs) {
    await check('choosing an older run pins risk tiles and explanations to ?version=', async () => {
        expect(runs.length >= 2, `only ${runs.length} run(s) to choose from`);
        const older = String(runs[1].version);
        const options = await page.locator('#version-select option').evaluateAll((els) => els.map((e) => e.value));
        expect(options.includes(older), `run ${older} not offered: ${options}`);
        await closePopup(page);
        log.reset();
        await choose(page, '#version-select', older);
        for (const id of ON_AT_START) {
            const tiles = log.matching(`/tiles/${id}/`);
            expect(tiles.length > 0 && tiles.every((u) => u.searchParams.get('version') === older),
                `${id}: ${tiles.length} tiles, not all with version=${older}`);
        }
        expect((await page.locator('#version-status').getAttribute('class')).includes('pinned'), 'status not pinned');
        const target = await clickablePoint(page, 'enterprise_risk');
        expect(target, 'no isolated enterprise_risk dot at the old version');
        const popup = await openPopupAt(page, target.x, target.y);
        // The url the popup explains from (a repeated url is answered from the page's cache).
        const url = new URL(await popup.locator('.explain').first().getAttribute('data-url'), page.url());
        expect(url.searchParams.get('version') === older, `popup explains from ${url.pathname}${url.search}`);
        const explain = log.matching('/api/explain/');
        expect(explain.every((u) => u.searchParams.get('version') === older),
            `explain requests ${explain.map((u) => u.search)} not pinned to ${older}`);
        await closePopup(page);
        await choose(page, '#version-select', '');
        expect(!page.url().includes('version='), 'latest still pinned in the address bar');
        return `version=${older} on ${ON_AT_START.join(', ')} tiles and /api/explain`;
    });
}

export async function checkRisk(page, { view, runs, log }) {
    await checkStyle(page, view);
    await checkCategory(page, log);
    await checkEnterpriseExplain(page, log, { ...view, zoom: 12 });
    await checkZoneExplain(page);
    await checkVersion(page, log, runs);
}

/** The risk controls in English (run after the language switch). */
export async function checkRiskEnglish(page) {
    expect((await page.locator('#risk-heading').innerText()).trim() === 'Risk view', 'risk heading not English');
    const coal = await page.locator('#category-select option[value="coal_mine"]').innerText();
    expect(coal === 'Coal mine', `coal_mine option reads "${coal}"`);
    const latest = await page.locator('#version-select option[value=""]').innerText();
    expect(latest.startsWith('Latest'), `latest version option reads "${latest}"`);
    const legend = await page.locator('#layer-list li[data-layer="enterprise_risk"] .legend').innerText();
    expect(legend.includes('Major (red)'), `enterprise_risk legend not English: ${legend}`);
}
