// Lighthouse performance of the physician's queue page (#/queue), logged in as the physician in Debian's chromium
// (puppeteer-core, no browser download), throttling simulated by Lighthouse. PRESET=desktop (default): Lighthouse's
// desktop configuration (40 ms RTT, 10 Mbps, no CPU slowdown, 1350x940); PRESET=mobile: its default configuration
// (150 ms RTT, 1.6 Mbps, CPU 4x slower) on the same desktop-sized window.
// Env: BASE (default http://localhost:8181), USER_NAME (dr.wang), PASSWORD (pediconsult), CHROMIUM (/usr/bin/chromium),
// RUNS (3), PRESET, OUT (a directory for the JSON reports, optional). Prints each run and the median.
import puppeteer from 'puppeteer-core';
import { startFlow } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { writeFileSync, mkdirSync } from 'node:fs';

const BASE = process.env.BASE || 'http://localhost:8181';
const USER = process.env.USER_NAME || 'dr.wang';
const PASSWORD = process.env.PASSWORD || 'pediconsult';
const RUNS = Number(process.env.RUNS || 3);
const OUT = process.env.OUT;
const PRESET = process.env.PRESET || 'desktop';

const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const results = [];
try {
  for (let run = 1; run <= RUNS; run += 1) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1350, height: 940 });
    await page.goto(`${BASE}/consult/#/login`, { waitUntil: 'networkidle0' });
    await page.type('input[name=username], #username, input[autocomplete=username]', USER);
    await page.type('input[type=password]', PASSWORD);
    await Promise.all([page.waitForFunction(() => !location.hash.startsWith('#/login'), { timeout: 30000 }),
      page.keyboard.press('Enter')]);
    await page.goto('about:blank');
    const flow = await startFlow(page, { config: PRESET === 'desktop' ? desktopConfig : undefined,
      flags: { formFactor: 'desktop', screenEmulation: { disabled: true }, disableStorageReset: true, onlyCategories: ['performance'] } });
    await flow.navigate(`${BASE}/consult/#/queue`, { stepName: 'queue' });
    const lhr = (await flow.createFlowResult()).steps[0].lhr;
    const requests = lhr.audits['network-requests']?.details?.items || [];
    const api = requests.filter((r) => r.url.includes('/api/')).length;
    const rows = await page.$$eval('table.queue tbody tr', (trs) => trs.length);
    const r = {
      score: lhr.categories.performance.score,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      script: lhr.audits['bootup-time']?.numericValue ?? 0,
      requests: requests.length,
      api,
      rows,
    };
    results.push(r);
    console.log(`${PRESET} run ${run}: performance ${r.score.toFixed(2)}, total blocking time ${Math.round(r.tbt)} ms, `
      + `LCP ${Math.round(r.lcp)} ms, script ${Math.round(r.script)} ms, ${r.requests} requests (${api} to /api), ${rows} rows drawn`);
    if (OUT) { mkdirSync(OUT, { recursive: true }); writeFileSync(`${OUT}/queue-lighthouse-${PRESET}-${run}.json`, JSON.stringify(lhr)); }
    await page.close();
  }
} finally {
  await browser.close();
}
const median = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(`${PRESET} median of ${RUNS}: performance ${median('score').toFixed(2)}, total blocking time ${Math.round(median('tbt'))} ms, `
  + `LCP ${Math.round(median('lcp'))} ms, ${median('requests')} requests (${median('api')} to /api), ${median('rows')} rows drawn`);
