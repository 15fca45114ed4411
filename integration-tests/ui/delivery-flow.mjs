// A prescription's parcel from the pharmacy to the family's door, through the UI only, in a real browser
// (playwright-core driving Debian's chromium, never a download): the guardian, on a phone, adds a delivery
// address and chooses it for the delivery; the pharmacist dispenses on #/pharmacy/dispense (a lot expiring
// before the end of the course is refused at its expiry field first, then lot L2026-001 expiring a year
// ahead is taken) and assigns the courier; the courier, on a phone, dispatches on #/courier with the tamper
// seal's number, enters a wrong door code once (the tries left are shown), then the right one, read from
// the development inbox as the administrator: delivered; the guardian sees it delivered with the timeline;
// the physician sees the lot and the timeline in the consultation view.
// Env: BASE_URL (or BASE; default http://127.0.0.1:8181), SHOTS (screenshots folder), CHROMIUM (default
// /usr/bin/chromium), PRESCRIPTION_ID (an APPROVED prescription whose delivery is AWAITING_DISPENSING,
// prepared by the Java test), CONSULT_ID (its consultation, of PHYSICIAN), GUARDIAN (default guardian.li),
// PHARMACIST (pharmacist.li), COURIER (courier.zhao), PHYSICIAN (dr.wang), ADMIN (admin), PASSWORD
// (pediconsult), CODE_SOURCE: where the door code is read: `api` (default: GET /api/dev-inbox with the
// administrator's token, from this script) or `page` (the administrator's development inbox on #/accounts).
// Exit 0 = every step passed, 1 = a step failed, 2 = bad environment.
// The log names ids, states, counts, the lot and the seal number only: no name, address, phone or code.
import { chromium } from 'playwright-core';
import { logIn } from './flow-kit.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const BASE = process.env.BASE_URL || process.env.BASE || 'http://127.0.0.1:8181';
const SHOTS = process.env.SHOTS || 'target/ui-screenshots';
const PRESCRIPTION_ID = process.env.PRESCRIPTION_ID;
const CONSULT_ID = process.env.CONSULT_ID;
const PASSWORD = process.env.PASSWORD || 'pediconsult';
const GUARDIAN = process.env.GUARDIAN || 'guardian.li';
const PHARMACIST = process.env.PHARMACIST || 'pharmacist.li';
const COURIER = process.env.COURIER || 'courier.zhao';
const PHYSICIAN = process.env.PHYSICIAN || 'dr.wang';
const ADMIN = process.env.ADMIN || 'admin';
const CODE_SOURCE = process.env.CODE_SOURCE || 'api';
const LOT = 'L2026-001';
const MANUFACTURER = '某某制药';
const SEAL = 'SEAL-0001';
/** A synthetic address, new on every run (so the one shown is the one just chosen). */
const RUN = String(Date.now() % 100000);
const ADDRESS = { recipient: '李女士', phone: '13800138000', province: '广东省', city: '广州市', district: '天河区',
  street: `幸福路 ${RUN} 号 3 栋 501`, postcode: '510000' };

const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN', isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' };
let step = 0;
const log = (m) => console.log(`[delivery-test] ${m}`);
async function shot(page, name) {
  step += 1;
  const file = join(SHOTS, `delivery-${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}
function expectText(actual, expected, what) {
  if (!actual || !actual.includes(expected)) throw new Error(`${what}: expected "${expected}" in the page`);
}
/** The day in China (the pharmacy's day), `plus` days on: YYYY-MM-DD. */
function day(plus = 0) {
  return new Date(Date.now() + plus * 86400000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}
/** The first error summary's title on the page, for a failure message. */
async function alertText(page) {
  const a = await page.$('.error-summary');
  return a ? (await a.textContent()).replace(/\s+/g, ' ').slice(0, 300) : 'no error shown';
}

// ---- the door code, read from the development inbox as the administrator
let adminToken = null;
async function inboxByApi() {
  if (!adminToken) {
    const r = await fetch(`${BASE}/api/auth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: ADMIN, password: PASSWORD }) });
    if (!r.ok) throw new Error(`${ADMIN} could not get a token: HTTP ${r.status}`);
    adminToken = (await r.json()).access_token;
  }
  const r = await fetch(`${BASE}/api/dev-inbox?limit=50`, { headers: { Accept: 'application/json', Authorization: 'Bearer ' + adminToken } });
  if (!r.ok) throw new Error(`GET /api/dev-inbox: HTTP ${r.status} (is the development inbox running?)`);
  return (await r.json()).map((m) => ({ key: m.id, purpose: m.purpose || '', text: m.text || '' }));
}
let adminPage = null;
async function inboxByPage(browser) {
  if (!adminPage) {
    const ctx = await browser.newContext(DESKTOP);
    adminPage = await ctx.newPage();
    adminPage.on('pageerror', (e) => errors.push(`admin page error: ${e.message}`));
    await logIn(adminPage, ADMIN);
  }
  await adminPage.goto(`${BASE}/consult/#/accounts`);
  await adminPage.reload();   // the same hash again: read the inbox anew
  await adminPage.waitForSelector('#dev-inbox', { timeout: 15000 })
    .catch(() => { throw new Error('no development inbox on the administrator\'s accounts page'); });
  return adminPage.$$eval('#dev-inbox li', (ls) => ls.map((l) => {
    const meta = l.querySelector('p.muted')?.textContent || '';
    return { key: l.textContent, purpose: meta.split(' · ').pop() || '', text: l.textContent };
  }));
}
const inbox = (browser) => (CODE_SOURCE === 'page' ? inboxByPage(browser) : inboxByApi());
/** The 6-digit code of the newest delivery text not in `before` (keys seen before dispatch). */
async function doorCode(browser, before) {
  const until = Date.now() + 20000;
  while (Date.now() < until) {
    const fresh = (await inbox(browser)).filter((m) => !before.has(m.key));
    const delivery = fresh.filter((m) => m.purpose.includes('deliver'));
    for (const m of delivery.length ? delivery : fresh) {
      const code = m.text.match(/(?<!\d)(\d{6})(?!\d)/)?.[1];
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('no new text message with a door code in the development inbox after dispatch');
}

if (!PRESCRIPTION_ID || !CONSULT_ID) {
  console.error('[delivery-test] FAIL: set PRESCRIPTION_ID (approved, its delivery AWAITING_DISPENSING) and CONSULT_ID');
  process.exit(2);
}
if (!['api', 'page'].includes(CODE_SOURCE)) {
  console.error('[delivery-test] FAIL: CODE_SOURCE is api or page');
  process.exit(2);
}
mkdirSync(SHOTS, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS });
const errors = [];
async function newPage(options, who) {
  const ctx = await browser.newContext(options);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(`${who} page error: ${e.message}`));
  return page;
}
try {
  // ---- the guardian, on a phone, adds an address and chooses it for the delivery
  const g = await newPage(PHONE, 'guardian');
  await logIn(g, GUARDIAN);
  await g.goto(`${BASE}/consult/#/consult/${CONSULT_ID}`);
  const gCard = g.locator(`[data-testid=dl-guardian-delivery][data-prescription="${PRESCRIPTION_ID}"]`);
  await gCard.waitFor({ timeout: 20000 }).catch(() => {
    throw new Error('no delivery of the prescription on the guardian\'s consultation page (logistics bundle installed? prescription approved?)');
  });
  const deliveryId = await gCard.getAttribute('data-delivery');
  const firstState = await gCard.getAttribute('data-state');
  if (firstState !== 'AWAITING_DISPENSING') throw new Error(`the delivery is ${firstState}, not AWAITING_DISPENSING`);
  log(`delivery ${deliveryId} of prescription ${PRESCRIPTION_ID}: AWAITING_DISPENSING`);
  const change = gCard.locator('[data-testid=dl-address-change]');
  if (!(await change.evaluate((d) => d.open))) await change.locator('summary').first().click();
  const options = change.locator('[data-testid=addr-option]');
  await change.locator('[data-testid=dl-address-choose]').waitFor();
  await g.waitForFunction((id) => {
    const det = document.querySelector(`[data-testid=dl-guardian-delivery][data-delivery="${id}"] [data-testid=dl-address-change]`);
    return det && (det.querySelector('[data-testid=addr-option]') || det.querySelector('.addr-options p'));
  }, deliveryId, { timeout: 15000 });
  const optionsBefore = await options.count();
  const form = change.locator('[data-testid=addr-form]');
  if (!(await form.isVisible())) await change.locator('[data-testid=addr-new-toggle]').click();
  for (const [k, v] of Object.entries(ADDRESS)) await form.locator(`[data-testid=addr-${k}]`).fill(v);
  await form.locator('[data-testid=addr-add]').click();
  await g.waitForFunction(({ id, n }) => document.querySelectorAll(
    `[data-testid=dl-guardian-delivery][data-delivery="${id}"] [data-testid=addr-option]`).length > n, { id: deliveryId, n: optionsBefore }, { timeout: 15000 })
    .catch(async () => { throw new Error(`the new address is not offered: ${await alertText(g)}`); });
  if (!(await change.locator('[data-testid=addr-option]:checked').count())) throw new Error('the new address is not the one chosen');
  log(`address added (${optionsBefore} before)`);
  await change.locator('[data-testid=dl-address-choose]').click();
  await g.waitForFunction(({ id, street }) => (document.querySelector(
    `[data-testid=dl-guardian-delivery][data-delivery="${id}"] .dl-address-part > [data-testid=dl-address]`)?.textContent || '').includes(street),
  { id: deliveryId, street: ADDRESS.street }, { timeout: 15000 })
    .catch(async () => { throw new Error(`the delivery does not show the address chosen: ${await alertText(g)}`); });
  log('address chosen for the delivery');
  await gCard.scrollIntoViewIfNeeded();
  await shot(g, 'guardian-address');

  // ---- the pharmacist dispenses (a lot expiring too soon refused first) and assigns the courier
  const p = await newPage(DESKTOP, 'pharmacist');
  await logIn(p, PHARMACIST);
  await p.waitForFunction(() => location.hash.startsWith('#/pharmacy'));
  await p.click('[data-testid=pharmacy-tab-dispense]');
  await p.waitForFunction(() => location.hash === '#/pharmacy/dispense');
  const dCard = p.locator(`[data-testid=ds-card][data-prescription="${PRESCRIPTION_ID}"]`);
  await dCard.waitFor({ timeout: 15000 }).catch(() => { throw new Error('the prescription is not in the dispense queue'); });
  const items = dCard.locator('[data-testid=ds-item]');
  const n = await items.count();
  if (!n) throw new Error('the dispense form lists no item');
  for (let i = 0; i < n; i++) {
    const it = items.nth(i);
    const code = await it.getAttribute('data-code');
    if ((await it.locator('[data-testid=ds-product-code]').inputValue()) !== code) throw new Error(`item ${i}: the product code is not the prescribed ${code}`);
    if (!(await it.locator('[data-testid=ds-quantity]').inputValue())) throw new Error(`item ${i}: the quantity is not filled in from the prescription`);
    if (await it.locator('[data-testid=ds-substitution]').isVisible()) throw new Error(`item ${i}: a substitution reason is asked for the prescribed product`);
    await it.locator('[data-testid=ds-lot]').fill(LOT);
    await it.locator('[data-testid=ds-expiry]').fill(i === 0 ? day(0) : day(365));
    await it.locator('[data-testid=ds-manufacturer]').fill(MANUFACTURER);
  }
  await dCard.locator('[data-testid=ds-submit]').click();
  const expiring = dCard.locator('[data-testid=ds-item][data-index="0"] [data-testid=ds-expiry][aria-invalid=true]');
  await expiring.waitFor({ timeout: 15000 }).catch(async () => {
    throw new Error(`a lot expiring today was not refused at its expiry field: ${await alertText(p)}`);
  });
  log(`${n} item(s): a lot expiring today refused at its expiry field`);
  await items.nth(0).locator('[data-testid=ds-expiry]').fill(day(365));
  await dCard.scrollIntoViewIfNeeded();
  await shot(p, 'pharmacist-dispense');
  await dCard.locator('[data-testid=ds-submit]').click();
  const aCard = p.locator(`[data-testid=dl-assign-card][data-prescription="${PRESCRIPTION_ID}"]`);
  await aCard.waitFor({ timeout: 15000 }).catch(async () => { throw new Error(`dispensing failed: ${await alertText(p)}`); });
  if (!(await aCard.locator(`[data-testid=dl-lot][data-lot="${LOT}"]`).count())) log('the dispensed parcel does not list its lot (GET /api/dispenses?prescriptionId= unread)');
  log(`dispensed: lot ${LOT}, expiry ${day(365)}`);
  await aCard.locator('[data-testid=dl-courier-select]').selectOption(COURIER);
  await aCard.locator('[data-testid=dl-assign]').click();
  const pickup = p.locator(`[data-testid=dl-pickup-card][data-prescription="${PRESCRIPTION_ID}"]`);
  await pickup.waitFor({ timeout: 15000 }).catch(async () => { throw new Error(`assigning the courier failed: ${await alertText(p)}`); });
  expectText(await pickup.textContent(), COURIER, 'the courier assigned');
  log(`assigned to ${COURIER}: AWAITING_PICKUP`);
  await pickup.scrollIntoViewIfNeeded();
  await shot(p, 'pharmacist-assigned');

  // ---- the courier, on a phone: dispatch with the seal, a wrong code, then the family's code
  const k = await newPage(PHONE, 'courier');
  await logIn(k, COURIER);
  await k.waitForFunction(() => location.hash === '#/courier')
    .catch(() => { throw new Error('the courier\'s home page is not #/courier'); });
  const kCard = k.locator(`[data-testid=cr-card][data-delivery="${deliveryId}"]`);
  await kCard.waitFor({ timeout: 15000 }).catch(() => { throw new Error('the parcel is not on the courier\'s list'); });
  if ((await kCard.getAttribute('data-state')) !== 'AWAITING_PICKUP') throw new Error(`the parcel is ${await kCard.getAttribute('data-state')} on the courier's list`);
  if (!(await kCard.locator('a[href^="tel:"]').count())) throw new Error('the recipient\'s phone is not a tel: link');
  const before = new Set((await inbox(browser)).map((m) => m.key));
  await kCard.locator('[data-testid=cr-seal]').fill(SEAL);
  await kCard.locator('[data-testid=cr-dispatch]').click();
  await k.waitForSelector(`[data-testid=cr-card][data-delivery="${deliveryId}"][data-state=IN_TRANSIT]`, { timeout: 15000 })
    .catch(async () => { throw new Error(`dispatch failed: ${await alertText(k)}`); });
  expectText(await kCard.textContent(), SEAL, 'the seal number on the card');
  log(`dispatched with seal ${SEAL}: IN_TRANSIT`);
  await shot(k, 'courier-dispatched');

  const code = await doorCode(browser, before);
  log(`door code read from the development inbox (${CODE_SOURCE})`);
  await kCard.locator('[data-testid=cr-code]').fill(code === '000000' ? '111111' : '000000');
  await kCard.locator('[data-testid=cr-seal-intact]').check();
  await kCard.locator('[data-testid=cr-handover]').click();
  const wrong = kCard.locator('[data-testid=cr-code-error][data-tries-left]');
  await wrong.waitFor({ timeout: 15000 }).catch(async () => { throw new Error(`a wrong code did not say the tries left: ${await alertText(k)}`); });
  const left = Number(await wrong.getAttribute('data-tries-left'));
  if (!(left > 0)) throw new Error(`a first wrong code leaves ${left} tries`);
  expectText(await wrong.textContent(), String(left), 'the tries left at the code field');
  log(`wrong code refused: ${left} tries left`);
  await shot(k, 'courier-code-wrong');
  await kCard.locator('[data-testid=cr-code]').fill(code);
  await kCard.locator('[data-testid=cr-handover]').click();
  await k.waitForSelector(`[data-testid=cr-flash][data-delivery="${deliveryId}"][data-action=handover]`, { timeout: 15000 })
    .catch(async () => { throw new Error(`the right code did not deliver: ${await alertText(k)}`); });
  expectText(await k.textContent(`[data-testid=cr-flash][data-delivery="${deliveryId}"]`), '已送达', 'delivered, on the courier\'s page');
  log('right code: DELIVERED');
  await shot(k, 'courier-delivered');

  // ---- the guardian sees it delivered, with the timeline
  await g.reload();
  const delivered = g.locator(`[data-testid=dl-guardian-delivery][data-delivery="${deliveryId}"][data-state=DELIVERED]`);
  await delivered.waitFor({ timeout: 15000 }).catch(() => { throw new Error('the guardian does not see the parcel delivered'); });
  expectText(await delivered.locator('[data-testid=dl-state]').first().textContent(), '已送达', 'the state badge');
  if (!(await delivered.locator('[data-testid=dl-track] [data-step=DELIVERED][data-status=done]').count())) throw new Error('the tracking line does not reach 已送达');
  const steps = await delivered.locator('[data-testid=dl-timeline] li').evaluateAll((ls) => ls.map((l) => l.dataset.to));
  for (const s of ['DISPENSED', 'AWAITING_PICKUP', 'IN_TRANSIT', 'DELIVERED']) {
    if (!steps.includes(s)) throw new Error(`the guardian's timeline has no ${s} step (${steps.join(', ')})`);
  }
  log(`guardian: DELIVERED, timeline ${steps.join(' > ')}`);
  await delivered.scrollIntoViewIfNeeded();
  await shot(g, 'guardian-delivered');

  // ---- the physician sees the lot and the timeline in the consultation view
  const d = await newPage(DESKTOP, 'physician');
  await logIn(d, PHYSICIAN);
  await d.goto(`${BASE}/consult/#/pconsult/${CONSULT_ID}`);
  const section = d.locator('[data-testid=dl-physician]');
  await section.waitFor({ timeout: 20000 }).catch(() => { throw new Error('no dispensing and delivery section in the physician\'s consultation view'); });
  const mine = section.locator(`[data-testid=dl-physician-delivery][data-delivery="${deliveryId}"][data-state=DELIVERED]`);
  await mine.waitFor({ timeout: 15000 }).catch(() => { throw new Error('the physician does not see the parcel delivered'); });
  if (!(await section.locator(`[data-testid=dl-lot][data-lot="${LOT}"]`).count())) throw new Error(`the physician does not see lot ${LOT}`);
  if (!(await mine.locator('[data-testid=dl-timeline] li[data-to=DELIVERED]').count())) throw new Error('the physician\'s timeline has no DELIVERED step');
  log(`physician: lot ${LOT} and ${await mine.locator('[data-testid=dl-timeline] li').count()} timeline steps`);
  await section.scrollIntoViewIfNeeded();
  await shot(d, 'physician-timeline');

  if (errors.length) throw new Error(errors.join('\n'));
  log('PASS');
} catch (e) {
  console.error(`[delivery-test] FAIL: ${e.stack || e}`);
  if (errors.length) console.error(errors.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
