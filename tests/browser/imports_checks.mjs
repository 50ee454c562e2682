// Checks of the import page (/imports, issue 5): a CSV generated here is chosen through the file
// input, "检查" (dry run) shows the driver, CRS, the column → field mapping, counts and the bad
// row; "导入" with "skip bad rows" commits and shows the counts; English translates the result.
//
// What it leaves in the database: two enterprises, credit codes 91370812BR0000001 and
// 91370812BR0000002 (names 浏览器导入测试企业1/2, industry and trade, at 116.75/116.76 E 35.95 N:
// about 25 km north of the district, inside no township, off every view the map checks use, and
// within the lon range test_tiles.cpp expects of the enterprises layer's bounds). The browser
// cannot delete them, so the check is idempotent: a first run inserts them, every later run finds
// them unchanged. The demo's codes never have "BR" in those places, and no other test counts them.

import { check, expect } from './lib.mjs';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

// GB 32100-2015 check character over the first 17 characters.
function creditCode(body17) {
    const sum = [...body17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i], 0);
    return body17 + ALPHABET[(31 - (sum % 31)) % 31];
}

const GOOD = [1, 2].map((n) => creditCode(`91370812BR${String(n).padStart(7, '0')}`));
const BAD = (() => {
    const code = creditCode('91370812BR0000003');
    return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
})();

function ledger() {
    const rows = ['统一社会信用代码,企业名称,监管类别,从业人员数,经度,纬度'];
    GOOD.forEach((code, i) => rows.push(`${code},浏览器导入测试企业${i + 1},工贸,12,${116.75 + 0.01 * i},35.95`));
    rows.push(`${BAD},校验位错误的企业,工贸,5,116.77,35.95`);
    return Buffer.from(`${rows.join('\n')}\n`, 'utf8');
}

const text = async (page, selector) => (await page.locator(selector).innerText()).trim();
const count = async (page, name) => Number(await text(page, `#counts-table td[data-count="${name}"]`));

// Runs one upload from the page and waits for its job to finish; notes whether the progress bar showed.
async function runJob(page, button, dryRun) {
    await page.evaluate(() => {
        window.riskatlasLastImport = null;
        window.sawProgress = false;
        const box = document.getElementById('progress-box');
        new MutationObserver(() => { if (!box.hidden) window.sawProgress = true; })
            .observe(box, { attributes: true });
    });
    await page.click(button);
    await page.waitForFunction((dry) => {
        const job = window.riskatlasLastImport;
        return job && job.dry_run === dry && !document.getElementById('result').hidden;
    }, dryRun, { timeout: 60_000 });
    const job = await page.evaluate(() => window.riskatlasLastImport);
    expect(await page.evaluate(() => window.sawProgress), 'the progress bar never showed while the job ran');
    return job;
}

async function checkDryRun(page) {
    await check('import page: "检查" shows the driver, CRS, column mapping, counts and the bad row', async () => {
        expect(await text(page, 'h1') === '数据导入', `heading "${await text(page, 'h1')}"`);
        const kinds = await page.locator('#kind option').allInnerTexts();
        expect(kinds.includes('企业') && kinds.includes('隐患'), `kind choices: ${kinds}`);
        await page.selectOption('#kind', 'enterprises');
        await page.setInputFiles('#file', { name: '浏览器测试名录.csv', mimeType: 'text/csv', buffer: ledger() });
        const job = await runJob(page, '#check-button', true);
        expect(job.state === 'succeeded', `dry run ended ${job.state}: ${JSON.stringify(job.error)}`);
        expect(await text(page, '#result-source dd[data-fact="driver"]') === 'CSV', 'driver is not CSV');
        const crs = await text(page, '#result-source dd[data-fact="crs"]');
        expect(crs.includes('EPSG:4326'), `CRS shown "${crs}"`);
        const mapped = async (column) => page.locator(`#mapping-table tr[data-column="${column}"] td[data-field]`)
            .getAttribute('data-field', { timeout: 2000 });
        expect(await mapped('统一社会信用代码') === 'credit_code', 'credit code column not mapped to credit_code');
        expect(await mapped('经度') === 'lon' && await mapped('纬度') === 'lat', 'lon/lat columns not mapped');
        const label = await text(page, '#mapping-table tr[data-column="企业名称"] td[data-field]');
        expect(label.startsWith('name（'), `name field shown "${label}"`);
        expect(await count(page, 'read') === 3 && await count(page, 'valid') === 2 && await count(page, 'rejected') === 1,
            'counts are not read 3, valid 2, rejected 1');
        const reject = await page.locator('#rejects-table tbody tr').first().locator('td').allInnerTexts();
        expect(reject[0] === '3' && reject[2].length > 0, `first reject row: ${reject}`);
        const href = await page.locator('#rejects-csv').getAttribute('href');
        const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
        expect(csv.startsWith('row,field,reason\n3,credit_code,'), `rejects CSV: ${csv.slice(0, 80)}`);
        const outcome = await text(page, '#result-outcome');
        expect(outcome.includes('未写入'), `outcome "${outcome}" does not say nothing was written`);
        const stored = await page.evaluate(async (code) =>
            (await (await fetch(`/collections/enterprises/items?credit_code=${code}`)).json()).numberMatched, BAD);
        expect(stored === 0, 'the bad row is in the database');
        return `${await text(page, '#result-heading')}: ${outcome}`;
    });
}

async function checkImport(page) {
    await check('import page: "导入" with "跳过错误行" commits the good rows and shows the counts', async () => {
        await page.click('#options summary');
        await page.check('#accept-partial');
        const job = await runJob(page, '#import-button', false);
        expect(job.state === 'succeeded' && job.report.outcome === 'committed',
            `import ended ${job.state} / ${job.report?.outcome}: ${JSON.stringify(job.error)}`);
        const inserted = await count(page, 'inserted');
        const unchanged = await count(page, 'unchanged');
        // idempotent: the first run inserts both, every later run finds them unchanged
        expect(inserted + unchanged === 2 && (await count(page, 'updated')) === 0,
            `inserted ${inserted}, unchanged ${unchanged}`);
        expect(await count(page, 'rejected') === 1, 'the bad row is not counted as rejected');
        for (const code of GOOD) {
            const n = await page.evaluate(async (c) =>
                (await (await fetch(`/collections/enterprises/items?credit_code=${c}`)).json()).numberMatched, code);
            expect(n === 1, `${code} not in /collections/enterprises/items after the import`);
        }
        const recent = await page.locator('#recent-table tbody tr').first().locator('td').allInnerTexts();
        expect(recent[1] === '浏览器测试名录.csv' && recent[3] === '已导入（问题 1 行）', `latest recent import: ${recent}`);
        return `inserted ${inserted}, unchanged ${unchanged}, rejected 1`;
    });
}

async function checkEnglish(page) {
    await check('import page: the English switch translates the form and the result', async () => {
        await page.click('#lang-toggle');
        expect(await text(page, 'h1') === 'Data import', `heading "${await text(page, 'h1')}"`);
        expect(await text(page, '#result-heading') === 'Import result', `result heading "${await text(page, '#result-heading')}"`);
        const headers = await page.locator('#counts-table th').allInnerTexts();
        expect(headers.includes('Inserted') && headers.includes('Rejected'), `count headers: ${headers}`);
        const kinds = await page.locator('#kind option').allInnerTexts();
        expect(kinds.includes('Enterprises'), `kind choices: ${kinds}`);
        expect(!/[\u4e00-\u9fff]/.test(await text(page, '#result-outcome')), 'outcome still Chinese');
        return await text(page, '#result-outcome');
    });
}

/** Opens /imports in a page of its own and runs the checks; returns that page's errors. */
export async function checkImports(browser, base) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('response', (r) => {
        if (r.status() >= 400 && new URL(r.url()).pathname.startsWith('/api/')) errors.push(`${r.status()} ${r.url()}`);
    });
    try {
        const opened = await check('import page opens from the map panel link', async () => {
            await page.goto(`${base}/?lang=zh`, { waitUntil: 'domcontentloaded' });
            await page.click('#imports-link');
            await page.waitForFunction(() => window.riskatlasImportsReady === true, null, { timeout: 15_000 });
            expect(new URL(page.url()).pathname === '/imports', `link went to ${page.url()}`);
            errors.length = 0; // the map page's own are the map checks' business
            return page.url();
        });
        if (opened) {
            await checkDryRun(page);
            await checkImport(page);
            await checkEnglish(page);
        }
    } finally {
        await page.close();
    }
    return errors;
}
