// Logs a signed-in user out after 15 minutes without input (pointer, keys, scrolling, touch), so a
// shared clinic computer left alone does not stay signed in. Pages that wait by design (the video
// call, the guardian's waiting room) count as activity.
export const IDLE_LIMIT_MS = 15 * 60 * 1000;
export const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'];

/**
 * Watches `target` for input; every `everyMs` checks whether `limitMs` have passed since the last
 * input while `active()` (signed in) and not `busy()`; if so calls `onIdle()` once and starts over.
 * Answers { check, stop } (check runs the test now; for tests and after a wake-up).
 */
export function watchIdle({ target, onIdle, active = () => true, busy = () => false, limitMs = IDLE_LIMIT_MS,
  everyMs = 30000, now = () => Date.now(), timers = globalThis }) {
  let last = now();
  const touch = () => { last = now(); };
  for (const type of INPUT_EVENTS) target.addEventListener(type, touch, { passive: true, capture: true });
  const check = () => {
    if (!active() || busy()) { touch(); return false; }
    if (now() - last < limitMs) return false;
    touch();
    onIdle();
    return true;
  };
  const timer = timers.setInterval(check, everyMs);
  const stop = () => {
    timers.clearInterval(timer);
    for (const type of INPUT_EVENTS) target.removeEventListener(type, touch, { capture: true });
  };
  return { check, stop };
}
