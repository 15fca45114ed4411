// A specialty written against SPI 2 in a real browser (playwright-core driving Debian's chromium), rendered by a UI that
// knows nothing of it: the post-pilot mental-health screening. On the guardian's phone, #/new draws the questions the
// child's age asks (a 5-year-old: the guardian's questions; a 13-year-old: the PHQ-A with its help text and the ASQ),
// shows a conditional question only after a yes (and hides it again), submits the young child's screening and shows
// the triage's destination and urgency; the physician reads the adolescent's PHQ-A score on the consultation, the
// guardian does not. Env: BASE_URL, SHOTS, CHROMIUM, TEEN_ID (the 13-year-old child), TEEN_CONSULT (her booked
// consultation, assessed with respondent CHILD), PHQ_TOTAL, GUARDIAN (guardian.li), PHYSICIAN (dr.wang), PASSWORD.
// Exit 0 = every step passed, 1 = a step failed, 2 = bad environment. The log holds ids and counts only.
import { BASE, run, logger, shooter, logIn, drawn } from './flow-kit.mjs';

const { TEEN_ID, TEEN_CONSULT, PHQ_TOTAL } = process.env;
const GUARDIAN = process.env.GUARDIAN || 'guardian.li';
const PHYSICIAN = process.env.PHYSICIAN || 'dr.wang';
const log = logger('specialty-test');
const shot = shooter('specialty', log);

if (!TEEN_ID || !TEEN_CONSULT || !PHQ_TOTAL) {
  console.error('[specialty-test] FAIL: set TEEN_ID, TEEN_CONSULT and PHQ_TOTAL');
  process.exit(2);
}

const question = (page, id) => page.locator(`.question[data-question="${id}"]`);
async function shown(page, id) {
  const q = question(page, id);
  return (await q.count()) > 0 && (await q.first().isVisible());
}
async function expectShown(page, id, yes, why) {
  await page.waitForFunction(([qid, want]) => {
    const el = document.querySelector(`.question[data-question="${qid}"]`);
    return want ? !!el && !el.hidden : !el || el.hidden;
  }, [id, yes], { timeout: 10000 }).catch(() => { throw new Error(`${id} should ${yes ? '' : 'not '}be shown: ${why}`); });
}
const yesNo = (page, id, value) => page.locator(`fieldset[data-field="${id}"] input[value="${value}"]`).check();

await run(log, async (browser, errors) => {
  const g = await (await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', isMobile: true, hasTouch: true })).newPage();
  g.on('pageerror', (e) => errors.push(`guardian page error: ${e.message}`));
  await logIn(g, GUARDIAN);
  await g.goto(`${BASE}/consult/#/new`);
  await drawn(g);
  const specialty = g.locator('select[name=specialtyId]');
  if (!(await specialty.locator('option[value="mental-health"]').count())) throw new Error('mental-health is not offered on #/new');
  const children = g.locator('select[name=childId]');
  const young = await children.locator('option').evaluateAll((os, teen) => os.find((o) => o.value !== teen)?.value, TEEN_ID);
  await children.selectOption(young);
  await specialty.selectOption('mental-health');
  await question(g, 'concerns').waitFor({ timeout: 15000 }).catch(() => { throw new Error('the questionnaire was not drawn'); });

  // a young child: the guardian's questions, no self-report instrument
  if (await shown(g, 'phq1')) throw new Error('the PHQ-A is drawn for a young child');
  if (!(await shown(g, 'guardianSelfHarmTalk'))) throw new Error('the guardian\'s question is missing for a young child');
  await expectShown(g, 'guardianImmediateDanger', false, 'before any answer');
  await yesNo(g, 'guardianSelfHarmTalk', 'true');
  await expectShown(g, 'guardianImmediateDanger', true, 'after a yes');
  await shot(g, 'young-conditional-shown');
  await yesNo(g, 'guardianSelfHarmTalk', 'false');
  await expectShown(g, 'guardianImmediateDanger', false, 'after the yes became a no');
  await yesNo(g, 'guardianSelfHarmTalk', 'true');
  await expectShown(g, 'guardianImmediateDanger', true, 'after a yes again');
  log('young child: guardian questions, conditional question shown only after a yes');

  // the adolescent: PHQ-A with help text and item codes, ASQ, the acuity question only after a yes
  await children.selectOption(TEEN_ID);
  await question(g, 'phq1').waitFor({ timeout: 15000 }).catch(() => { throw new Error('no PHQ-A for the 13-year-old'); });
  if (await shown(g, 'guardianSelfHarmTalk')) throw new Error('the young child\'s question is drawn for the adolescent');
  const help = (await question(g, 'phq1').textContent()) || '';
  if (!/两个星期|两周|two weeks/.test(help)) throw new Error('the PHQ-A item has no help text');
  if (!(await question(g, 'phq1').getAttribute('data-code'))) throw new Error('the PHQ-A item carries no code');
  await expectShown(g, 'asq5', false, 'no ASQ yes yet');
  await yesNo(g, 'asq2', 'true');
  await expectShown(g, 'asq5', true, 'after an ASQ yes');
  await shot(g, 'teen-asq-acuity-shown');
  await yesNo(g, 'asq2', 'false');
  await expectShown(g, 'asq5', false, 'after the ASQ yes became a no');
  log('adolescent: PHQ-A with help and codes, ASQ acuity question only after a yes');

  // back to the young child, filled in and sent: in person within 24 hours at a mental health clinic
  await children.selectOption(young);
  await question(g, 'guardianSelfHarmTalk').waitFor({ timeout: 15000 });
  await g.locator('fieldset[data-field="concerns"] input[value="LOW_MOOD"]').check();
  await g.locator('input[name="concernWeeks"]').fill('3');
  await yesNo(g, 'guardianSelfHarmTalk', 'true');
  await expectShown(g, 'guardianImmediateDanger', true, 'after a yes');
  await yesNo(g, 'guardianImmediateDanger', 'false');
  await g.locator('form button[type=submit]').click();
  await g.waitForFunction(() => /^#\/consult\//.test(location.hash), null, { timeout: 20000 })
    .catch(() => { throw new Error('the screening was not accepted'); });
  await drawn(g);
  const box = g.locator('.alert[data-level="IN_PERSON"]');
  await box.waitFor({ timeout: 15000 }).catch(() => { throw new Error('no in-person triage shown'); });
  if (!(await box.locator('.destination[data-type="MENTAL_HEALTH_SERVICE"]').count())) throw new Error('the triage names no mental health service');
  if (!(await box.locator('.urgency[data-urgency="WITHIN_24_HOURS"]').count())) throw new Error('the triage says no urgency');
  if (await g.locator('.scores').count()) throw new Error('a score is shown to the guardian');
  await shot(g, 'young-triage-destination');
  log('young child: referred in person within 24 hours to a mental health service');

  // the adolescent's booked consultation: the guardian sees no score
  await g.goto(`${BASE}/consult/#/consult/${TEEN_CONSULT}`);
  await drawn(g);
  await g.locator('.alert[data-level="REMOTE_OK"]').waitFor({ timeout: 15000 })
    .catch(() => { throw new Error('the adolescent\'s triage is not drawn for the guardian'); });
  if (await g.locator('.scores').count()) throw new Error('the PHQ-A score is shown to the guardian');

  // the physician reads the score
  const d = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage();
  d.on('pageerror', (e) => errors.push(`physician page error: ${e.message}`));
  await logIn(d, PHYSICIAN);
  await d.goto(`${BASE}/consult/#/pconsult/${TEEN_CONSULT}`);
  await drawn(d);
  const row = d.locator('.scores tr[data-score="phq-a"]');
  await row.waitFor({ timeout: 15000 }).catch(() => { throw new Error('the physician sees no PHQ-A score'); });
  const text = ((await row.textContent()) || '').replace(/\s+/g, ' ');
  if (!text.includes(`${PHQ_TOTAL} / 27`)) throw new Error(`the PHQ-A score is not ${PHQ_TOTAL} / 27: ${text.length} chars`);
  if (!/中度|moderate/i.test(text)) throw new Error('the score has no interpretation');
  if (!(await d.locator('.alert').filter({ hasText: /孩子本人|the child/ }).count())) throw new Error('not said that the adolescent answered');
  await row.scrollIntoViewIfNeeded();
  await shot(d, 'physician-score');
  log(`physician: PHQ-A ${PHQ_TOTAL} / 27 with its band`);
});
