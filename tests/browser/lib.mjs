// Shared helpers of the headless-Chromium checks: PASS/FAIL reporting and map queries that
// run inside the page (window.riskatlasMap).

export const READY_MS = 30_000;

export const results = [];

export function report(name, ok, reason) {
    results.push(ok);
    console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${reason ? ` — ${reason}` : ''}`);
}

export async function check(name, fn) {
    const started = Date.now();
    const took = () => ` (${Date.now() - started} ms)`;
    try {
        const reason = await fn();
        report(name, true, (reason ?? '') + took());
        return true;
    } catch (err) {
        report(name, false, (err?.message ?? String(err)) + took());
        return false;
    }
}

export function expect(cond, message) {
    if (!cond) throw new Error(message);
}

export async function waitReady(page) {
    await page.waitForFunction(() => window.riskatlasReady === true, null, { timeout: READY_MS });
}

// Moves the map (or just repaints) and resolves on the next idle, i.e. tiles loaded and drawn.
export async function settle(page, view = {}) {
    await page.evaluate(([v, ms]) => new Promise((resolve, reject) => {
        const map = window.riskatlasMap;
        const timer = setTimeout(() => reject(new Error(`map not idle after ${ms} ms`)), ms);
        map.once('idle', () => {
            clearTimeout(timer);
            resolve();
        });
        map.jumpTo(v);
        map.triggerRepaint();
    }), [view, READY_MS]);
}

// Unique features of one registry layer's style layers, rendered anywhere in the viewport.
export async function rendered(page, registryId) {
    return page.evaluate((id) => {
        const map = window.riskatlasMap;
        const layers = map.getStyle().layers
            .filter((l) => l.metadata?.['riskatlas:layer'] === id).map((l) => l.id);
        const byId = new Map();
        for (const f of map.queryRenderedFeatures({ layers })) {
            byId.set(f.id ?? JSON.stringify(f.properties), { id: f.id, layer: f.layer.id,
                type: f.layer.type, properties: f.properties, geometry: f.geometry });
        }
        return [...byId.values()];
    }, registryId);
}

// Picks a point feature of a registry layer whose circle is on the map canvas (not under the
// panel or a control) and away from the other points of the layers `near`, so the click hits
// it alone. prefer() ranks candidates (higher first).
export async function clickablePoint(page, registryId, near = [registryId], prefer = null) {
    const points = await page.evaluate(([id, nearIds]) => {
        const map = window.riskatlasMap;
        const circleLayers = map.getStyle().layers.filter((l) => l.type === 'circle' &&
            nearIds.includes(l.metadata?.['riskatlas:layer'])).map((l) => l.id);
        const rect = map.getCanvas().getBoundingClientRect();
        const all = map.queryRenderedFeatures({ layers: circleLayers }).map((f) => {
            const p = map.project(f.geometry.coordinates);
            return { x: rect.left + p.x, y: rect.top + p.y, id: f.id, properties: f.properties,
                registryId: f.layer.metadata?.['riskatlas:layer'] };
        });
        return all.filter((p) => {
            if (p.registryId !== id) return false;
            // Points of the same place in another layer (enterprises under enterprise_risk) are fine.
            const alone = all.every((q) => (q.x === p.x && q.y === p.y) || Math.hypot(q.x - p.x, q.y - p.y) > 16);
            return alone && document.elementFromPoint(p.x, p.y) === map.getCanvas();
        });
    }, [registryId, near]);
    if (prefer) points.sort((a, b) => prefer(b) - prefer(a));
    return points[0] ?? null;
}
