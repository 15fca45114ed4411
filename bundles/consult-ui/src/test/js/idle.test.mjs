// node --test: the idle logout (ui/js/idle.js), with a fake clock and fake timers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const src = readFileSync(new URL('../../main/resources/ui/js/idle.js', import.meta.url), 'utf8');
const { watchIdle, IDLE_LIMIT_MS } = await import(`data:text/javascript;base64,${Buffer.from(src).toString('base64')}`);

function setup({ active = () => true, busy = () => false } = {}) {
  const clock = { t: 1_000_000 };
  const target = new EventTarget();
  const timers = { ticks: [], setInterval(fn, ms) { this.ticks.push({ fn, ms }); return 1; }, clearInterval() { this.ticks = []; } };
  let idled = 0;
  const w = watchIdle({ target, active, busy, now: () => clock.t, timers, onIdle: () => { idled += 1; } });
  return { clock, target, timers, w, idled: () => idled };
}

const minutes = (n) => n * 60 * 1000;

test('the limit is 15 minutes, checked every 30 s', () => {
  const { timers } = setup();
  assert.equal(IDLE_LIMIT_MS, minutes(15));
  assert.equal(timers.ticks[0].ms, 30000);
});

test('15 minutes without input log out once; input before that keeps the session', () => {
  const s = setup();
  s.clock.t += minutes(14);
  assert.equal(s.w.check(), false);
  s.target.dispatchEvent(new Event('keydown'));
  s.clock.t += minutes(14);
  s.timers.ticks[0].fn();
  assert.equal(s.idled(), 0, 'the key press 14 minutes ago restarted the count');
  s.clock.t += minutes(1);
  assert.equal(s.w.check(), true);
  assert.equal(s.idled(), 1);
  assert.equal(s.w.check(), false, 'once, then the count starts over');
});

test('pointer, wheel, scroll and touch count as input', () => {
  for (const type of ['pointerdown', 'pointermove', 'wheel', 'scroll', 'touchstart']) {
    const s = setup();
    s.clock.t += minutes(10);
    s.target.dispatchEvent(new Event(type));
    s.clock.t += minutes(10);
    assert.equal(s.w.check(), false, type);
  }
});

test('nobody signed in, or a page that waits by design (call, waiting room): no logout', () => {
  let busy = true;
  const s = setup({ busy: () => busy });
  s.clock.t += minutes(40);
  assert.equal(s.w.check(), false, 'in the call');
  busy = false;
  s.clock.t += minutes(14);
  assert.equal(s.w.check(), false, 'the call counted as activity until it ended');
  const anonymous = setup({ active: () => false });
  anonymous.clock.t += minutes(60);
  assert.equal(anonymous.w.check(), false);
});

test('stop removes the listeners and the timer', () => {
  const s = setup();
  s.w.stop();
  assert.equal(s.timers.ticks.length, 0);
});
