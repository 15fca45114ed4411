// What the browser flows share: Debian's chromium started headless without a download, the UI's login form, and
// numbered full-page screenshots. Used by report-flow.mjs and claim-drugs-flow.mjs; the older flows take logIn.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = process.env.BASE_URL || process.env.BASE || 'http://127.0.0.1:8181';
export const SHOTS = process.env.SHOTS || 'target/ui-screenshots';
export const PASSWORD = process.env.PASSWORD || 'pediconsult';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Debian's chromium (CHROMIUM, default /usr/bin/chromium), headless. */
export async function launch() {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS });
}

/**
 * Runs a flow in a fresh browser: body(browser, errors) does the steps (throwing on the first failure; page errors
 * collected in errors fail it too); logs PASS and exits 0, or logs FAIL with the reason and exits 1.
 */
export async function run(log, body) {
  const browser = await launch();
  const errors = [];
  try {
    await body(browser, errors);
    if (errors.length) throw new Error(errors.join('; '));
    log('PASS');
    await browser.close();
    process.exit(0);
  } catch (e) {
    log(`FAIL: ${e.message}`);
    await browser.close();
    process.exit(1);
  }
}

/** A logger prefixed with the flow's tag, e.g. "[report-test] ...". */
export const logger = (tag) => (m) => console.log(`[${tag}] ${m}`);

/** Numbered full-page screenshots <prefix>-NN-<name>.png in SHOTS, each logged. */
export function shooter(prefix, log) {
  let step = 0;
  return async (page, name) => {
    step += 1;
    const file = join(SHOTS, `${prefix}-${String(step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    log(`screenshot ${file}`);
  };
}

/** Logs in through the UI's form (in Chinese) and waits to leave #/login. */
export async function logIn(page, user) {
  await page.goto(`${BASE}/consult/#/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForFunction(() => !location.hash.startsWith('#/login'), null, { timeout: 15000 })
    .catch(() => { throw new Error(`${user} could not log in`); });
  await drawn(page);
}

/**
 * Waits until the page of the current route has been drawn (the UI's page() marks #main with its route). Navigate
 * only then: a route still loading would draw over the next one when its data arrive (the UI does not cancel it).
 */
export async function drawn(page) {
  await page.waitForFunction(() => document.getElementById('main')?.dataset.route === location.hash, null, { timeout: 20000 })
    .catch(async () => { throw new Error(`the page ${await page.evaluate(() => location.hash)} was not drawn`); });
}
