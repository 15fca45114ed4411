// The video consult in two browser processes (physician and guardian), each with its own fake camera
// picture (a y4m file of one solid colour), against the assembled distribution: the guardian logs in,
// submits an assessment, books, enters the waiting room; the physician admits and attests; both open
// the call page. Asserts the peer connection is connected, remote video plays with framesDecoded
// rising, each side's remote video shows the OTHER side's colour, and 720p frames arrive.
// Then: the physician sees the guardian's call quality; glare: both pages restart ICE at the same moment
// while each holds what the server sends it until both offers are out, so the offers cross: the
// physician's (impolite) page ignores the guardian's offer, the guardian's (polite) page rolls hers back
// and answers, and the call recovers with video both ways; (TURN_CONTROL=1) the TURN server is stopped
// and started again under the call: both sides show "reconnecting", restart ICE and are connected
// again without the consultation pausing; the guardian closes the tab (paused) and rejoins from a
// phone whose camera only delivers 2 frames per second (resumed): her video cannot be sustained, so
// her page falls back to audio only, the physician is told, audio keeps flowing both ways, and "try
// video again" turns her video back on; end-and-refer closes both calls.
// Env: BASE_URL, SHOTS, SLOT_ID (a free slot of dr.wang), PHOTO (PNG), Y4M_PHYSICIAN, Y4M_GUARDIAN,
// Y4M_GUARDIAN_SLOW (files; the physician's is red, the guardian's blue, the slow one blue at 2 fps),
// CHROMIUM; EXPECT_CANDIDATE_TYPE (optional, e.g. relay): the selected ICE candidate pair's local and
// remote candidates must be of that type; TURN_CONTROL=1: the test runner stops/starts the TURN server
// when this script prints "[control] turn-stop" / "[control] turn-start" and answers "ok <command>" on
// stdin. Exit code 0 = every step passed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { localRelays, selectedPair } from './page-probes.mjs';

const BASE = process.env.BASE_URL || 'http://localhost:18481';
const SHOTS = process.env.SHOTS || 'target/ui-call-screenshots';
const SLOT = process.env.SLOT_ID;
const PHOTO = process.env.PHOTO;
mkdirSync(SHOTS, { recursive: true });

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];

const log = (m) => console.log(`[call-test] ${m}`);
let step = 0;
async function shot(page, name) {
  step += 1;
  const file = join(SHOTS, `call-${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}
function expectText(actual, expected, what) {
  if (!actual || !actual.includes(expected)) throw new Error(`${what}: expected "${expected}" in "${actual}"`);
}
const launch = (y4m) => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: [...FLAGS, `--use-file-for-fake-video-capture=${y4m}`],
});

// In the page: sample the call every 100 ms (connection state, inbound video stats) from the moment
// the call page is loaded; the results stay in window.__callProbe.
function installProbe() {
  const probe = { t0: performance.now(), connectedAt: null, first720At: null, firstFrameAt: null, samples: [] };
  window.__callProbe = probe;
  probe.timer = setInterval(async () => {
    const pc = window.__pediconsultCall?.pc;
    if (!pc) return;
    const now = performance.now() - probe.t0;
    if (pc.connectionState === 'connected' && probe.connectedAt == null) probe.connectedAt = now;
    const stats = await pc.getStats();
    stats.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') {
        probe.last = { at: now, framesDecoded: s.framesDecoded || 0, w: s.frameWidth || 0, h: s.frameHeight || 0, fps: s.framesPerSecond || 0 };
        if (s.framesDecoded > 0 && probe.firstFrameAt == null) probe.firstFrameAt = now;
        if (s.frameWidth === 1280 && s.frameHeight === 720 && probe.first720At == null) probe.first720At = now;
      }
    });
  }, 100);
}
// In the page: the remote <video>'s centre pixel and playing state.
function remoteVideo() {
  const v = window.__pediconsultCall?.remote;
  if (!v || !v.videoWidth) return null;
  const c = document.createElement('canvas');
  c.width = v.videoWidth; c.height = v.videoHeight;
  const ctx = c.getContext('2d');
  ctx.drawImage(v, 0, 0);
  const [r, g, b] = ctx.getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data;
  return { r, g, b, w: v.videoWidth, h: v.videoHeight, paused: v.paused, readyState: v.readyState, currentTime: v.currentTime };
}
const EXPECT_TYPE = process.env.EXPECT_CANDIDATE_TYPE || '';
// The selected pair of `page` is EXPECT_TYPE on both ends. A remote candidate Chromium learned from the
// other side's connectivity check before that side's candidate message arrived is "prflx" (peer
// reflexive), typically right after an ICE restart; it is a relay candidate when its address is one of
// the other page's own relay allocations, and then counts as one.
async function expectedPair(page, other) {
  const x = await page.evaluate(selectedPair);
  if (!x) return { ok: false };
  if (EXPECT_TYPE === 'relay' && x.remote === 'prflx') {
    // a remote candidate learned from a connectivity check before its description came (peer-reflexive): it is
    // the other side's relay if its address is one of that side's TURN allocations. Chromium hides the IP of a
    // peer-reflexive candidate in the stats (address ''), so then the port alone is matched (seen in a loop
    // run after an ICE restart: ':44719' against the other side's '127.0.0.1:44719')
    const relays = await other.evaluate(localRelays);
    const hidden = x.remoteAddress?.startsWith(':');
    if (relays.some((r) => r === x.remoteAddress || (hidden && r.endsWith(x.remoteAddress)))) {
      Object.assign(x, { remote: 'relay', remoteSeenAs: hidden ? 'prflx, its IP hidden' : 'prflx' });
    } else x.otherRelays = relays;
  }
  return { ok: x.state === 'succeeded' && x.nominated && x.local === EXPECT_TYPE && x.remote === EXPECT_TYPE, ...x };
}
const pcState = () => { const pc = window.__pediconsultCall?.pc; return pc ? { connection: pc.connectionState, ice: pc.iceConnectionState } : null; };
async function waitFor(what, ms, fn) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    last = await fn();
    if (last && last.ok) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not within ${ms} ms (last: ${JSON.stringify(last)})`);
}
// "[control] <command>" to the test runner, which answers "ok <command>" on stdin once done
const controlAnswers = [];
const stdinLines = process.env.TURN_CONTROL === '1' ? createInterface({ input: process.stdin }) : null;
stdinLines?.on('line', (l) => controlAnswers.shift()?.(l.trim()));
async function control(cmd) {
  const answer = new Promise((resolve) => controlAnswers.push(resolve));
  console.log(`[control] ${cmd}`);
  const got = await Promise.race([answer, new Promise((resolve) => setTimeout(() => resolve('timeout'), 30000))]);
  if (got !== `ok ${cmd}`) throw new Error(`control ${cmd}: ${got}`);
}
// In the page: the bytes of video sent and the audio packets received so far.
async function mediaCounters() {
  const pc = window.__pediconsultCall?.pc;
  if (!pc) return null;
  const out = { videoBytesSent: 0, audioPacketsReceived: 0, videoActive: null };
  (await pc.getStats()).forEach((s) => {
    if (s.type === 'outbound-rtp' && s.kind === 'video') { out.videoBytesSent = s.bytesSent; out.videoActive = s.active; }
    if (s.type === 'inbound-rtp' && s.kind === 'audio') out.audioPacketsReceived = s.packetsReceived;
  });
  return out;
}
// In the page: every data-call state the status line takes from now on.
function watchStatus() {
  const el = document.querySelector('.call-status');
  window.__seenStates = [el.dataset.call];
  new MutationObserver(() => {
    const st = el.dataset.call;
    if (window.__seenStates[window.__seenStates.length - 1] !== st) window.__seenStates.push(st);
  }).observe(el, { attributes: true, childList: true, characterData: true, subtree: true });
}
// In the page: hold the messages the server sends on the current signaling socket (signaling latency,
// forced) until released, then deliver them in order to the page's own handler: every message, or, given a
// type, the first message of that type and everything after it.
function holdSignaling(fromType) {
  const ws = window.__pediconsultCall.ws;
  const deliver = ws.onmessage;
  const held = [];
  ws.onmessage = (ev) => {
    if (!fromType || held.length || JSON.parse(ev.data).type === fromType) held.push(ev); else deliver.call(ws, ev);
  };
  window.__heldSignaling = {
    types: () => held.map((ev) => JSON.parse(ev.data).type),
    release() { ws.onmessage = deliver; held.splice(0).forEach((ev) => deliver.call(ws, ev)); },
  };
}
const negotiationState = () => { const c = window.__pediconsultCall; return { signaling: c.pc?.signalingState, connection: c.pc?.connectionState, ...c.negotiation, held: window.__heldSignaling?.types() }; };
const isRed = (p) => p && p.r > 150 && p.r > p.b + 80;
const isBlue = (p) => p && p.b > 150 && p.b > p.r + 80;

const physicianBrowser = await launch(process.env.Y4M_PHYSICIAN);
const guardianBrowser = await launch(process.env.Y4M_GUARDIAN);
let guardianPhone = null;
const errors = [];
let g, p;
try {
  // ---- guardian: log in, assessment, booking, waiting room
  const gctx = await guardianBrowser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  g = await gctx.newPage();
  g.on('pageerror', (e) => errors.push(`guardian page error: ${e.message}`));
  g.on('console', (m) => m.text().startsWith('[call]') && log(`guardian ${m.text()}`));
  await g.goto(`${BASE}/consult/`);
  await g.waitForSelector('h1');
  await g.click('#lang-switch');
  await g.waitForFunction(() => document.querySelector('h1')?.textContent === 'Log in');
  await g.getByLabel('User name').fill('guardian.tang');
  await g.getByLabel('Password').fill('pediconsult');
  await g.getByRole('button', { name: 'Log in' }).click();
  await g.waitForSelector('section.child');
  await g.getByRole('link', { name: 'Start a consultation' }).first().click();
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
  await g.getByRole('button', { name: 'Submit the assessment' }).click();
  await g.waitForSelector('section.alert[data-level]');
  const consultId = g.url().split('#/consult/')[1];
  const level = await g.getAttribute('section.alert', 'data-level');
  if (level !== 'REMOTE_OK') throw new Error(`expected REMOTE_OK, got ${level}`);
  log(`consultation ${consultId}: triage ${level}`);
  await g.click(`button.slot[data-slot="${SLOT}"]`);
  await g.waitForSelector('p.booked');
  await g.getByRole('button', { name: 'Enter the waiting room' }).click();
  await g.waitForSelector('.waiting-state .badge[data-state=WAITING]');
  log('guardian booked and is in the waiting room');

  // ---- physician: log in, open the consultation from the queue, admit and attest
  const pctx = await physicianBrowser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  p = await pctx.newPage();
  p.on('pageerror', (e) => errors.push(`physician page error: ${e.message}`));
  p.on('console', (m) => m.text().startsWith('[call]') && log(`physician ${m.text()}`));
  await p.goto(`${BASE}/consult/`);
  await p.waitForSelector('h1');
  await p.click('#lang-switch');
  await p.waitForFunction(() => document.querySelector('h1')?.textContent === 'Log in');
  await p.getByLabel('User name').fill('dr.wang');
  await p.getByLabel('Password').fill('pediconsult');
  await p.getByRole('button', { name: 'Log in' }).click();
  await p.waitForSelector('table.queue');
  const row = p.locator(`tr[data-consultation="${consultId}"]`);
  await row.waitFor();
  await row.getByRole('link').click();
  await p.waitForSelector('#attest');
  await p.check('#attest');
  await p.click('#admit');
  await p.waitForSelector('.consult-state .badge[data-state=IN_PROGRESS]');
  expectText(await p.textContent('.attested'), 'dr.wang', 'attestation recorded');
  log('physician admitted and attested the guardian');
  await g.waitForSelector('.waiting-state .badge[data-state=IN_PROGRESS]', { timeout: 15000 });

  // ---- from the guardian's browser: a forged, an expired and a malformed room token are refused at the socket
  if (process.env.EXPIRED_ROOM_TOKEN) {
    const refused = await g.evaluate(async ({ expired, id }) => {
      const bearer = sessionStorage.getItem('pediconsult.token');
      const real = (await (await fetch(`/api/consultations/${id}/room-token`, { method: 'POST', headers: { Authorization: `Bearer ${bearer}` } })).json()).token;
      const [head, payload, sig] = real.split('.');
      const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
      claims.role = 'PHYSICIAN'; // she claims the physician's seat
      const forged = `${head}.${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.${sig}`;
      const attempt = (token) => new Promise((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/video/signal?room=${id}`);
        ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token }));
        ws.onmessage = (e) => { resolve({ message: e.data }); ws.close(); };
        ws.onclose = (e) => resolve({ code: e.code, reason: e.reason });
      });
      return { forged: await attempt(forged), expired: await attempt(expired), malformed: await attempt('not-a-room-token') };
    }, { expired: process.env.EXPIRED_ROOM_TOKEN, id: consultId });
    for (const [what, r, text] of [['forged', refused.forged, 'signature'], ['expired', refused.expired, 'expired'], ['malformed', refused.malformed, '']]) {
      if (r.code !== 1008 || !r.reason.includes(text)) throw new Error(`${what} room token: expected close 1008 (${text}), got ${JSON.stringify(r)}`);
      log(`${what} room token refused at the socket: ${r.code} "${r.reason}"`);
    }
  }

  const drToken = (await (await fetch(`${BASE}/api/auth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'dr.wang', password: 'pediconsult' }) })).json()).access_token;
  const consultState = async () => (await (await fetch(`${BASE}/api/consultations/${consultId}`, { headers: { Authorization: `Bearer ${drToken}` } })).json()).state;

  // ---- both open the call page (the probe starts sampling at the page load)
  await p.click(`a[href="#/call/${consultId}"]`);
  await p.waitForFunction(() => !!window.__pediconsultCall);
  await p.evaluate(installProbe);
  await g.click(`a[href="#/call/${consultId}"]`);
  await g.waitForFunction(() => !!window.__pediconsultCall);
  await g.evaluate(installProbe);
  log('both sides opened the call page');

  for (const [name, page, colour, test] of [['physician', p, 'blue (the guardian\'s)', isBlue], ['guardian', g, 'red (the physician\'s)', isRed]]) {
    await waitFor(`${name}: peer connection connected`, 20000, async () => {
      const s = await page.evaluate(pcState);
      return { ok: s?.connection === 'connected', ...s };
    });
    if (EXPECT_TYPE) {
      const sp = await waitFor(`${name}: selected candidate pair ${EXPECT_TYPE}/${EXPECT_TYPE}`, 10000, async () => {
        return expectedPair(page, page === p ? g : p);
      });
      log(`${name}: selected candidate pair ${sp.local}/${sp.remote}${sp.remoteSeenAs ? ` (remote seen as ${sp.remoteSeenAs})` : ''} (local ${sp.localProtocol}, relay protocol ${sp.localRelayProtocol ?? 'n/a'}), state ${sp.state}, nominated`);
    }
    const first = await waitFor(`${name}: frames decoded`, 15000, async () => {
      const pr = await page.evaluate(() => window.__callProbe.last || null);
      return { ok: pr && pr.framesDecoded > 0, ...pr };
    });
    await waitFor(`${name}: framesDecoded rising`, 10000, async () => {
      const pr = await page.evaluate(() => window.__callProbe.last || null);
      return { ok: pr && pr.framesDecoded >= first.framesDecoded + 10, ...pr };
    });
    await waitFor(`${name}: remote video playing`, 10000, async () => {
      const v = await page.evaluate(remoteVideo);
      return { ok: v && !v.paused && v.readyState >= 2 && v.currentTime > 0, ...v };
    });
    const px = await waitFor(`${name}: remote video shows ${colour} picture`, 10000, async () => {
      const v = await page.evaluate(remoteVideo);
      return { ok: test(v), ...v };
    });
    log(`${name}: remote video centre pixel rgb(${px.r},${px.g},${px.b}) = ${colour}, ${px.w}x${px.h}`);
    await waitFor(`${name}: 1280x720 frames`, 15000, async () => {
      const pr = await page.evaluate(() => ({ first720At: window.__callProbe.first720At, ...window.__callProbe.last }));
      return { ok: pr.first720At != null, ...pr };
    });
  }
  for (const [name, page] of [['physician', p], ['guardian', g]]) {
    const pr = await page.evaluate(() => { const x = window.__callProbe; return { connectedAt: x.connectedAt, firstFrameAt: x.firstFrameAt, first720At: x.first720At, last: x.last }; });
    const r = (n) => (n == null ? 'n/a' : `${Math.round(n)} ms`);
    log(`${name} timing after the call page load: connected ${r(pr.connectedAt)}, first decoded frame ${r(pr.firstFrameAt)},`
      + ` first 1280x720 frame ${r(pr.first720At)} (${r(pr.first720At - pr.connectedAt)} after connected);`
      + ` now ${pr.last.w}x${pr.last.h} @ ${pr.last.fps} fps, ${pr.last.framesDecoded} frames decoded`);
    if (pr.first720At - pr.connectedAt > 2000) log(`${name}: NOTE 720p later than 2 s after connected`);
  }
  await waitFor('physician: call status connected', 5000, async () => ({ ok: (await p.getAttribute('.call-status', 'data-call')) === 'connected' }));

  // ---- call quality: the guardian's reports reach the physician's page; each side shows its own
  const q = await waitFor('physician: the guardian\'s call quality shown', 15000, async () => {
    const x = await p.evaluate(() => { const d = document.querySelector('dl.quality dd[data-who=remote]'); return d && { ...d.dataset, text: d.textContent }; });
    return { ok: x && x.width === '1280' && x.height === '720' && Number(x.fps) > 0 && x.rating !== 'none', ...x };
  });
  log(`physician sees the guardian's quality: "${q.text}" (rating ${q.rating})`);
  for (const [name, page] of [['physician', p], ['guardian', g]]) {
    await waitFor(`${name}: own quality shown`, 10000, async () => {
      const x = await page.evaluate(() => document.querySelector('dl.quality dd[data-who=own]')?.dataset || null);
      return { ok: x && x.width === '1280' && x.rating !== 'none', ...x };
    });
  }
  await shot(p, 'physician-call');
  await shot(g, 'guardian-call');

  // ---- glare: a network change on both sides at once; each page restarts ICE and offers, and neither
  // sees the other's offer before making its own (their inbound signaling is held until both offers are
  // out), so the offers cross
  const [pNeg0, gNeg0] = [await p.evaluate(negotiationState), await g.evaluate(negotiationState)];
  await Promise.all([p.evaluate(holdSignaling), g.evaluate(holdSignaling)]);
  await Promise.all([p.evaluate(() => window.dispatchEvent(new Event('online'))), g.evaluate(() => window.dispatchEvent(new Event('online')))]);
  for (const [name, page] of [['physician', p], ['guardian', g]]) {
    await waitFor(`${name}: own ICE-restart offer out, the other's offer held`, 15000, async () => {
      const x = await page.evaluate(negotiationState);
      return { ok: x.signaling === 'have-local-offer' && x.held.includes('offer'), ...x };
    });
  }
  await Promise.all([p.evaluate(() => window.__heldSignaling.release()), g.evaluate(() => window.__heldSignaling.release())]);
  for (const [name, page, test] of [['physician', p, isBlue], ['guardian', g, isRed]]) {
    await waitFor(`${name}: negotiated again after the glare`, 20000, async () => {
      const x = await page.evaluate(negotiationState);
      return { ok: x.signaling === 'stable' && x.connection === 'connected', ...x };
    });
    const before = await page.evaluate(() => window.__callProbe.last);
    await waitFor(`${name}: framesDecoded rising after the glare`, 10000, async () => {
      const pr = await page.evaluate(() => window.__callProbe.last || null);
      return { ok: pr && pr.framesDecoded >= before.framesDecoded + 10, ...pr };
    });
    await waitFor(`${name}: the other side's picture after the glare`, 10000, async () => { const v = await page.evaluate(remoteVideo); return { ok: test(v), ...v }; });
  }
  const [pNeg, gNeg] = [await p.evaluate(negotiationState), await g.evaluate(negotiationState)];
  if (!(pNeg.ignoredOffers > pNeg0.ignoredOffers)) throw new Error(`the physician's page did not ignore the crossing offer: ${JSON.stringify([pNeg0, pNeg])}`);
  if (!(gNeg.rollbacks > gNeg0.rollbacks)) throw new Error(`the guardian's page did not roll her offer back: ${JSON.stringify([gNeg0, gNeg])}`);
  if (errors.length) throw new Error(`page errors during the glare:\n${errors.join('\n')}`);
  log(`glare: both offers crossed; physician ignored ${pNeg.ignoredOffers - pNeg0.ignoredOffers} offer(s), guardian rolled back`
    + ` ${gNeg.rollbacks - gNeg0.rollbacks} and answered; both stable and connected, video both ways`);

  // ---- the media path breaks (the TURN server goes away) and comes back: ICE restarts, no pause
  if (process.env.TURN_CONTROL === '1') {
    await p.evaluate(watchStatus);
    await g.evaluate(watchStatus);
    const restartsBefore = (await p.evaluate(() => window.__pediconsultCall.iceRestarts)) + (await g.evaluate(() => window.__pediconsultCall.iceRestarts));
    await control('turn-stop');
    for (const [name, page] of [['physician', p], ['guardian', g]]) {
      await waitFor(`${name}: reconnecting after the media path broke`, 30000, async () => {
        const st = await page.getAttribute('.call-status', 'data-call');
        return { ok: st === 'reconnecting', st, pc: await page.evaluate(pcState), seen: await page.evaluate(() => window.__seenStates) };
      });
    }
    log('TURN server stopped: both sides show reconnecting');
    await shot(g, 'guardian-reconnecting');
    const startedAt = Date.now();
    await control('turn-start');
    for (const [name, page, test] of [['physician', p, isBlue], ['guardian', g, isRed]]) {
      await waitFor(`${name}: connected again after ICE restart`, 40000, async () => {
        const st = await page.getAttribute('.call-status', 'data-call');
        const pc = await page.evaluate(pcState);
        return { ok: st === 'connected' && pc?.connection === 'connected', st, ...pc };
      });
      if (EXPECT_TYPE) {
        await waitFor(`${name}: selected candidate pair ${EXPECT_TYPE}/${EXPECT_TYPE} after the ICE restart`, 10000, async () => {
          return expectedPair(page, page === p ? g : p);
        });
      }
      const before = await page.evaluate(() => window.__callProbe.last);
      await waitFor(`${name}: framesDecoded rising after the ICE restart`, 10000, async () => {
        const pr = await page.evaluate(() => window.__callProbe.last || null);
        return { ok: pr && pr.framesDecoded >= before.framesDecoded + 10, ...pr };
      });
      await waitFor(`${name}: the other side's picture after the ICE restart`, 10000, async () => { const v = await page.evaluate(remoteVideo); return { ok: test(v), ...v }; });
    }
    const restarts = (await p.evaluate(() => window.__pediconsultCall.iceRestarts)) + (await g.evaluate(() => window.__pediconsultCall.iceRestarts)) - restartsBefore;
    if (!(restarts > 0)) throw new Error(`the pages restarted ICE ${restarts} times while the TURN server was away`);
    const seen = await p.evaluate(() => window.__seenStates);
    if (seen.includes('paused') || seen.includes('closed')) throw new Error(`the consultation paused or closed during the ICE restart: ${seen}`);
    const st = await consultState();
    if (st !== 'IN_PROGRESS') throw new Error(`consultation ${st} after the ICE restart`);
    log(`TURN server back: both connected again ${Date.now() - startedAt} ms after it restarted, ${restarts} ICE restart(s) by the two pages,`
      + ` physician's status went ${seen.join(' -> ')}, consultation still IN_PROGRESS`);
    await shot(p, 'physician-after-ice-restart');
  }

  // ---- the guardian's signaling socket drops (a network change): her page reopens it with a fresh room
  // token, the physician restarts ICE on the same peer connection, the consultation does not pause
  await p.evaluate(watchStatus);
  const framesBefore = await p.evaluate(() => window.__callProbe.last.framesDecoded);
  const joinsBefore = await p.evaluate(() => window.__pediconsultCall.peerJoins);
  await g.evaluate(() => { window.__droppedWs = window.__pediconsultCall.ws; window.__droppedWs.close(4000, 'network change'); });
  await waitFor('guardian: a new signaling socket, call connected', 15000, async () => {
    const x = await g.evaluate(() => ({ fresh: window.__pediconsultCall.ws !== window.__droppedWs, open: window.__pediconsultCall.ws?.readyState === 1,
      st: document.querySelector('.call-status').dataset.call, pc: window.__pediconsultCall.pc.connectionState }));
    return { ok: x.fresh && x.open && x.st === 'connected' && x.pc === 'connected', ...x };
  });
  await waitFor('physician: frames still rising after the guardian\'s new socket', 10000, async () => {
    const pr = await p.evaluate(() => window.__callProbe.last);
    return { ok: pr.framesDecoded >= framesBefore + 30, ...pr };
  });
  // the physician's page heard her come back, which cancels the pause it would show 3 s after her old
  // socket closed: from then on it cannot show one for this drop
  await waitFor('physician: the guardian is back, no pause pending', 15000, async () => {
    const x = await p.evaluate(() => ({ joins: window.__pediconsultCall.peerJoins, pending: window.__pediconsultCall.pausePending }));
    return { ok: x.joins > joinsBefore && !x.pending, ...x };
  });
  const seenAfterDrop = await p.evaluate(() => window.__seenStates);
  if (seenAfterDrop.includes('paused')) throw new Error(`the physician saw a pause for a reopened socket: ${seenAfterDrop}`);
  const stAfterDrop = await consultState();
  if (stAfterDrop !== 'IN_PROGRESS') throw new Error(`consultation ${stAfterDrop} after the guardian's socket was reopened`);
  log(`guardian's signaling socket dropped and reopened: physician's status ${seenAfterDrop.join(' -> ')}, frames still rising, consultation IN_PROGRESS`);

  // ---- the guardian closes the tab: the consultation pauses; she comes back: it resumes
  await g.close();
  g = null;
  await waitFor('physician: call status paused', 10000, async () => ({ ok: (await p.getAttribute('.call-status', 'data-call')) === 'paused', text: await p.textContent('.call-status') }));
  await waitFor('consultation PAUSED', 10000, async () => { const st = await consultState(); return { ok: st === 'PAUSED', st }; });
  log(`guardian closed the tab: physician sees "${await p.textContent('.call-status')}", consultation PAUSED`);
  await shot(p, 'physician-paused');

  // she comes back on her phone, whose camera only manages 2 frames per second; the physician's page
  // makes a new peer connection and offers, and an ICE restart comes while that first offer waits for
  // its answer (held here): it must leave the offer alone. Withdrawing it renumbers the m-lines, so her
  // page, which has applied it, refuses the next offer, and the call never connects again (CI, twice:
  // the restart was the timer of the replaced peer connection, whose media path the guardian took away).
  await p.evaluate(holdSignaling, 'answer'); // the answer to the physician's new first offer, and what follows
  guardianPhone = await launch(process.env.Y4M_GUARDIAN_SLOW || process.env.Y4M_GUARDIAN);
  const phone = await guardianPhone.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await phone.addInitScript(() => localStorage.setItem('pediconsult.lang', 'en'));
  g = await phone.newPage();
  g.on('pageerror', (e) => errors.push(`guardian page error: ${e.message}`));
  await g.goto(`${BASE}/consult/`);
  await g.getByLabel('User name').fill('guardian.tang');
  await g.getByLabel('Password').fill('pediconsult');
  await g.getByRole('button', { name: 'Log in' }).click();
  await g.waitForSelector('section.child');
  await g.goto(`${BASE}/consult/#/call/${consultId}`);
  await g.waitForFunction(() => !!window.__pediconsultCall);
  await g.evaluate(installProbe);
  await waitFor('physician: the answer to its new peer connection\'s first offer arrived (held)', 20000, async () => {
    const st = await p.evaluate(negotiationState);
    return { ok: st.held?.[0] === 'answer' && st.signaling === 'have-local-offer', ...st };
  });
  await p.evaluate(() => window.dispatchEvent(new Event('online'))); // a network change: restart ICE
  await p.waitForTimeout(1500); // time for a restart to withdraw the offer and make another, were it to
  const rejoinNeg = await p.evaluate(negotiationState);
  if (rejoinNeg.signaling !== 'have-local-offer' || rejoinNeg.offersSent !== 1) {
    throw new Error(`an ICE restart touched the first offer of the physician's new peer connection: ${JSON.stringify(rejoinNeg)}`);
  }
  await p.evaluate(() => window.__heldSignaling.release());
  log(`rejoin: an ICE restart on the physician's page while its new peer connection's first offer waited for its answer left that offer alone (${rejoinNeg.offersSent} offer sent), and the answer then applied`);
  await waitFor('physician: call status resumed', 15000, async () => ({ ok: (await p.getAttribute('.call-status', 'data-call')) === 'resumed', text: await p.textContent('.call-status') }));
  await waitFor('consultation IN_PROGRESS again', 10000, async () => { const st = await consultState(); return { ok: st === 'IN_PROGRESS', st }; });
  for (const [name, page, test] of [['physician', p, isBlue], ['guardian', g, isRed]]) {
    await waitFor(`${name}: connected after the rejoin`, 20000, async () => { const st = await page.evaluate(pcState); return { ok: st?.connection === 'connected', ...st }; });
    if (EXPECT_TYPE) {
      await waitFor(`${name}: selected candidate pair ${EXPECT_TYPE}/${EXPECT_TYPE} after the rejoin`, 10000, async () => {
        return expectedPair(page, page === p ? g : p);
      });
    }
    await waitFor(`${name}: frames after the rejoin`, 15000, async () => {
      const pr = await page.evaluate(() => window.__callProbe.last || null);
      return { ok: pr && pr.framesDecoded > 0, ...pr };
    });
    // both peer connections are new after the rejoin (their counters start at 0); the guardian's phone
    // sends 2 frames per second and falls back to audio only after a while, so a few frames are enough
    await waitFor(`${name}: frames decoded after the rejoin`, 10000, async () => {
      const pr = await page.evaluate(() => window.__callProbe.last || null);
      return { ok: pr && pr.framesDecoded >= 4, ...pr };
    });
    await waitFor(`${name}: the other side's picture after the rejoin`, 10000, async () => { const v = await page.evaluate(remoteVideo); return { ok: test(v), ...v }; });
  }
  log(`guardian rejoined: physician sees "${await p.textContent('.call-status')}", consultation IN_PROGRESS, video both ways again`);
  await shot(p, 'physician-resumed');
  await shot(g, 'guardian-rejoined');

  // ---- the phone's video cannot be sustained (2 fps): audio only, the physician is told, audio goes on
  const note = () => { const n = document.querySelector('.media-note'); return { media: n?.dataset.media, hidden: n?.hidden, text: n?.textContent, videoOff: window.__pediconsultCall.videoOff, remoteVideoOff: window.__pediconsultCall.remoteVideoOff }; };
  const fb = await waitFor('guardian: audio only (video not sustained)', 45000, async () => {
    const x = await g.evaluate(note);
    return { ok: x.videoOff === 'poor-connection' && x.media === 'audio-only' && !x.hidden, ...x };
  });
  log(`guardian's page fell back to audio only: "${fb.text}"`);
  const told = await waitFor('physician: told the guardian is audio only', 10000, async () => {
    const x = await p.evaluate(note);
    return { ok: x.remoteVideoOff === 'poor-connection' && x.media === 'remote-audio-only' && !x.hidden, ...x };
  });
  log(`physician's page: "${told.text}"`);
  // while 100 audio packets (2 s at 50 per second) arrive on each side, no video leaves her page
  const [g1, p1] = [await g.evaluate(mediaCounters), await p.evaluate(mediaCounters)];
  const flowed = await waitFor('audio both ways while the guardian is on audio only', 20000, async () => {
    const [g2, p2] = [await g.evaluate(mediaCounters), await p.evaluate(mediaCounters)];
    return { ok: p2.audioPacketsReceived >= p1.audioPacketsReceived + 100 && g2.audioPacketsReceived >= g1.audioPacketsReceived + 100, g2, p2 };
  });
  const { g2, p2: p2c } = flowed;
  if (g2.videoBytesSent - g1.videoBytesSent > 2000) throw new Error(`the guardian still sends video: ${JSON.stringify([g1, g2])}`);
  log(`audio only: guardian sent ${g2.videoBytesSent - g1.videoBytesSent} video bytes while audio packets arrived: physician ${p2c.audioPacketsReceived - p1.audioPacketsReceived}, guardian ${g2.audioPacketsReceived - g1.audioPacketsReceived}; consultation ${await consultState()}`);
  await shot(g, 'guardian-audio-only');
  await shot(p, 'physician-guardian-audio-only');
  // she tries video again: it flows again and the physician's notice goes away
  await g.click('button.video-toggle');
  await waitFor('physician: the guardian\'s video is back', 10000, async () => { const x = await p.evaluate(note); return { ok: x.remoteVideoOff === null && x.hidden, ...x }; });
  const g3 = await g.evaluate(mediaCounters);
  await waitFor('guardian: video sent again', 10000, async () => { const x = await g.evaluate(mediaCounters); return { ok: x.videoBytesSent > g3.videoBytesSent + 1000, ...x }; });
  log('the guardian tried video again: video flows, the physician\'s notice is gone');

  // ---- end and refer from the physician's consultation view (a second tab): both calls close, the guardian sees the referral
  const p2 = await pctx.newPage();
  p2.on('pageerror', (e) => errors.push(`physician page error: ${e.message}`));
  await p2.goto(`${BASE}/consult/`);
  await p2.getByLabel('User name').fill('dr.wang');
  await p2.getByLabel('Password').fill('pediconsult');
  await p2.getByRole('button', { name: 'Log in' }).click();
  await p2.waitForSelector('table.queue');
  await p2.goto(`${BASE}/consult/#/pconsult/${consultId}`);
  await p2.waitForSelector('form.refer');
  await p2.fill('form.refer textarea[name=reason]', 'Extensive rash: needs an in-person dermatology examination');
  await p2.fill('form.refer input[name=facility]', 'Children\'s Hospital Dermatology Clinic');
  await p2.click('form.refer button[type=submit]');
  await p2.waitForSelector('.consult-state .badge[data-state=REFERRED]');
  log('physician ended and referred');
  for (const [name, page] of [['guardian', g], ['physician', p]]) {
    await waitFor(`${name}: call closed (referred)`, 10000, async () => {
      const st = await page.getAttribute('.call-status', 'data-call');
      const text = await page.textContent('.call-status');
      const pc = await page.evaluate(pcState);
      return { ok: st === 'closed' && text.includes('referred') && pc.connection === 'closed', st, text, pc };
    });
  }
  await shot(g, 'guardian-call-closed');
  await g.click('.call-outcome a');
  await g.waitForSelector('.badge.state');
  expectText(await g.textContent('main'), 'Children\'s Hospital Dermatology Clinic', 'the guardian sees the referral facility');
  expectText(await g.textContent('main'), 'Extensive rash', 'the guardian sees the referral reason');
  log('the guardian\'s call closed and she sees the referral');
  await shot(g, 'guardian-referral');

  if (errors.length) throw new Error(`browser page errors:\n${errors.join('\n')}`);
  log('PASS');
} catch (e) {
  console.error(`[call-test] FAIL: ${e.stack || e}`);
  if (errors.length) console.error(errors.join('\n'));
  for (const [name, page] of [['physician', p], ['guardian', g]]) {
    try { if (page) await shot(page, `${name}-failure`); } catch (x) { /* closed */ }
  }
  process.exitCode = 1;
} finally {
  await physicianBrowser.close();
  await guardianBrowser.close();
  await guardianPhone?.close();
  stdinLines?.close();
}
