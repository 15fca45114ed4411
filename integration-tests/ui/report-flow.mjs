// The pilot evaluation report in a real browser (playwright-core driving Debian's chromium): the auditor logs in,
// opens 试点报告 from the navigation, computes the report for a period, and sees every section the server
// answered drawn without the page knowing any of them (figure tiles, SVG charts, tables); switches to English
// (the titles change); downloads one section as CSV (UTF-8 with a byte-order mark, the section's title first)
// and the whole report as PDF (saved as $SHOTS/pilot-report.pdf; the Java test turns its first page into a
// screenshot with pdftoppm); a bad period shows an error on the form. The guardian has no report link and
// #/report shows her the server's refusal. On her home page she records her home city (苏州).
// Env: BASE_URL (default http://127.0.0.1:8181), SHOTS, CHROMIUM, AUDITOR (auditor.chen), GUARDIAN (guardian.li),
// PASSWORD (pediconsult), FROM, TO (the period), SECTIONS (comma-separated ids that must be there).
// Exit 0 = every step passed, 1 = a step failed, 2 = bad environment. The log holds ids and counts only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, SHOTS, run, logger, shooter, logIn } from './flow-kit.mjs';

const AUDITOR = process.env.AUDITOR || 'auditor.chen';
const GUARDIAN = process.env.GUARDIAN || 'guardian.li';
const FROM = process.env.FROM;
const TO = process.env.TO;
const SECTIONS = (process.env.SECTIONS || '').split(',').filter(Boolean);
const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true };
const log = logger('report-test');
const shot = shooter('report', log);

if (!FROM || !TO || !SECTIONS.length) {
  console.error('[report-test] FAIL: set FROM, TO and SECTIONS');
  process.exit(2);
}
await run(log, async (browser, errors) => {
  const ctx = await browser.newContext(DESKTOP);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await logIn(page, AUDITOR);
  const nav = page.locator('#nav a[href="#/report"]');
  if (!(await nav.count())) throw new Error('no 试点报告 link in the auditor\'s navigation');
  await nav.click();
  await page.waitForSelector('[data-testid=report-from]', { timeout: 15000 });
  await page.fill('[data-testid=report-from]', FROM);
  await page.fill('[data-testid=report-to]', TO);
  await page.click('[data-testid=report-show]');
  await page.waitForFunction((to) => (document.querySelector('[data-testid=report-generated]')?.textContent || '').includes(to),
    TO, { timeout: 30000 }).catch(() => { throw new Error('the report for the period was not drawn'); });
  for (const id of SECTIONS) {
    const sec = page.locator(`[data-testid=report-section-${id}]`);
    if (!(await sec.count())) throw new Error(`section ${id} is not on the page`);
    if (await sec.locator('[role=alert]').count()) throw new Error(`section ${id} failed: ${await sec.locator('[role=alert]').textContent()}`);
    const tiles = await sec.locator('.rp-figure').count();
    if (!tiles) throw new Error(`section ${id} shows no figure`);
  }
  const charts = await page.locator('svg.rp-chart').count();
  const bars = await page.locator('svg.rp-chart rect, svg.rp-chart polyline').count();
  if (!charts || !bars) throw new Error(`no chart drawn (${charts} charts, ${bars} marks)`);
  const tables = await page.locator('.rp-table table').count();
  log(`sections ${SECTIONS.length}, charts ${charts}, tables ${tables}`);
  await shot(page, 'zh');

  // one section as CSV
  const [csvDownload] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }),
    page.click(`[data-testid=report-csv-${SECTIONS[0]}]`)]);
  const csvPath = join(SHOTS, `pilot-${SECTIONS[0]}.csv`);
  await csvDownload.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  if (!csv.startsWith('\uFEFF')) throw new Error('the CSV has no byte-order mark');
  const title = await page.locator(`#rp-${SECTIONS[0]}-h`).textContent();
  if (!csv.slice(1).startsWith(title)) throw new Error(`the CSV does not start with the section title "${title}"`);
  log(`csv ${SECTIONS[0]}: ${csv.split('\r\n').length} lines`);

  // the whole report as PDF
  const [pdfDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('[data-testid=report-pdf]')]);
  const pdfPath = join(SHOTS, 'pilot-report.pdf');
  await pdfDownload.saveAs(pdfPath);
  const pdf = readFileSync(pdfPath);
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the download is not a PDF');
  log(`pdf ${pdf.length} bytes`);

  // English
  const zhTitle = await page.locator('h1').textContent();
  await page.click('#lang-switch');
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent !== t, zhTitle, { timeout: 10000 });
  await page.waitForSelector('[data-testid=report-section-' + SECTIONS[0] + ']', { timeout: 30000 });
  const enTitle = await page.locator('h1').textContent();
  if (enTitle !== 'Pilot evaluation report') throw new Error(`the English title is "${enTitle}"`);
  await page.waitForFunction(() => /Generated/.test(document.querySelector('[data-testid=report-generated]')?.textContent || ''),
    null, { timeout: 30000 }).catch(() => { throw new Error('the report was not drawn again in English'); });
  await shot(page, 'en');

  // a bad period: an error on the form, nothing computed
  await page.fill('[data-testid=report-from]', TO);
  await page.fill('[data-testid=report-to]', FROM);
  await page.click('[data-testid=report-show]');
  await page.waitForSelector('.error-summary', { timeout: 10000 }).catch(() => { throw new Error('a reversed period shows no error'); });
  await page.click('#lang-switch');

  // the guardian has no report
  const g = await (await browser.newContext({ ...DESKTOP, viewport: { width: 375, height: 812 } })).newPage();
  g.on('pageerror', (e) => errors.push(`guardian page error: ${e.message}`));
  await logIn(g, GUARDIAN);
  // her home city (the report's travel saved): an unknown one is refused on the form, 苏州 is kept as 苏州市
  await g.waitForSelector('[data-testid=city-input]', { timeout: 15000 }).catch(() => { throw new Error('no home city form on #/home'); });
  await g.fill('[data-testid=city-input]', '亚特兰蒂斯');
  await g.click('[data-testid=city-save]');
  await g.waitForSelector('[data-testid=city] .error-summary', { timeout: 10000 }).catch(() => { throw new Error('an unknown city shows no error'); });
  await g.fill('[data-testid=city-input]', '苏州');
  await g.click('[data-testid=city-save]');
  await g.waitForFunction(() => (document.querySelector('[data-testid=city-current]')?.textContent || '').includes('苏州市'), null,
    { timeout: 10000 }).catch(() => { throw new Error('the city was not saved as 苏州市'); });
  await shot(g, 'guardian-city');
  if (await g.locator('#nav a[href="#/report"]').count()) throw new Error('the guardian sees a report link');
  await g.goto(`${BASE}/consult/#/report`);
  await g.waitForSelector('.error-summary', { timeout: 15000 }).catch(() => { throw new Error('#/report shows the guardian no refusal'); });
  await shot(g, 'guardian-refused');

});
