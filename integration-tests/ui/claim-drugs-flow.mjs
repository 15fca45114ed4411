// A consultation's dispensed drugs on its insurance claim, in a real browser (playwright-core driving Debian's chromium):
// the billing officer finds the claim version holding the drugs on #/billing with a drug line (its quantity and unit)
// and, when the Java test says the drug could not be priced (EXPECT_UNPRICED=true), the unpriced badge and warning;
// the guardian, on a phone, reads the drugs on the consultation's insurance card (claimed or self-pay).
// Env: BASE_URL, SHOTS, CHROMIUM, CLAIM_ID (the version with the drug lines), CONSULT_ID, DRUG (its description, e.g.
// 维生素D3滴剂), EXPECT_UNPRICED, GUARDIAN (guardian.li), BILLING (billing.zhou), PASSWORD.
// Exit 0 = every step passed, 1 = a step failed, 2 = bad environment. The log holds ids and counts only.
import { join } from 'node:path';
import { BASE, SHOTS, run, logger, shooter, logIn } from './flow-kit.mjs';

const { CLAIM_ID, CONSULT_ID, DRUG } = process.env;
const GUARDIAN = process.env.GUARDIAN || 'guardian.li';
const BILLING = process.env.BILLING || 'billing.zhou';
const UNPRICED = process.env.EXPECT_UNPRICED === 'true';
const log = logger('claim-drugs-test');
const shot = shooter('claim-drugs', log);

if (!CLAIM_ID || !CONSULT_ID || !DRUG) {
  console.error('[claim-drugs-test] FAIL: set CLAIM_ID, CONSULT_ID and DRUG');
  process.exit(2);
}
await run(log, async (browser, errors) => {
  const b = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage();
  b.on('pageerror', (e) => errors.push(`billing page error: ${e.message}`));
  await logIn(b, BILLING);
  const card = b.locator(`[data-testid=claim-card][data-claim="${CLAIM_ID}"]`);
  await card.waitFor({ timeout: 20000 }).catch(() => { throw new Error(`claim ${CLAIM_ID} is not on #/billing`); });
  const drugRow = card.locator('tr', { hasText: DRUG });
  if (!(await drugRow.count())) throw new Error('the claim card has no line for the dispensed drug');
  const rowText = ((await drugRow.first().textContent()) || '').replace(/\s+/g, ' ');
  if (!/[瓶盒支袋]|BOTTLE|BOX/.test(rowText)) throw new Error('the drug line does not say its unit');
  if (UNPRICED) {
    if (!(await card.locator('[data-testid=claim-unpriced-box]').count())) throw new Error('no warning that a drug is not priced');
    if (!(await drugRow.locator('[data-testid=claim-line-flag]').count())) throw new Error('the unpriced drug line has no badge');
  }
  log(`billing: drug line shown${UNPRICED ? ', flagged unpriced' : ''}`);
  await card.scrollIntoViewIfNeeded();
  await shot(b, 'billing');

  const g = await (await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', isMobile: true, hasTouch: true })).newPage();
  g.on('pageerror', (e) => errors.push(`guardian page error: ${e.message}`));
  await logIn(g, GUARDIAN);
  await g.goto(`${BASE}/consult/#/consult/${CONSULT_ID}`);
  const drugs = g.locator('[data-testid=claim-g-drug-line]');
  await drugs.first().waitFor({ timeout: 20000 }).catch(() => { throw new Error('the family\'s insurance card lists no drug'); });
  const text = ((await drugs.first().textContent()) || '').replace(/\s+/g, ' ');
  if (!text.includes(DRUG)) throw new Error('the family\'s drug line does not name the drug');
  log(`guardian: ${await drugs.count()} drug line(s), self-pay=${await drugs.first().getAttribute('data-selfpay')}`);
  await drugs.first().scrollIntoViewIfNeeded();
  await shot(g, 'guardian');

});
