// Insurance claims through the UI only, in a real browser (playwright-core driving Debian's chromium, never a
// download): the billing officer logs in and lands on #/billing, finds the rejected claim with the insurer's
// reason (also under the 医保退回 tab), resubmits it (a new version, QUALIFIED or INELIGIBLE, and the rejected
// one says it was resubmitted), reads this month's reconciliation per institution and specialty, and exports it
// as CSV (a header line); the guardian, on a phone, opens the consultation and reads its insurance card
// (the newest version: its state in plain words, claimed and self-pay, the reasons when not claimable), and
// the home page has an insurance part per child (recorded coverage, or a form to record it).
// Env: BASE_URL (or BASE; default http://127.0.0.1:8181), SHOTS (screenshots folder), CHROMIUM (default
// /usr/bin/chromium), CLAIM_ID (a REJECTED claim, prepared by the Java test), CONSULT_ID (its consultation, of
// GUARDIAN's child), GUARDIAN (default guardian.li), BILLING (billing.zhou), PASSWORD (pediconsult).
// Exit 0 = every step passed, 1 = a step failed, 2 = bad environment.
// The log names ids, states, counts and amounts only: no name, insured id or reason text.
import { chromium } from 'playwright-core';
import { logIn } from './flow-kit.mjs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BASE = process.env.BASE_URL || process.env.BASE || 'http://127.0.0.1:8181';
const SHOTS = process.env.SHOTS || 'target/ui-screenshots';
const CLAIM_ID = process.env.CLAIM_ID;
const CONSULT_ID = process.env.CONSULT_ID;
const PASSWORD = process.env.PASSWORD || 'pediconsult';
const GUARDIAN = process.env.GUARDIAN || 'guardian.li';
const BILLING = process.env.BILLING || 'billing.zhou';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN', isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true };
let step = 0;
const log = (m) => console.log(`[billing-test] ${m}`);
async function shot(page, name) {
  step += 1;
  const file = join(SHOTS, `billing-${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}
/** The first error summary's title on the page, for a failure message. */
async function alertText(page) {
  const a = await page.$('.error-summary');
  return a ? (await a.textContent()).replace(/\s+/g, ' ').slice(0, 300) : 'no error shown';
}
const text = async (loc) => ((await loc.textContent()) || '').replace(/\s+/g, ' ').trim();

if (!CLAIM_ID || !CONSULT_ID) {
  console.error('[billing-test] FAIL: set CLAIM_ID (a REJECTED claim) and CONSULT_ID (its consultation)');
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
  // ---- the billing officer lands on #/billing and finds the rejected claim with the insurer's reason
  const b = await newPage(DESKTOP, 'billing');
  await logIn(b, BILLING);
  await b.waitForFunction(() => location.hash === '#/billing', null, { timeout: 15000 })
    .catch(async () => { throw new Error(`the billing officer's home page is ${await b.evaluate(() => location.hash)}, not #/billing`); });
  const nav = b.locator('#nav a[href="#/billing"]');
  if (!(await nav.count())) throw new Error('no 医保结算 link in the navigation');
  const rejected = b.locator(`[data-testid=claim-card][data-claim="${CLAIM_ID}"]`);
  await rejected.waitFor({ timeout: 20000 }).catch(async () => { throw new Error(`claim ${CLAIM_ID} is not on #/billing: ${await alertText(b)}`); });
  const first = await rejected.getAttribute('data-state');
  if (first !== 'REJECTED') throw new Error(`claim ${CLAIM_ID} is ${first}, not REJECTED`);
  const reasons = rejected.locator('[data-testid=claim-insurer-reasons] li');
  const nReasons = await reasons.count();
  if (!nReasons) throw new Error('the rejected claim shows no insurer reason');
  if (!(await text(reasons.first()))) throw new Error('the insurer\'s first reason is empty');
  if (!(await rejected.locator('[data-testid=claim-resubmit]').isVisible())) throw new Error('no 重新申报 button on the rejected claim');
  if (!(await rejected.locator('[data-testid=claim-lines] [data-testid=claim-line]').count())) throw new Error('the rejected claim lists no line');
  const version = Number(await rejected.getAttribute('data-version'));
  log(`claim ${CLAIM_ID} v${version}: REJECTED with ${nReasons} insurer reason(s), ${await rejected.locator('[data-testid=claim-line]').count()} line(s)`);

  // the 医保退回 tab lists rejected claims only, this one among them
  await b.click('[data-testid=billing-tab-REJECTED]');
  await b.waitForFunction(() => location.hash === '#/billing?state=REJECTED');
  await b.waitForSelector(`[data-testid=billing-list][data-state=REJECTED] [data-testid=claim-card][data-claim="${CLAIM_ID}"]`, { timeout: 15000 })
    .catch(() => { throw new Error('the rejected claim is not under the 医保退回 tab'); });
  const others = await b.locator('[data-testid=billing-list] [data-testid=claim-card]:not([data-state=REJECTED])').count();
  if (others) throw new Error(`the 医保退回 tab lists ${others} claim(s) in another state`);
  log(`tab REJECTED: ${await b.locator('[data-testid=claim-card]').count()} claim(s)`);
  const here = b.locator(`[data-testid=claim-card][data-claim="${CLAIM_ID}"]`);
  await here.locator('[data-testid=claim-insurer-box]').scrollIntoViewIfNeeded();
  await shot(b, 'rejected');

  // ---- resubmit: a new version, and the rejected one says so
  await b.click('[data-testid=billing-tab-ALL]');
  await b.waitForFunction(() => location.hash === '#/billing');
  // the "all" list drawn (not the rejected tab's, still on screen while it loads: its card's action would redraw that tab)
  const allTab = b.locator(`[data-testid=billing-list][data-state=ALL] [data-testid=claim-card][data-claim="${CLAIM_ID}"]`);
  await allTab.waitFor({ timeout: 15000 }).catch(() => { throw new Error('the claim is not on the 全部 tab'); });
  await allTab.locator('[data-testid=claim-resubmit]').click();
  const flash = b.locator(`[data-testid=billing-flash][data-action=resubmitted][data-previous="${CLAIM_ID}"]`);
  await flash.waitFor({ timeout: 20000 }).catch(async () => { throw new Error(`resubmission failed: ${await alertText(b)}`); });
  const newId = await flash.getAttribute('data-claim');
  const newState = await flash.getAttribute('data-state');
  if (!newId || newId === CLAIM_ID) throw new Error('the resubmission answered no new claim version');
  if (!['QUALIFIED', 'INELIGIBLE'].includes(newState)) throw new Error(`the new version is ${newState}, not QUALIFIED or INELIGIBLE`);
  const next = b.locator(`[data-testid=claim-card][data-claim="${newId}"]`);
  await next.waitFor({ timeout: 15000 }).catch(() => { throw new Error('the new version is not listed'); });
  if ((await next.getAttribute('data-previous')) !== CLAIM_ID) throw new Error('the new version does not name the rejected one as previous');
  const newVersion = Number(await next.getAttribute('data-version'));
  if (!(newVersion > version)) throw new Error(`the new version is v${newVersion} after v${version}`);
  if (newState === 'INELIGIBLE' && !(await next.locator('[data-testid=claim-reasons] li').count())) throw new Error('an INELIGIBLE version shows no reason');
  // the server submits a QUALIFIED version itself when its payer has an adapter: by the time the list was read again
  // it may already be SUBMITTED or answered (no 提交医保 button then); as long as the list shows it QUALIFIED it has one
  const listed = await next.getAttribute('data-state');
  if (listed === 'QUALIFIED' && !(await next.locator('[data-testid=claim-submit]').count())) throw new Error('a QUALIFIED version has no 提交医保 button');
  const old = b.locator(`[data-testid=claim-card][data-claim="${CLAIM_ID}"]`);
  if (!(await old.locator(`[data-testid=claim-successor][data-claim="${newId}"]`).count())) throw new Error('the rejected claim does not say it was resubmitted');
  if (await old.locator('[data-testid=claim-resubmit]').count()) throw new Error('the rejected claim still offers 重新申报 after its resubmission');
  log(`resubmitted: claim ${newId} v${newVersion} ${newState}, claimed ${await next.locator('[data-testid=claim-claimed]').getAttribute('data-amount')}`
    + `, self-pay ${await next.locator('[data-testid=claim-selfpay]').getAttribute('data-amount')}`);
  await next.scrollIntoViewIfNeeded();
  await shot(b, 'resubmitted');

  // ---- this month's reconciliation, then its CSV
  const recon = b.locator('[data-testid=recon]');
  await recon.waitFor({ timeout: 15000 }).catch(() => { throw new Error('no reconciliation block on #/billing'); });
  const from = await recon.locator('[data-testid=recon-from]').inputValue();
  const to = await recon.locator('[data-testid=recon-to]').inputValue();
  if (!from.endsWith('-01') || from.slice(0, 7) !== to.slice(0, 7)) throw new Error(`the default period ${from}..${to} is not this month`);
  // the reconciliation counts each consultation's newest version, INELIGIBLE ones not, nor a QUALIFIED one not
  // submitted yet: with an INELIGIBLE resubmission and no other claim this month the period may be empty; read while
  // the server was still submitting a QUALIFIED one, it is empty for a moment, and 显示 reads it again (as the
  // officer would) for up to 20 s
  const table = recon.locator('[data-testid=recon-table]');
  const shown = recon.locator('[data-testid=recon-table], [data-testid=recon-empty]').first();
  await shown.waitFor({ timeout: 15000 }).catch(async () => { throw new Error(`no reconciliation shown: ${await alertText(b)}`); });
  for (let i = 0; i < 20 && newState !== 'INELIGIBLE' && !(await table.count()); i += 1) {
    await b.waitForTimeout(1000);
    const before = await recon.locator('[data-testid=recon-period]').elementHandle();
    await recon.locator('[data-testid=recon-show]').click();
    // redrawn: the old caption is replaced
    if (before) await b.waitForFunction((el) => !el.isConnected, before, { timeout: 15000 }).catch(() => {});
    await shown.waitFor({ timeout: 15000 }).catch(async () => { throw new Error(`no reconciliation shown: ${await alertText(b)}`); });
    if (await table.count()) log(`reconciliation: counted after ${i + 1} more read(s)`);
  }
  let rows = 0;
  if (await table.count()) {
    rows = await table.locator('[data-testid=recon-row]').count();
    const totals = table.locator('[data-testid=recon-totals]');
    if (!(await totals.count())) throw new Error('the reconciliation has no totals row');
    const totalClaims = Number(await totals.getAttribute('data-claims'));
    if (!(totalClaims >= 1)) throw new Error(`the reconciliation totals ${totalClaims} claims`);
    log(`reconciliation ${from}..${to}: ${rows} row(s), ${totalClaims} claim(s), outstanding ${await totals.getAttribute('data-outstanding')}`);
  } else if (newState === 'INELIGIBLE') {
    log(`reconciliation ${from}..${to}: empty (the resubmitted version is INELIGIBLE)`);
  } else {
    throw new Error(`no claim in this month's reconciliation (${from}..${to}) after a ${newState} resubmission`);
  }
  await recon.scrollIntoViewIfNeeded();
  await shot(b, 'reconciliation');

  const [download] = await Promise.all([
    b.waitForEvent('download', { timeout: 20000 }),
    recon.locator('[data-testid=recon-csv]').click()]).catch(async (e) => { throw new Error(`no CSV download (${e.message}): ${await alertText(b)}`); });
  const file = await download.path();
  if (!file) throw new Error(`the CSV download failed: ${await download.failure()}`);
  const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.split(/\r?\n/).filter((l) => l.trim());
  const header = lines[0] || '';
  if (!header.includes(',') || !/[A-Za-z\u4e00-\u9fff]/.test(header) || /^[\d.,\s"-]+$/.test(header)) throw new Error('the CSV has no header line');
  if (lines.length - 1 < rows) throw new Error(`the CSV has ${lines.length - 1} line(s) below its header, the table ${rows}`);
  if (!download.suggestedFilename().endsWith('.csv')) throw new Error(`the download is named ${download.suggestedFilename()}`);
  log(`CSV ${download.suggestedFilename()}: header of ${header.split(',').length} fields, ${lines.length - 1} line(s) below it`);

  // ---- the guardian, on a phone, reads the consultation's insurance card
  const g = await newPage(PHONE, 'guardian');
  await logIn(g, GUARDIAN);
  await g.goto(`${BASE}/consult/#/consult/${CONSULT_ID}`);
  const card = g.locator('[data-testid=claim-guardian]');
  await card.waitFor({ timeout: 20000 }).catch(() => {
    throw new Error('no insurance card on the guardian\'s consultation page (claim bundle installed? consultation ended?)');
  });
  const gClaim = await card.getAttribute('data-claim');
  const gState = await card.getAttribute('data-state');
  if (gClaim !== newId) throw new Error(`the guardian sees claim ${gClaim}, not the newest version ${newId}`);
  if (!(await text(card.locator('[data-testid=claim-g-state]')))) throw new Error('the card does not say the state in words');
  for (const k of ['claimed', 'selfpay']) {
    if (!/\d/.test(await text(card.locator(`[data-testid=claim-g-${k}]`)))) throw new Error(`the card shows no ${k} amount`);
  }
  if (gState === 'INELIGIBLE' && !(await card.locator('[data-testid=claim-g-reasons] li').count())) throw new Error('a claim not claimable shows the family no reason');
  log(`guardian: claim ${gClaim} ${gState}, claimed ${await card.locator('[data-testid=claim-g-claimed]').getAttribute('data-amount')}`
    + `, self-pay ${await card.locator('[data-testid=claim-g-selfpay]').getAttribute('data-amount')}`
    + `, ${await card.locator('[data-testid=claim-g-reasons] li').count()} reason(s)`);
  await card.scrollIntoViewIfNeeded();
  await shot(g, 'guardian-insurance');

  // the home page: each child's coverage part (shown or to fill in) when the claim bundle answers
  await g.goto(`${BASE}/consult/#/home`);
  await g.waitForSelector('section.child', { timeout: 15000 }).catch(() => { throw new Error('the guardian\'s home page shows no child'); });
  const cov = g.locator('[data-testid=cov-card]');
  const nCov = await cov.count();
  if (!nCov) throw new Error('no insurance part on the guardian\'s home page');
  log(`home: insurance part for ${nCov} child(ren), ${await g.locator('[data-testid=cov-card][data-known=true]').count()} with coverage recorded`);

  if (errors.length) throw new Error(errors.join('\n'));
  log('PASS');
} catch (e) {
  console.error(`[billing-test] FAIL: ${e.stack || e}`);
  if (errors.length) console.error(errors.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
