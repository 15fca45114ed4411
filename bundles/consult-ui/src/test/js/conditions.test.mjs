// node --test: the questionnaire's age bands and conditions (ui/js/conditions.js), as the server decides them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const src = readFileSync(new URL('../../main/resources/ui/js/conditions.js', import.meta.url), 'utf8');
const { holds, inBand, ageInMonths, pilotToday } = await import(`data:text/javascript;base64,${Buffer.from(src).toString('base64')}`);

const eq = (question, value) => ({ question, operator: 'EQUALS', values: [value], conditions: [] });
const all = () => true;

test('completed months like java.time.Period', () => {
  assert.equal(ageInMonths('2014-06-15', { y: 2026, m: 6, d: 14 }), 143);
  assert.equal(ageInMonths('2014-06-15', { y: 2026, m: 6, d: 15 }), 144);
  assert.equal(ageInMonths(undefined), null);
});

test('today is the pilot zone\'s day, not the phone\'s', () => {
  // 2026-06-14 20:30 UTC is already 2026-06-15 in Beijing: the 12th birthday has come there
  const now = new Date(Date.UTC(2026, 5, 14, 20, 30));
  assert.deepEqual(pilotToday('Asia/Shanghai', now), { y: 2026, m: 6, d: 15 });
  assert.deepEqual(pilotToday('UTC', now), { y: 2026, m: 6, d: 14 });
  assert.equal(ageInMonths('2014-06-15', pilotToday('Asia/Shanghai', now)), 144);
});

test('age bands: lower bound inclusive, upper exclusive, null open', () => {
  const q = { minAgeMonths: 144, maxAgeMonths: 216 };
  assert.equal(inBand(q, 143), false);
  assert.equal(inBand(q, 144), true);
  assert.equal(inBand(q, 216), false);
  assert.equal(inBand({ maxAgeMonths: 120 }, 0), true);
  assert.equal(inBand(q, null), true);
});

test('conditions on earlier answers, and only on questions that are shown', () => {
  const either = { operator: 'EITHER', conditions: [eq('a1', true), eq('a2', true)] };
  assert.equal(holds(either, { a1: false, a2: true }, all), true);
  assert.equal(holds(either, { a1: false, a2: false }, all), false);
  assert.equal(holds(either, { a2: true }, (id) => id !== 'a2'), false);
  assert.equal(holds({ question: 'n', operator: 'AT_LEAST', values: [7] }, { n: 7 }, all), true);
  assert.equal(holds({ question: 'n', operator: 'AT_MOST', values: [7] }, { n: 8 }, all), false);
  assert.equal(holds({ question: 'm', operator: 'ANY_OF', values: ['x'] }, { m: ['y', 'x'] }, all), true);
  assert.equal(holds({ question: 'm', operator: 'ANSWERED', values: [] }, {}, all), false);
  assert.equal(holds({ operator: 'ALL', conditions: [eq('a', '1'), eq('b', '2')] }, { a: '1', b: '2' }, all), true);
  assert.equal(holds(eq('phq1', '1'), { phq1: '1' }, all), true);
});
