// The consult UI in a real browser: playwright-core driving Debian's chromium (never a download).
// Env: BASE_URL (http://localhost:18481), SHOTS (folder for screenshots), SLOT_ID (a free slot of
// dr.wang), PHOTO (a PNG file), CHROMIUM (default /usr/bin/chromium). Exit code 0 = every step passed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const BASE = process.env.BASE_URL || 'http://localhost:18481';
const SHOTS = process.env.SHOTS || 'target/ui-screenshots';
const SLOT = process.env.SLOT_ID;
const PHOTO = process.env.PHOTO;
mkdirSync(SHOTS, { recursive: true });

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

let step = 0;
const log = (m) => console.log(`[ui-test] ${m}`);
async function shot(page, name) {
  step += 1;
  const file = join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}
function expectText(actual, expected, what) {
  if (!actual || !actual.includes(expected)) throw new Error(`${what}: expected "${expected}" in "${actual}"`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS });
const consoleErrors = [];
try {
  // ---- guardian, on a phone-sized screen
  const gctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  const g = await gctx.newPage();
  // failed requests the test provokes on purpose (401, 400) are logged by chromium too: count script errors only
  g.on('pageerror', (e) => consoleErrors.push(`guardian page error: ${e.message}`));
  await g.goto(`${BASE}/consult/`);
  await g.waitForSelector('h1');
  expectText(await g.textContent('h1'), '登录', 'default language is Chinese');
  // the distribution runs with demo data: every page says so (GET /api/health "mode":"demo")
  await g.waitForSelector('#demo-notice:not([hidden])');
  expectText(await g.textContent('#demo-notice'), '演示模式', 'the demo notice is shown');
  await shot(g, 'login-zh');

  await g.click('#lang-switch');
  await g.waitForFunction(() => document.querySelector('h1')?.textContent === 'Log in');
  expectText(await g.getAttribute('html', 'lang'), 'en', 'html lang follows the switch');
  log('language switched to English');

  // a wrong password shows the API's problem details
  await g.getByLabel('User name').fill('guardian.tang');
  await g.getByLabel('Password').fill('wrong-password');
  await g.getByRole('button', { name: 'Log in' }).click();
  await g.waitForSelector('.error-summary[role=alert]');
  log(`wrong password: ${(await g.textContent('.error-summary')).trim()}`);
  await shot(g, 'login-error-en');

  await g.getByLabel('Password').fill('pediconsult');
  await g.getByRole('button', { name: 'Log in' }).click();
  await g.waitForSelector('section.child');
  expectText(await g.textContent('main'), '唐小明', 'guardian home lists her child');
  expectText(await g.textContent('h1'), 'My children', 'the language choice is remembered after login');
  expectText(await g.textContent('#demo-notice'), 'Demo mode', 'the demo notice stays, in the chosen language');
  await shot(g, 'guardian-home');

  await g.getByRole('link', { name: 'Start a consultation' }).first().click();
  await g.waitForSelector('select[name=specialtyId]');
  const specialties = await g.$$eval('select[name=specialtyId] option', (os) => os.map((o) => o.value).filter(Boolean));
  log(`specialties listed live: ${specialties.join(', ')}`);
  if (!specialties.includes('dermatology')) throw new Error('dermatology is not listed');
  await g.selectOption('select[name=specialtyId]', 'dermatology');
  await g.waitForSelector('input[type=file]');

  // submitting nothing: per-field errors from the server's problem+json, next to the fields
  await g.getByRole('button', { name: 'Submit the assessment' }).click();
  await g.waitForSelector('.error-summary[role=alert]');
  const fieldErrors = await g.$$eval('.field-error:not([hidden])', (es) => es.length);
  if (fieldErrors < 2) throw new Error(`expected field errors next to the fields, got ${fieldErrors}`);
  log(`empty assessment: ${fieldErrors} field errors shown next to their fields`);
  await shot(g, 'new-consultation-errors');

  await g.setInputFiles('input[type=file]', PHOTO);
  await g.waitForSelector('.thumbs figure');
  await g.fill('input[name=rashDays]', '3');
  for (const q of ['fever', 'nonBlanchingSpots', 'mucosalInvolvement', 'blistering', 'rapidlySpreadingRedness', 'eczemaWithPainfulPunchedOutSores']) {
    await g.check(`fieldset[data-field=${q}] input[value=false]`);
  }
  await g.check('fieldset[data-field=itch] input[value=true]');
  await g.check('fieldset[data-field=location] input[value=ARMS]');
  await shot(g, 'new-consultation-dermatology');
  await g.getByRole('button', { name: 'Submit the assessment' }).click();
  await g.waitForSelector('section.alert[data-level]');
  const consultId = g.url().split('#/consult/')[1];
  const level = await g.getAttribute('section.alert', 'data-level');
  log(`consultation ${consultId}: triage ${level}`);
  if (level !== 'REMOTE_OK') throw new Error(`expected REMOTE_OK, got ${level}`);
  expectText(await g.textContent('h1'), 'Triage result', 'triage page');
  await shot(g, 'triage-remote-ok');

  await g.click(`button.slot[data-slot="${SLOT}"]`);
  await g.waitForSelector('p.booked');
  expectText(await g.textContent('.badge.state'), 'Scheduled', 'booked');
  await shot(g, 'booked');

  await g.getByRole('button', { name: 'Enter the waiting room' }).click();
  await g.waitForSelector('.waiting-state .badge[data-state=WAITING]');
  expectText(await g.textContent('h1'), 'Waiting room', 'waiting room');
  await shot(g, 'waiting-room');

  // ---- physician, on a desktop, in Chinese (a new browser profile: default language)
  const pctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const p = await pctx.newPage();
  p.on('pageerror', (e) => consoleErrors.push(`physician page error: ${e.message}`));
  await p.goto(`${BASE}/consult/`);
  await p.getByLabel('用户名').fill('dr.wang');
  await p.getByLabel('密码').fill('pediconsult');
  await p.getByRole('button', { name: '登录' }).click();
  await p.waitForSelector('table.queue');
  const row = p.locator(`tr[data-consultation="${consultId}"]`);
  await row.waitFor();
  expectText(await row.textContent(), '唐小明', 'queue row names the child');
  expectText(await row.textContent(), '适合线上问诊', 'queue row has the triage badge');
  expectText(await row.getAttribute('data-state'), 'WAITING', 'queue shows the guardian waiting');
  await shot(p, 'physician-queue');

  await row.getByRole('link').click();
  await p.waitForSelector('.chart svg, .chart-box p');
  const curves = await p.$$eval('.chart svg polyline.curve', (es) => es.length);
  const points = await p.$$eval('.chart svg circle.child', (es) => es.length);
  log(`growth chart: ${curves} reference curves, ${points} measurements`);
  if (curves !== 7 || points < 1) throw new Error('growth chart with 7 reference curves and the child\'s points expected');
  await shot(p, 'physician-consult-view');

  await p.check('#attest');
  await p.click('#admit');
  await p.waitForSelector('.consult-state .badge[data-state=IN_PROGRESS]');
  expectText(await p.textContent('.attested'), 'dr.wang', 'attestation recorded');
  log('physician admitted and attested the guardian');
  await shot(p, 'physician-admitted');

  // the guardian's waiting room follows (it polls every 5 s)
  await g.waitForSelector('.waiting-state .badge[data-state=IN_PROGRESS]', { timeout: 15000 });
  await shot(g, 'guardian-admitted');

  // an emergency triage stands out
  await g.goto(`${BASE}/consult/#/home`);
  await g.getByRole('link', { name: 'Start a consultation' }).first().click();
  await g.selectOption('select[name=specialtyId]', 'dermatology');
  await g.waitForSelector('input[type=file]');
  await g.setInputFiles('input[type=file]', PHOTO);
  await g.waitForSelector('.thumbs figure');
  await g.fill('input[name=rashDays]', '1');
  await g.check('fieldset[data-field=fever] input[value=true]');
  await g.fill('input[name=temperatureC]', '39.2');
  await g.check('fieldset[data-field=nonBlanchingSpots] input[value=true]');
  for (const q of ['mucosalInvolvement', 'blistering', 'rapidlySpreadingRedness', 'eczemaWithPainfulPunchedOutSores']) {
    await g.check(`fieldset[data-field=${q}] input[value=false]`);
  }
  await g.getByRole('button', { name: 'Submit the assessment' }).click();
  await g.waitForSelector('section.alert[data-level=EMERGENCY][role=alert]');
  expectText(await g.textContent('section.alert'), '120', 'emergency advice');
  await shot(g, 'triage-emergency');

  // ---- operations
  const actx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const a = await actx.newPage();
  await a.goto(`${BASE}/consult/`);
  await a.getByLabel('用户名').fill('admin');
  await a.getByLabel('密码').fill('pediconsult');
  await a.getByRole('button', { name: '登录' }).click();
  await a.waitForSelector('table.specialties');
  await a.waitForSelector('table.channels, .muted');
  expectText(await a.textContent('main'), 'dermatology', 'operations lists the specialties');
  await a.waitForSelector('table.bundles');
  for (const bundle of ['org.pediconsult.video', 'org.pediconsult.consultation']) {
    if (!(await a.$(`table.bundles tr[data-bundle="${bundle}"][data-state="ACTIVE"]`))) {
      throw new Error(`operations lists ${bundle} as ACTIVE: ${await a.textContent('table.bundles')}`);
    }
  }
  log(`bundles listed: ${(await a.$$eval('table.bundles tbody tr', (rs) => rs.map((r) => `${r.dataset.bundle} ${r.dataset.state}`))).join(', ')}`);
  await shot(a, 'operations');

  if (consoleErrors.length) throw new Error(`browser console errors:\n${consoleErrors.join('\n')}`);
  log('PASS');
} catch (e) {
  console.error(`[ui-test] FAIL: ${e.stack || e}`);
  if (consoleErrors.length) console.error(consoleErrors.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
