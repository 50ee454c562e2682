// Headless-Chromium check of the map page and the rural-roads page against a running riskatlas server.
// Run: RISKATLAS_URL=http://127.0.0.1:8080 node tests/browser/map.test.mjs
// Prints PASS/FAIL per check, exits 1 on any failure; screenshots go to $RISKATLAS_ARTIFACTS.
// With fewer than two risk runs it POSTs /api/recompute {"full":true} once, so the version
// selector has an older run: point it at a test database, as CTest does.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { check, clickablePoint, expect, rendered, report, results, settle, waitReady } from './lib.mjs';
import { checkRisk, checkRiskEnglish, ensureTwoRuns, requestLog } from './risk_checks.mjs';
import { checkRoads, checkRoadsEnglish } from './roads_checks.mjs';
import { checkImports } from './imports_checks.mjs';
import { checkRoadsPage } from './roads_page_checks.mjs';

const BASE = (process.env.RISKATLAS_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const ARTIFACTS = process.env.RISKATLAS_ARTIFACTS || 'build/browser-artifacts';
// Flags from docs TOOLCHAIN.md: WebGL2 on SwiftShader, no background traffic (offline).
const LAUNCH = {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};
// Requests whose failure means the page is broken even when it looks fine (tile errors
// happen in MapLibre's worker and never reach the console).
const WATCHED = ['/tiles/', '/vendor/', '/styles/', '/web/', '/api/'];

// Zoom bands (tiles/layers/*.json): below z10 the enterprise grades arrive as clusters with a
// count; from z10 each enterprise is a dot again.
async function checkClusters(page, center) {
    await check('enterprise grades cluster with counts at z9 and split again at z11', async () => {
        await settle(page, { center, zoom: 9 });
        const low = await rendered(page, 'enterprise_risk');
        const clusters = low.filter((f) => f.properties.point_count != null);
        expect(clusters.length > 0, `no clusters at z9 (${low.length} features)`);
        expect(clusters.length === low.length, 'single enterprises drawn beside clusters at z9');
        const counted = clusters.reduce((n, f) => n + f.properties.point_count, 0);
        expect(counted > clusters.length, `clusters hold ${counted} enterprises in ${clusters.length} circles`);
        const labels = await page.evaluate(() => window.riskatlasMap
            .queryRenderedFeatures({ layers: ['enterprise_risk-cluster-count'] }).length);
        expect(labels > 0, 'cluster counts are not labelled');
        await settle(page, { center, zoom: 11 });
        const high = await rendered(page, 'enterprise_risk');
        expect(high.length > 0 && high.every((f) => f.properties.point_count == null),
            'clusters still drawn at z11');
        return `${clusters.length} clusters of ${counted} enterprises at z9, ${high.length} dots at z11`;
    });
}

async function checkFeatures(page, view) {
    await check('enterprises render (>= 10 unique ids) once switched on', async () => {
        const box = page.locator('#layer-list input[data-layer="enterprises"]');
        expect(!(await box.isChecked()), 'enterprises are on at start (the risk layers should be the first view)');
        await box.check();
        await settle(page, view);
        const ids = new Set((await rendered(page, 'enterprises')).map((f) => f.id));
        expect(!ids.has(undefined) && !ids.has(null), 'an enterprise feature has no id (fid)');
        expect(ids.size >= 10, `only ${ids.size} unique enterprise ids`);
        return `${ids.size} unique enterprises at z${view.zoom}`;
    });
    await check('regions render county and township features', async () => {
        const kinds = new Map();
        for (const f of await rendered(page, 'regions')) {
            kinds.set(f.properties.kind, (kinds.get(f.properties.kind) ?? 0) + 1);
        }
        expect(kinds.get('county') >= 1, 'no county (district) feature rendered');
        expect(kinds.get('township') >= 1, 'no township feature rendered');
        return `county ${kinds.get('county')}, township ${kinds.get('township')}`;
    });
}

async function checkSwitcher(page) {
    await check('layer switcher hides and shows enterprises', async () => {
        const box = page.locator('#layer-list input[data-layer="enterprises"]');
        expect(await box.isChecked(), 'enterprises checkbox missing or unchecked after switching on');
        await box.uncheck();
        await settle(page);
        const hidden = (await rendered(page, 'enterprises')).length;
        expect(hidden === 0, `${hidden} enterprise features still rendered after unchecking`);
        await box.check();
        await settle(page);
        const shown = (await rendered(page, 'enterprises')).length;
        expect(shown > 0, 'enterprises did not come back after re-checking');
        return `0 hidden, ${shown} after re-checking`;
    });
}

async function checkPopup(page, registry, view) {
    await check('clicking an enterprise opens a popup with its name', async () => {
        await settle(page, view);
        const target = await clickablePoint(page, 'enterprises');
        expect(target, 'no isolated enterprise dot visible on the canvas');
        await page.mouse.click(target.x, target.y);
        const popup = page.locator('.maplibregl-popup');
        await popup.waitFor({ timeout: 5000 });
        // The enterprise_risk dot of the same enterprise adds its own section and working.
        const text = await popup.locator('section.feature[data-layer="enterprises"]').innerText();
        expect(text.includes(target.properties.name), `popup lacks "${target.properties.name}": ${text}`);
        const fields = registry.find((l) => l.id === 'enterprises').properties;
        const category = fields.find((p) => p.name === 'supervision_category').title.zh;
        expect(text.includes(category), `popup lacks the field title "${category}"`);
        expect(!text.includes(target.properties.supervision_category),
            `supervision_category shown untranslated (${target.properties.supervision_category})`);
        return `"${target.properties.name}"`;
    });
}

// Without a CJK font every Han character falls back to the same .notdef box ("tofu").
// Draw each character of a rendered township label with the style's text-font stack (as
// MapLibre does since 5.11) and require distinct, inked glyphs unlike an unassigned code point.
async function checkCjkGlyphs(page) {
    await check('Chinese labels draw real glyphs, not tofu', async () => {
        const result = await page.evaluate(() => {
            const map = window.riskatlasMap;
            const label = map.getStyle().layers.find((l) =>
                l.metadata?.['riskatlas:layer'] === 'regions' && l.type === 'symbol');
            if (!label) return { error: 'no regions symbol layer in the style' };
            const names = map.queryRenderedFeatures({ layers: [label.id] }).map((f) => f.properties.name);
            const name = names.find((n) => /\p{Script=Han}.*\p{Script=Han}/u.test(n ?? ''));
            if (!name) return { error: `no rendered township label with Chinese text (${names.length} labels)` };
            const stack = [...label.layout['text-font'], 'sans-serif']
                .map((f) => (/[-\w]+/.test(f) ? f : `'${CSS.escape(f)}'`)).join(',');
            const bitmap = (ch) => {
                const canvas = document.createElement('canvas');
                canvas.width = canvas.height = 48;
                const ctx = canvas.getContext('2d');
                ctx.font = `32px ${stack}`;
                ctx.textBaseline = 'top';
                ctx.fillText(ch, 8, 6);
                const data = ctx.getImageData(0, 0, 48, 48).data;
                let bits = '';
                for (let i = 3; i < data.length; i += 4) bits += data[i] > 127 ? '1' : '0';
                return bits;
            };
            const tofu = bitmap('\u0378');
            const chars = [...new Set([...name].filter((c) => /\p{Script=Han}/u.test(c)))];
            const glyphs = chars.map(bitmap);
            return {
                name, stack, chars: chars.length,
                inked: glyphs.filter((g) => g.includes('1')).length,
                tofuLike: glyphs.filter((g) => g === tofu).length,
                distinct: new Set(glyphs).size,
            };
        });
        expect(!result.error, result.error);
        const summary = `"${result.name}" with ${result.stack}`;
        expect(result.inked === result.chars, `${summary}: ${result.chars - result.inked} blank glyphs`);
        expect(result.tofuLike === 0, `${summary}: ${result.tofuLike} glyphs equal the missing-glyph box`);
        expect(result.distinct === result.chars,
            `${summary}: ${result.chars} characters but only ${result.distinct} distinct glyphs (tofu)`);
        return `${summary}: ${result.chars} distinct glyphs`;
    });
}

async function checkEnglish(page, registry) {
    await check('English switch translates the UI and is remembered', async () => {
        const heading = page.locator('#layers-heading');
        expect((await heading.innerText()).trim() === '图层', 'heading is not Chinese at start');
        await page.click('#lang-toggle');
        expect((await heading.innerText()).trim() === 'Layers', `heading after switch: ${await heading.innerText()}`);
        const title = registry.find((l) => l.id === 'enterprises').title.en;
        const item = page.locator('#layer-list li[data-layer="enterprises"] .layer-title');
        expect((await item.innerText()).trim() === title, `layer title not "${title}"`);
        expect((await page.locator('#demo-notice').innerText()).startsWith('Demo data'), 'notice not English');
        await checkRiskEnglish(page);
        // Its own PASS/FAIL line; the rural-road layers are still on from checkRoads.
        await checkRoadsEnglish(page);
        // A fresh visit without ?lang= must come back in English (localStorage).
        await page.goto(`${BASE}/`);
        await waitReady(page);
        expect((await heading.innerText()).trim() === 'Layers', 'English not remembered after reload');
        await page.screenshot({ path: path.join(ARTIFACTS, 'map-en.png') });
        // ?lang= overrides the remembered choice.
        await page.goto(`${BASE}/?lang=zh`);
        await waitReady(page);
        expect((await heading.innerText()).trim() === '图层', '?lang=zh did not switch back to Chinese');
        return 'heading 图层 → Layers, risk controls English, remembered across visits, ?lang=zh restores Chinese';
    });
}

async function main() {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const browser = await chromium.launch(LAUNCH);
    const badResponses = [];
    const pageErrors = [];
    const consoleErrors = [];
    try {
        let runs = [];
        await check('an older risk run exists to go back to', async () => {
            runs = await ensureTwoRuns(BASE);
            return `${runs.length} runs, newest ${runs[0]?.version}`;
        });
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
        page.on('response', (r) => {
            const { pathname } = new URL(r.url());
            if (r.status() >= 400 && WATCHED.some((p) => pathname.startsWith(p))) {
                badResponses.push(`${r.status()} ${pathname}`);
            }
        });
        // MapLibre cancels tile requests it no longer needs; only real network errors count.
        page.on('requestfailed', (r) => {
            const { pathname } = new URL(r.url());
            const error = r.failure()?.errorText ?? '';
            if (!error.includes('ERR_ABORTED') && WATCHED.some((p) => pathname.startsWith(p))) {
                badResponses.push(`failed ${pathname} (${error})`);
            }
        });
        page.on('pageerror', (err) => pageErrors.push(err.message));
        const log = requestLog(page);
        page.on('console', (msg) => {
            if (msg.type() === 'error') consoleErrors.push(msg.text());
        });

        const loaded = await check('page loads and the map becomes idle', async () => {
            const started = Date.now();
            const response = await page.goto(`${BASE}/`);
            expect(response?.ok(), `GET / answered ${response?.status()}`);
            await waitReady(page);
            return `ready after ${Date.now() - started} ms`;
        });
        if (loaded) {
            const registry = await page.evaluate(async () => (await (await fetch('/api/layers')).json()).layers);
            const config = await page.evaluate(async () => (await fetch('/api/config')).json());
            const center = config.center ?? [116.75, 35.57];
            await checkRisk(page, { view: { center, zoom: 11 }, runs, log });
            await page.screenshot({ path: path.join(ARTIFACTS, 'map-risk-zh.png') });
            await checkClusters(page, center);
            await checkFeatures(page, { center, zoom: 11 });
            await checkSwitcher(page);
            await checkPopup(page, registry, { center, zoom: 12 });
            await page.screenshot({ path: path.join(ARTIFACTS, 'map-zh.png') });
            await checkRoads(page, { center, zoom: 11 });
            await page.screenshot({ path: path.join(ARTIFACTS, 'map-roads-zh.png') });
            await checkCjkGlyphs(page);
            await checkEnglish(page, registry);
            await checkRoadsPage(page, BASE, ARTIFACTS);
        }
        // A page of its own: its uploads and errors stay out of the map page's watch lists.
        const importErrors = await checkImports(browser, BASE);
        report('import page: no page errors, console errors or failed /api/ requests', importErrors.length === 0,
            importErrors.slice(0, 5).join('; '));
        report('no failed requests under /tiles/ /vendor/ /styles/ /web/ /api/', badResponses.length === 0,
            badResponses.slice(0, 10).join('; '));
        report('no page errors', pageErrors.length === 0, pageErrors.slice(0, 5).join('; '));
        report('no console errors', consoleErrors.length === 0, consoleErrors.slice(0, 5).join('; '));
    } finally {
        await browser.close();
    }
    const failed = results.filter((ok) => !ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed; screenshots in ${ARTIFACTS}`);
    process.exitCode = failed ? 1 : 0;
}

// A hung browser must not hang CTest.
setTimeout(() => {
    console.log('FAIL test harness — gave up after 180 s');
    process.exit(1);
}, 180_000).unref();

main().catch((err) => {
    console.log(`FAIL test harness — ${err?.stack ?? err}`);
    process.exitCode = 1;
});
