// Checks of the rural-road layers (issue 7): they start switched off (the opening risk view
// stays uncluttered), switch on from the panel's 农村公路 group and render at the demo extent,
// a danger bridge is drawn in the palette's red, popups show bridge class and state and
// segment types in Chinese, and the English switch translates all of it.

import { check, clickablePoint, expect, rendered, settle } from './lib.mjs';
import { closePopup } from './risk_checks.mjs';

export const ROAD_LAYERS = ['bridges', 'road_risk_segments', 'road_works_gaps', 'safety_works', 'road_routes', 'waterways'];
// Every layer drawn with circles near a bridge: a click or a pixel there must hit the bridge alone.
const POINT_LAYERS = ['bridges', 'enterprise_risk', 'enterprises', 'hazards', 'villages'];
const DANGER_STATES = ['danger', 'overdue'];
const CLASS_ZH = { 1: '一类', 2: '二类', 3: '三类', 4: '四类', 5: '五类' };
const STATE_ZH = { overdue: '危桥·逾期未处置', danger: '危桥·待处置', treated: '已处置', normal: '正常' };
const STATE_EN = { overdue: 'Danger bridge, overdue', danger: 'Danger bridge, to be treated', treated: 'Treated', normal: 'Normal' };
const TYPE_ZH = { PJLK: '平交路口', CCGZ: '穿村过镇', LSLY: '临水临崖', JWDP: '急弯陡坡', LXCXP: '连续长下坡',
    SJBL: '视距不良', SGDF: '事故多发', QLTX: '桥隧连接' };
const RED = [0xE6, 0x00, 0x12];
const BLUE = [0x00, 0x68, 0xB7];

// The danger bridge the popup checks use, found by checkRoads (so English reopens the same one).
let dangerView = null;

function box(page, id) {
    return page.locator(`#layer-list input[data-layer="${id}"]`);
}

// A switched-on entry's legend (there is none while the layer is off).
function legendText(page, id) {
    return page.locator(`#layer-list li[data-layer="${id}"] .legend`).innerText({ timeout: 5000 });
}

// The colour of the screen pixel at (x, y), from a screenshot (the WebGL buffer itself is
// cleared after each frame), decoded by the page's own image decoder.
async function pixelAt(page, x, y) {
    const png = await page.screenshot({ clip: { x: Math.round(x) - 1, y: Math.round(y) - 1, width: 3, height: 3 } });
    return page.evaluate(async (b64) => {
        const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bitmap, 0, 0);
        return [...ctx.getImageData(1, 1, 1, 1).data.slice(0, 3)];
    }, png.toString('base64'));
}

const near = (rgb, want, tolerance = 40) => rgb.every((v, i) => Math.abs(v - want[i]) <= tolerance);
const hex = (rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

// An isolated bridge on the canvas matching `want`, with no label or line drawn over its centre.
async function isolatedBridge(page, want) {
    const candidates = [];
    const first = await clickablePoint(page, 'bridges', POINT_LAYERS, (p) => (want(p.properties) ? 1 : 0));
    if (first && want(first.properties)) candidates.push(first);
    for (const c of candidates) {
        const covered = await page.evaluate(([x, y]) => {
            const map = window.riskatlasMap;
            const rect = map.getCanvas().getBoundingClientRect();
            const at = [x - rect.left, y - rect.top];
            return map.queryRenderedFeatures([[at[0] - 2, at[1] - 2], [at[0] + 2, at[1] + 2]])
                .some((f) => f.layer.type === 'symbol');
        }, [c.x, c.y]);
        if (!covered) return c;
    }
    return null;
}

// Centres the map on each danger bridge in turn (from the OGC API) until one stands alone.
async function findDangerBridge(page, zoom) {
    const items = await page.evaluate(async () => {
        const all = [];
        for (const state of ['danger', 'overdue']) {
            const r = await fetch(`/collections/bridges/items?state=${state}&limit=100`);
            all.push(...(await r.json()).features);
        }
        return all.map((f) => ({ id: f.id, coordinates: f.geometry.coordinates }));
    });
    expect(items.length > 0, 'the demo has no danger bridge (/collections/bridges/items?state=danger|overdue)');
    for (const item of items) {
        const view = { center: item.coordinates, zoom };
        await settle(page, view);
        const target = await isolatedBridge(page, (p) => DANGER_STATES.includes(p.state));
        if (target) return { view, target };
    }
    return null;
}

async function openBridgePopup(page, target) {
    await closePopup(page);
    await page.mouse.click(target.x, target.y);
    const section = page.locator('.maplibregl-popup section.feature[data-layer="bridges"]');
    await section.waitFor({ timeout: 5000 });
    return section;
}

// A point on a rendered line of the layer, on the canvas and clear of circles and labels.
async function pointOnLine(page, registryId) {
    return page.evaluate((id) => {
        const map = window.riskatlasMap;
        const rect = map.getCanvas().getBoundingClientRect();
        const layers = map.getStyle().layers.filter((l) => l.metadata?.['riskatlas:layer'] === id).map((l) => l.id);
        for (const f of map.queryRenderedFeatures({ layers })) {
            const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
            for (const line of lines) {
                for (let i = 0; i + 1 < line.length; i++) {
                    const mid = [(line[i][0] + line[i + 1][0]) / 2, (line[i][1] + line[i + 1][1]) / 2];
                    const p = map.project(mid);
                    if (p.x < 20 || p.y < 20 || p.x > rect.width - 20 || p.y > rect.height - 20) continue;
                    const hits = map.queryRenderedFeatures([[p.x - 8, p.y - 8], [p.x + 8, p.y + 8]]);
                    if (hits.some((h) => h.layer.type === 'circle' || h.layer.type === 'symbol')) continue;
                    if (!hits.some((h) => h.layer.id === f.layer.id)) continue;
                    if (document.elementFromPoint(rect.left + p.x, rect.top + p.y) !== map.getCanvas()) continue;
                    return { x: rect.left + p.x, y: rect.top + p.y, properties: f.properties };
                }
            }
        }
        return null;
    }, registryId);
}

async function checkSwitchOn(page, view) {
    await check('rural-road layers start off and render once switched on from the 农村公路 group', async () => {
        await settle(page, view);
        const headings = await page.locator('#layer-list .group-heading').allInnerTexts();
        expect(headings.some((h) => h.trim() === '农村公路'), `no 农村公路 group in the panel: ${headings}`);
        const counts = {};
        for (const id of ROAD_LAYERS) {
            expect(await box(page, id).count() === 1, `no switch for ${id}`);
            expect(!(await box(page, id).isChecked()), `${id} is on at start (the opening risk view should not show it)`);
            expect((await rendered(page, id)).length === 0, `${id} is drawn before being switched on`);
        }
        for (const id of ROAD_LAYERS) {
            await box(page, id).check();
            await settle(page);
            counts[id] = (await rendered(page, id)).length;
        }
        for (const id of ROAD_LAYERS) expect(counts[id] > 0, `${id} renders nothing at z${view.zoom} once switched on`);
        const segments = await rendered(page, 'road_risk_segments');
        const types = new Set(segments.map((f) => f.properties.type));
        for (const type of ['PJLK', 'CCGZ', 'LSLY']) expect(types.has(type), `no ${type} segment rendered (types: ${[...types]})`);
        const works = await rendered(page, 'safety_works');
        const solid = works.filter((f) => f.layer === 'safety_works-treated');
        expect(solid.length > 0 && solid.every((f) => f.properties.treats === true),
            `treated works layer draws ${solid.length} features, some not treating`);
        expect(works.some((f) => f.layer === 'safety_works-pending' && f.properties.treats === false),
            'no planned / in-works safety works drawn dashed');
        return ROAD_LAYERS.map((id) => `${id} ${counts[id]}`).join(', ');
    });
    await check('rural-road legends name segment types, works states and bridge colours in Chinese', async () => {
        const legend = async (id) => legendText(page, id);
        const segments = await legend('road_risk_segments');
        for (const zh of Object.values(TYPE_ZH)) expect(segments.includes(zh), `segment legend lacks ${zh}: ${segments}`);
        const works = await legend('safety_works');
        for (const zh of ['已验收', '已完工', '在建', '计划']) expect(works.includes(zh), `works legend lacks ${zh}: ${works}`);
        const bridges = await legend('bridges');
        for (const zh of ['危桥', '三类桥', '逾期', '临时管控']) expect(bridges.includes(zh), `bridge legend lacks ${zh}: ${bridges}`);
        const roads = await legend('road_routes');
        for (const zh of ['县道', '乡道', '村道']) expect(roads.includes(zh), `road legend lacks ${zh}: ${roads}`);
        return 'types, works states, bridge colours and road levels';
    });
}

async function checkBridge(page) {
    await check('a danger bridge is drawn in red #E60012 (and a class 1-2 one in blue)', async () => {
        const found = await findDangerBridge(page, 12);
        expect(found, 'no danger bridge stands alone on the canvas at z12');
        dangerView = found.view;
        const { target } = found;
        const red = await pixelAt(page, target.x, target.y);
        expect(near(red, RED), `danger bridge ${target.properties.code} (${target.properties.state}) drawn ${hex(red)}`);
        const ok = await isolatedBridge(page, (p) => p.state === 'normal' && p.condition_class <= 2);
        let blue = null;
        if (ok) {
            blue = await pixelAt(page, ok.x, ok.y);
            expect(near(blue, BLUE), `class ${ok.properties.condition_class} bridge ${ok.properties.code} drawn ${hex(blue)}`);
        }
        return `${target.properties.code} (${target.properties.state}) ${hex(red)}` +
            (ok ? `; ${ok.properties.code} (class ${ok.properties.condition_class}) ${hex(blue)}` : '');
    });
    await check('a bridge popup shows its class, state, stake and route in Chinese', async () => {
        expect(dangerView, 'no danger bridge found by the previous check');
        await settle(page, dangerView);
        const target = await isolatedBridge(page, (p) => DANGER_STATES.includes(p.state));
        expect(target, 'the danger bridge is no longer alone on the canvas');
        const section = await openBridgePopup(page, target);
        const text = await section.innerText();
        const p = target.properties;
        expect(text.includes(p.name ?? p.code), `popup lacks the bridge's name: ${text}`);
        const cls = (await section.locator('dd[data-prop="condition_class"]').innerText()).trim();
        expect(cls === CLASS_ZH[p.condition_class], `class shown "${cls}", want ${CLASS_ZH[p.condition_class]}`);
        const state = (await section.locator('dd[data-prop="state"]').innerText()).trim();
        expect(state === STATE_ZH[p.state], `state shown "${state}", want ${STATE_ZH[p.state]}`);
        expect(/K\d+\+\d{3}/.test(text) && text.includes(p.stake), `no stake ${p.stake} in: ${text}`);
        expect(text.includes(p.route_code), `no route code ${p.route_code} in: ${text}`);
        if (p.treatment_deadline) expect(text.includes(p.treatment_deadline), `no deadline ${p.treatment_deadline}`);
        expect((await section.locator('h3 .tag-danger').count()) === 1, 'no 危桥 tag on a danger bridge');
        expect((await section.locator('h3 .tag-missing_interim_measure').count()) === (p.missing_interim_measure ? 1 : 0),
            `missing_interim_measure=${p.missing_interim_measure} but the tag disagrees`);
        for (const raw of ['overdue', 'danger', 'in_service', 'load_restrict', 'reconstruct']) {
            expect(!text.split(/\s/).includes(raw), `raw value "${raw}" shown untranslated: ${text}`);
        }
        await closePopup(page);
        return `${p.code}: ${cls}, ${state}, ${p.stake}`;
    });
    await check('a risky-segment popup names its type in Chinese with its stake range', async () => {
        await settle(page, { ...dangerView, zoom: 13 });
        const target = await pointOnLine(page, 'road_risk_segments');
        expect(target, 'no clear spot on a risky segment on the canvas at z13');
        await closePopup(page);
        await page.mouse.click(target.x, target.y);
        const section = page.locator('.maplibregl-popup section.feature[data-layer="road_risk_segments"]').first();
        await section.waitFor({ timeout: 5000 });
        const heading = (await section.locator('h3').innerText()).trim();
        const p = target.properties;
        expect(heading.startsWith(`${TYPE_ZH[p.type]} · `), `heading "${heading}" for type ${p.type}`);
        const stakes = (await section.locator('dd[data-prop="stakes"]').innerText()).trim();
        expect(/^K\d+\+\d{3}–K\d+\+\d{3}$/.test(stakes), `stake range shown "${stakes}"`);
        await closePopup(page);
        return `"${heading}" ${stakes}`;
    });
}

export async function checkRoads(page, view) {
    await checkSwitchOn(page, view);
    await checkBridge(page);
    // Back to the demo view for the checks that follow (township labels, English).
    await settle(page, view);
}

/** The rural-road labels in English (run after the language switch, layers still on). */
export async function checkRoadsEnglish(page) {
    await check('English switch translates the rural-road group, legends and bridge popup', async () => {
        const headings = await page.locator('#layer-list .group-heading').allInnerTexts();
        expect(headings.some((h) => h.trim() === 'Rural roads'), `group headings: ${headings}`);
        const title = (await page.locator('#layer-list li[data-layer="bridges"] .layer-title').innerText()).trim();
        expect(title === 'Rural road bridges', `bridges entry reads "${title}"`);
        const segments = await legendText(page, 'road_risk_segments');
        for (const en of ['Level crossing', 'Through village', 'Near water']) {
            expect(segments.includes(en), `segment legend lacks ${en}: ${segments}`);
        }
        expect(!/[\u4e00-\u9fff]/.test(segments), `segment legend still has Chinese: ${segments}`);
        const works = await legendText(page, 'safety_works');
        expect(works.includes('Completed') && works.includes('Planned'), `works legend: ${works}`);
        expect(dangerView, 'no danger bridge found by the Chinese checks');
        await settle(page, dangerView);
        const target = await isolatedBridge(page, (p) => DANGER_STATES.includes(p.state));
        expect(target, 'the danger bridge is no longer alone on the canvas');
        const section = await openBridgePopup(page, target);
        const cls = (await section.locator('dd[data-prop="condition_class"]').innerText()).trim();
        expect(cls === `Class ${target.properties.condition_class}`, `class reads "${cls}"`);
        const state = (await section.locator('dd[data-prop="state"]').innerText()).trim();
        expect(state === STATE_EN[target.properties.state], `state reads "${state}"`);
        const tag = (await section.locator('h3 .tag-danger').innerText()).trim();
        expect(tag === 'Danger bridge', `danger tag reads "${tag}"`);
        await closePopup(page);
        return `legends English; popup "${cls}", "${state}"`;
    });
}
