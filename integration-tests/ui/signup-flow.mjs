// A new family signs up on a phone and books, through the UI only, in a real browser (playwright-core
// driving Debian's chromium): sign-up with the code read from the development inbox by the administrator,
// a child added, an assessment, booking refused until the front desk verifies identity and relationship,
// then booked; the second demo family cannot open the new family's consultation.
// Env: BASE_URL, SHOTS, CHROMIUM, PHONE (a fresh mobile number), ID_NUMBER (a resident ID number with a
// right check digit), SLOT_ID (a free dermatology slot of dr.wang), PHOTO (a PNG). Exit 0 = every step passed.
import { chromium } from 'playwright-core';
import { drawn } from './flow-kit.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SHOTS || 'target/ui-screenshots';
const PHONE = process.env.PHONE;
const ID_NUMBER = process.env.ID_NUMBER;
const SLOT = process.env.SLOT_ID;
const PHOTO = process.env.PHOTO;
const PASSWORD = '孩子健康成长-2026';
mkdirSync(SHOTS, { recursive: true });

const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
let step = 0;
const log = (m) => console.log(`[signup-test] ${m}`);
async function shot(page, name) {
  step += 1;
  await page.screenshot({ path: join(SHOTS, `signup-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
}
function expectText(actual, expected, what) {
  if (!actual || !actual.includes(expected)) throw new Error(`${what}: expected "${expected}" in "${actual}"`);
}
async function logIn(page, user) {
  await page.goto(`${BASE}/consult/#/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill('pediconsult');
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS });
const errors = [];
try {
  // ---- the parent, on a phone
  const gctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const g = await gctx.newPage();
  g.on('pageerror', (e) => errors.push(`parent page error: ${e.message}`));
  await g.goto(`${BASE}/consult/`);
  await g.waitForSelector('h1');
  await g.waitForSelector('#demo-notice:not([hidden])');
  expectText(await g.textContent('#demo-notice'), '开发收件箱', 'the demo notice says where the codes go');
  await g.getByRole('link', { name: '注册' }).click();
  await g.waitForFunction(() => document.querySelector('h1')?.textContent === '家长注册');
  await g.getByLabel('手机号').fill(PHONE);
  await g.getByRole('button', { name: '获取验证码' }).click();
  await g.waitForSelector('p[role=status]:not([hidden])');
  log(`code asked for ${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`);
  await shot(g, 'code-sent');

  // ---- the administrator reads the code in the development inbox
  const actx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const a = await actx.newPage();
  a.on('pageerror', (e) => errors.push(`admin page error: ${e.message}`));
  await logIn(a, 'admin');
  await a.waitForSelector('nav a[href="#/accounts"]');
  // the home page (#/ops) drawn first: still loading, it would draw over #/accounts when its data arrive
  await drawn(a);
  await a.click('nav a[href="#/accounts"]');
  const message = a.locator(`#dev-inbox li[data-to="${PHONE}"]`).first();
  await message.waitFor();
  const code = (await message.textContent()).match(/\b(\d{6})\b/)[1];
  log('code read from the development inbox');
  await shot(a, 'dev-inbox');

  // a wrong code first: the field says so
  await g.getByLabel('短信验证码').fill(code === '000000' ? '111111' : '000000');
  await g.getByLabel('新密码').fill(PASSWORD);
  await g.fill('input[name=familyName]', '欧阳');
  await g.fill('input[name=givenName]', '晓燕');
  await g.selectOption('select[name=idType]', 'RESIDENT_ID');
  await g.getByLabel('证件号码').fill(ID_NUMBER);
  await g.getByRole('button', { name: '注册', exact: true }).click();
  await g.waitForSelector('.error-summary[role=alert]');
  expectText(await g.textContent('.error-summary'), '4', 'a wrong code says how many tries are left');
  await shot(g, 'wrong-code');
  await g.getByLabel('短信验证码').fill(code);
  await g.getByRole('button', { name: '注册', exact: true }).click();
  await g.waitForSelector('section[data-verification=pending]');
  expectText(await g.textContent('h1'), '我的孩子', 'signed up and logged in');
  log('signed up, logged in, identity pending');
  await shot(g, 'signed-up');

  await g.getByRole('link', { name: '添加孩子' }).click();
  await g.getByLabel('孩子的姓').fill('欧阳');
  await g.getByLabel('孩子的名').fill('小乐');
  await g.selectOption('select[name=sex]', 'MALE');
  await g.fill('input[name=birthDate]', '2022-09-09');
  await g.selectOption('select[name=relationship]', 'MOTHER');
  await g.getByRole('button', { name: '添加孩子' }).click();
  await g.waitForSelector('section.child');
  expectText(await g.textContent('section.child'), '欧阳小乐', 'the child is listed');
  await g.waitForSelector('p[data-relationship=pending]');
  await shot(g, 'child-added');

  // the assessment is allowed before verification
  await g.getByRole('link', { name: '发起问诊' }).first().click();
  await g.waitForSelector('select[name=specialtyId]');
  await g.selectOption('select[name=specialtyId]', 'dermatology');
  await g.waitForSelector('input[type=file]');
  await g.setInputFiles('input[type=file]', PHOTO);
  await g.waitForSelector('.thumbs figure');
  await g.fill('input[name=rashDays]', '2');
  for (const q of ['fever', 'nonBlanchingSpots', 'mucosalInvolvement', 'blistering', 'rapidlySpreadingRedness', 'eczemaWithPainfulPunchedOutSores']) {
    await g.check(`fieldset[data-field=${q}] input[value=false]`);
  }
  await g.check('fieldset[data-field=itch] input[value=true]');
  await g.check('fieldset[data-field=location] input[value=ARMS]');
  await g.getByRole('button', { name: '提交评估' }).click();
  await g.waitForSelector('section.alert[data-level]');
  const consultId = g.url().split('#/consult/')[1];
  log(`assessment submitted: consultation ${consultId}`);

  // booking is refused until the hospital has verified her
  await g.click(`button.slot[data-slot="${SLOT}"]`);
  await g.waitForSelector('.error-summary[role=alert]');
  expectText(await g.textContent('.error-summary'), '尚未核验', 'booking refused while unverified');
  log('booking refused: identity not verified yet');
  await shot(g, 'booking-refused');

  // ---- the front desk verifies her identity and her relationship to the child
  const dctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const d = await dctx.newPage();
  d.on('pageerror', (e) => errors.push(`front desk page error: ${e.message}`));
  await logIn(d, 'frontdesk.zhou');
  const identity = d.locator('li[data-guardian]', { hasText: '欧阳晓燕' }).filter({ hasText: ID_NUMBER });
  await identity.waitFor();
  await shot(d, 'desk-queue');
  await identity.getByRole('button', { name: '核验通过' }).click();
  await identity.waitFor({ state: 'detached' });
  const relationship = d.locator('li[data-child]', { hasText: '欧阳小乐' });
  await relationship.waitFor();
  await relationship.getByRole('button', { name: '核验通过' }).click();
  await relationship.waitFor({ state: 'detached' });
  log('front desk verified identity and relationship');

  // ---- now she books
  await g.goto(`${BASE}/consult/#/home`);
  await g.waitForSelector('section.child');
  if (await g.$('section[data-verification]')) throw new Error('the pending notice is gone once verified');
  await g.goto(`${BASE}/consult/#/consult/${consultId}`);
  await g.click(`button.slot[data-slot="${SLOT}"]`);
  await g.waitForSelector('p.booked');
  expectText(await g.textContent('.badge.state'), '已预约', 'booked');
  log('booked after verification');
  await shot(g, 'booked');

  // ---- the second demo family sees nothing of hers
  const lctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const l = await lctx.newPage();
  l.on('pageerror', (e) => errors.push(`second family page error: ${e.message}`));
  await logIn(l, 'guardian.li');
  await l.waitForSelector('section.child');
  const home = await l.textContent('main');
  expectText(home, '李小雨', 'the second family sees its own child');
  if (home.includes('欧阳小乐')) throw new Error('the second family sees the new family\'s child');
  await l.goto(`${BASE}/consult/#/consult/${consultId}`);
  await l.waitForSelector('.error-summary[role=alert]');
  const refused = await l.textContent('main');
  if (refused.includes('欧阳') || refused.includes('小乐')) throw new Error('the other family\'s consultation leaked: ' + refused);
  log('second family: the new family\'s consultation is not found');
  await shot(l, 'other-family-refused');

  if (errors.length) throw new Error(errors.join('\n'));
  log('PASS');
} catch (e) {
  console.error(`[signup-test] FAIL ${e.stack || e}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
