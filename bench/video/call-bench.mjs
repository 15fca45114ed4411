// Benchmark (not a test): video call setup in two chromium processes (physician and guardian), run by
// bench/video.sh against a running distribution. Per run: a new consultation of dr.wang set up by REST
// (slot, growth-development assessment triaged REMOTE_OK, booking, waiting room, admission with
// attestation), then both browsers open /consult/#/call/<id> at the same moment, logged in through the
// UI's own session storage (api.js: sessionStorage 'pediconsult.token'). A probe installed before the
// page's scripts (addInitScript) times, from the call page's navigation start (performance.now()):
// getUserMedia, the peer connection's creation and 'connected' (event listener on each new
// RTCPeerConnection of window.__pediconsultCall.pc), the first decoded remote frame and the first
// 1280x720 one (inbound-rtp video stats polled every 50 ms), and samples resolution and frame rate at
// 1 s, 2 s, ... after the load, with this side's sender (frames captured and encoded, bitrate sent, the
// encoder's target, the bandwidth estimate, qualityLimitationReason) to explain a low frame rate. The
// physician then completes the consultation by REST; the time until both pages show "closed" is
// reported (30 s at most), then the browsers are closed.
//
// Env: BASE_URL (http://localhost:8181), RUNS (5), SAMPLE_SECONDS (5), PICTURE (moving|solid), WORK (dir for
// the y4m files), CHROMIUM (/usr/bin/chromium), MODE (a label: direct|relay), EXPECT_CANDIDATE_TYPE
// (optional, e.g. relay: every run's selected candidate pair must be of that type on both sides).
import { createRequire } from 'node:module';
import { openSync, writeSync, closeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { selectedPair } from '../../integration-tests/ui/page-probes.mjs';

// playwright-core from integration-tests/ui (npm ci there): no browser download, Debian's chromium
const require = createRequire(new URL('../../integration-tests/ui/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL || 'http://localhost:8181';
const RUNS = Number(process.env.RUNS || 5);
const SECONDS = Number(process.env.SAMPLE_SECONDS || 5);
const PICTURE = process.env.PICTURE || 'moving';
const WORK = process.env.WORK || '/tmp';
const MODE = process.env.MODE || 'direct';
const EXPECT_TYPE = process.env.EXPECT_CANDIDATE_TYPE || '';
const log = (m) => console.log(m);

// ---- fake camera pictures: 1280x720 YUV4MPEG2 at 30 fps, which chromium's fake camera loops.
// solid: 3 frames of one colour (as ConsultUiIT's writeY4m; almost nothing to encode).
// moving: 30 frames (1 s loop) of a scrolling diagonal gradient, a moving checkerboard box and mild
// noise (+-3 in luma), so the encoder has real work and bits to spend, as with a camera.
function writeY4m(file, luma, u, v, moving) {
  const w = 1280, h = 720, frames = moving ? 30 : 3;
  const fd = openSync(file, 'w');
  writeSync(fd, `YUV4MPEG2 W${w} H${h} F30:1 Ip A1:1 C420jpeg\n`);
  const y = new Uint8Array(w * h), cb = new Uint8Array(w * h / 4).fill(u), cr = new Uint8Array(w * h / 4).fill(v);
  let seed = 12345;
  for (let f = 0; f < frames; f++) {
    if (moving) {
      const bx = 100 + f * 30, by = 200 + Math.round(120 * Math.sin((f / frames) * 2 * Math.PI));
      for (let r = 0; r < h; r++) {
        for (let c = 0; c < w; c++) {
          seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
          let l = 40 + ((c + r + f * 16) & 255) * 0.6;
          if (c >= bx && c < bx + 240 && r >= by && r < by + 240) l = (((c - bx) >> 5) + ((r - by) >> 5)) & 1 ? 220 : 30;
          l += (seed & 7) - 3;
          y[r * w + c] = l < 16 ? 16 : l > 235 ? 235 : l;
        }
      }
    } else {
      y.fill(luma);
    }
    writeSync(fd, 'FRAME\n'); writeSync(fd, y); writeSync(fd, cb); writeSync(fd, cr);
  }
  closeSync(fd);
  return file;
}
const y4mPhysician = join(WORK, `physician-${PICTURE}.y4m`);
const y4mGuardian = join(WORK, `guardian-${PICTURE}.y4m`);
if (!existsSync(y4mPhysician)) writeY4m(y4mPhysician, 81, 90, 240, PICTURE === 'moving'); // reddish
if (!existsSync(y4mGuardian)) writeY4m(y4mGuardian, 41, 240, 110, PICTURE === 'moving'); // bluish

// ---- REST
async function rest(method, path, token, body) {
  const r = await fetch(`${BASE}/api${path}`, {
    method, headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
const token = async (username) => (await rest('POST', '/auth/token', null, { username, password: 'pediconsult' })).access_token;

// A new consultation of dr.wang, IN_PROGRESS (guardian admitted, presence attested), as fast as REST allows.
async function consultInProgress(run, t) {
  const startsAt = new Date(Math.floor(Date.now() / 3600000) * 3600000 + (20 + run) * 86400000).toISOString();
  const [slot] = await rest('POST', `/physicians/${t.doctorId}/slots`, t.A, [{ startsAt, minutes: 30 }]);
  const today = new Date();
  const day = (d) => new Date(today.getTime() - d * 86400000).toISOString().slice(0, 10);
  const c = await rest('POST', '/assessments', t.G, { childId: t.childId, specialtyId: 'growth-development', answers: {
    developmentalRegression: false,
    measurements: [{ date: day(365), weightKg: 14.5, lengthHeightCm: 96 }, { date: day(10), weightKg: 16.2, lengthHeightCm: 103 }] } });
  const level = c.triage?.level ?? c.triage?.outcome ?? JSON.stringify(c.triage);
  if (c.state !== 'ASSESSED') throw new Error(`assessment: state ${c.state}, triage ${level}`);
  await rest('POST', `/consultations/${c.id}/booking`, t.G, { slotId: slot.id });
  await rest('POST', `/consultations/${c.id}/waiting-room`, t.G);
  const admitted = await rest('POST', `/consultations/${c.id}/admission`, t.D);
  if (admitted.state !== 'IN_PROGRESS') throw new Error(`admission: ${admitted.state}`);
  return { id: c.id, level };
}

// ---- in the page, before its scripts: the session (as api.js keeps it) and the probe
function initScript(cfg) {
  if (location.origin !== cfg.origin) return;
  sessionStorage.setItem('pediconsult.token', cfg.token);
  if (!location.hash.startsWith('#/call/') || window.__bench) return;
  const B = { marks: {}, states: [], samples: [], pcs: 0 };
  window.__bench = B;
  const md = navigator.mediaDevices;
  const gum = md.getUserMedia.bind(md);
  md.getUserMedia = async (c) => {
    B.marks.gumStart ??= performance.now();
    const s = await gum(c);
    B.marks.gumEnd ??= performance.now();
    return s;
  };
  let seen = null, busy = false;
  setInterval(async () => {
    const call = window.__pediconsultCall;
    if (call && B.marks.callPage == null) B.marks.callPage = performance.now();
    const pc = call?.pc;
    if (!pc || busy) return;
    if (pc !== seen) {
      seen = pc; B.pcs += 1;
      B.marks.pcSeen ??= performance.now();
      pc.addEventListener('connectionstatechange', () => {
        const now = performance.now();
        B.states.push([Math.round(now), pc.connectionState]);
        if (pc.connectionState === 'connected') B.marks.connected ??= now;
      });
      if (pc.connectionState === 'connected') B.marks.connected ??= performance.now();
    }
    busy = true;
    try {
      const stats = await pc.getStats();
      const now = performance.now();
      let inb = null, out = null, src = null, pair = null;
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') inb = s;
        if (s.type === 'outbound-rtp' && s.kind === 'video') out = s;
        if (s.type === 'media-source' && s.kind === 'video') src = s;
        if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId);
      });
      if (inb) {
        const x = { t: now, fd: inb.framesDecoded || 0, w: inb.frameWidth || 0, h: inb.frameHeight || 0, fps: inb.framesPerSecond || 0,
          // this side's sender: frames captured (fake camera), encoded, bytes sent, the encoder's target and
          // the bandwidth estimate, and why its quality is limited (cpu, bandwidth, none)
          fc: src?.frames || 0, fe: out?.framesEncoded || 0, bs: out?.bytesSent || 0, tb: out?.targetBitrate || 0,
          bwe: pair?.availableOutgoingBitrate || 0, lim: out?.qualityLimitationReason || '' };
        B.samples.push(x);
        if (x.fd > 0 && B.marks.firstFrame == null) B.marks.firstFrame = now;
        // the frame size may show up a poll after framesDecoded: the first frame's size is the first one reported
        if (x.fd > 0 && x.w > 0 && B.firstFrameRes == null) B.firstFrameRes = `${x.w}x${x.h}`;
        if (x.w === 1280 && x.h === 720) B.marks.first720 ??= now;
        if (inb.codecId && !B.codec) B.codec = stats.get(inb.codecId)?.mimeType;
        if (out?.encoderImplementation) B.encoder = out.encoderImplementation;
      }
    } finally { busy = false; }
  }, 50);
}

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];
const launch = (y4m) => chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: [...FLAGS, `--use-file-for-fake-video-capture=${y4m}`] });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Per second k (1..SECONDS): the last sample at or before k s: resolution, chromium's framesPerSecond,
// and frames decoded during (k-1, k] s.
// Also this side's sender: frames encoded in (k-1, k] s and its quality limitation reason at k s.
function perSecond(samples) {
  const at = (ms) => samples.filter((s) => s.t <= ms).pop() || { t: 0, fd: 0, w: 0, h: 0, fps: 0, fc: 0, fe: 0, bs: 0, tb: 0, bwe: 0, lim: '' };
  const out = [];
  for (let k = 1; k <= SECONDS; k++) {
    const s = at(k * 1000), prev = at((k - 1) * 1000);
    out.push({ w: s.w, h: s.h, fps: s.fps, decoded: s.fd - prev.fd, captured: s.fc - prev.fc, encoded: s.fe - prev.fe,
      kbps: s.t > prev.t ? Math.round(((s.bs - prev.bs) * 8) / (s.t - prev.t)) : 0, target: Math.round(s.tb / 1000), bwe: Math.round(s.bwe / 1000), lim: s.lim });
  }
  return out;
}

async function run(i, t) {
  const s0 = Date.now();
  const { id, level } = await consultInProgress(i, t);
  const setupMs = Date.now() - s0;
  const [pb, gb] = await Promise.all([launch(y4mPhysician), launch(y4mGuardian)]);
  const errors = [];
  try {
    const sides = [['physician', pb, t.D, { width: 1366, height: 900 }], ['guardian', gb, t.G, { width: 390, height: 844 }]];
    const pages = await Promise.all(sides.map(async ([name, browser, tok, viewport]) => {
      const ctx = await browser.newContext({ viewport, locale: 'en-GB' });
      await ctx.addInitScript(initScript, { origin: new URL(BASE).origin, token: tok });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
      // the signaling messages received (types only), to explain a call that did not close
      page.wsTypes = [];
      page.on('websocket', (ws) => {
        ws.on('framereceived', (f) => { try { page.wsTypes.push(JSON.parse(f.payload).type); } catch (e) { page.wsTypes.push('?'); } });
        ws.on('close', () => page.wsTypes.push('(socket closed)'));
      });
      return page;
    }));
    // both go to the call page at the same moment; each side's clock starts at its own navigation start
    await Promise.all(pages.map((p) => p.goto(`${BASE}/consult/#/call/${id}`, { waitUntil: 'commit' })));
    const until = Date.now() + SECONDS * 1000 + 20000;
    for (const p of pages) {
      await p.waitForFunction((ms) => window.__bench && performance.now() > ms, SECONDS * 1000 + 100, { timeout: Math.max(1000, until - Date.now()), polling: 100 });
    }
    const res = {};
    for (const [k, p] of pages.entries()) {
      const name = sides[k][0];
      const b = await p.evaluate(() => ({ marks: window.__bench.marks, states: window.__bench.states, samples: window.__bench.samples,
        pcs: window.__bench.pcs, firstFrameRes: window.__bench.firstFrameRes, codec: window.__bench.codec, encoder: window.__bench.encoder,
        dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd, origin: performance.timeOrigin }));
      const pair = await p.evaluate(selectedPair);
      const inWindow = b.samples.filter((s) => s.t <= SECONDS * 1000 && s.fd > 0 && s.w > 0);
      const minRes = inWindow.reduce((m, s) => (s.w * s.h < m.w * m.h ? s : m), { w: 1e9, h: 1e9 });
      res[name] = { ...b.marks, dcl: b.dcl, origin: b.origin, pcs: b.pcs, firstFrameRes: b.firstFrameRes, states: b.states, pair,
        codec: b.codec, encoder: b.encoder,
        minRes: inWindow.length ? `${minRes.w}x${minRes.h}` : 'none', perSecond: perSecond(b.samples) };
      if (EXPECT_TYPE && (pair?.local !== EXPECT_TYPE || pair?.remote !== EXPECT_TYPE)) {
        throw new Error(`${name}: selected candidate pair ${pair?.local}/${pair?.remote}, expected ${EXPECT_TYPE}/${EXPECT_TYPE}`);
      }
    }
    // tidy end: the physician completes the consultation; the room closes and both pages show it
    await rest('POST', `/consultations/${id}/completion`, t.D, { diagnosis: 'Benchmark call', plan: 'None' });
    const completed = Date.now();
    const closedAfter = {};
    await Promise.all(pages.map(async (p, k) => {
      try {
        await p.waitForSelector('.call-status[data-call=closed]', { timeout: 30000 });
        closedAfter[sides[k][0]] = Date.now() - completed;
      } catch (e) {
        const st = await p.evaluate(() => { const x = document.querySelector('.call-status'); return `"${x?.textContent}" (data-call ${x?.dataset.call})`; });
        const state = (await rest('GET', `/consultations/${id}`, t.D)).state;
        errors.push(`${sides[k][0]}: call page did not show closed within 30 s of the completion (consultation ${state}): status ${st};`
          + ` signaling received: ${p.wsTypes.filter((x) => x !== 'pong').join(' ')}`);
      }
    }));
    return { id, level, setupMs, closedAfter, skew: res.guardian.origin - res.physician.origin, ...res, errors };
  } finally {
    await Promise.all([pb.close(), gb.close()]);
  }
}

const median = (xs) => {
  const v = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const ms = (x) => (x == null ? 'n/a' : `${Math.round(x)}`);
const res = (s) => (s.w ? `${s.w}x${s.h}` : '-');

const t = {};
[t.G, t.D, t.A] = await Promise.all([token('guardian.tang'), token('dr.wang'), token('admin')]);
t.childId = (await rest('GET', '/children', t.G))[0].id;
t.doctorId = (await rest('GET', '/physicians', t.A)).find((p) => p.username === 'dr.wang').id;

log(`video call bench: ${RUNS} runs, mode ${MODE}${EXPECT_TYPE ? ` (selected pair must be ${EXPECT_TYPE}/${EXPECT_TYPE})` : ''}, picture ${PICTURE}, ${SECONDS} s sampled, ${BASE}`);
log('times in ms from the call page\'s navigation start; per second k: received resolution @ chromium framesPerSecond (frames decoded in (k-1, k] s);'
  + ' sent: frames this side captured/encoded in (k-1, k] s, kbit/s sent in (k-1, k] s / encoder target / bandwidth estimate at k s,'
  + ' and the sender\'s qualityLimitationReason when not none');
const results = [];
let failed = 0;
for (let i = 1; i <= RUNS; i++) {
  try {
    const r = await run(i, t);
    results.push(r);
    for (const side of ['physician', 'guardian']) {
      const x = r[side];
      log(`run ${i} ${side.padEnd(9)} consult ${r.id.slice(0, 8)} (REST setup ${r.setupMs} ms): DOMContentLoaded ${ms(x.dcl)}, getUserMedia ${ms(x.gumStart)}-${ms(x.gumEnd)},`
        + ` pc ${ms(x.pcSeen)}, connected ${ms(x.connected)}, first frame ${ms(x.firstFrame)} (${x.firstFrameRes ?? 'n/a'}), first 720p ${ms(x.first720)};`
        + ` pair ${x.pair ? `${x.pair.local}/${x.pair.remote} ${x.pair.localProtocol}` : 'n/a'}; peer connections ${x.pcs}; smallest decoded ${x.minRes};`
        + ` receives ${x.codec ?? 'n/a'}, encodes with ${x.encoder ?? 'n/a'}`);
      log(`      ${side.padEnd(9)} received: ${x.perSecond.map((s, k) => `${k + 1}s ${res(s)} @ ${s.fps} (${s.decoded})`).join(', ')}`);
      log(`      ${side.padEnd(9)} sent:     ${x.perSecond.map((s, k) => `${k + 1}s ${s.captured}/${s.encoded} ${s.kbps}/${s.target}/${s.bwe}${s.lim && s.lim !== 'none' ? ` (limited: ${s.lim})` : ''}`).join(', ')}`);
    }
    log(`      guardian's navigation started ${ms(r.skew)} ms after the physician's; after the completion the call pages showed closed in`
      + ` ${ms(r.closedAfter.physician)} ms (physician), ${ms(r.closedAfter.guardian)} ms (guardian)`);
    for (const e of r.errors) log(`run ${i} NOTE ${e}`);
  } catch (e) {
    failed += 1;
    log(`run ${i} FAILED: ${e.stack || e}`);
  }
}

log(`\nmedians of ${results.length} runs (mode ${MODE}, picture ${PICTURE}):`);
const verdict = [];
for (const side of ['physician', 'guardian']) {
  const xs = results.map((r) => r[side]);
  const conn = median(xs.map((x) => x.connected)), ff = median(xs.map((x) => x.firstFrame)), f720 = median(xs.map((x) => x.first720));
  log(`${side.padEnd(9)} connected ${ms(conn)} ms (${xs.map((x) => ms(x.connected)).join(', ')}), first frame ${ms(ff)} ms (${xs.map((x) => ms(x.firstFrame)).join(', ')}),`
    + ` first 720p ${ms(f720)} ms (${xs.map((x) => ms(x.first720)).join(', ')})`);
  const per = [];
  for (let k = 0; k < SECONDS; k++) {
    const ps = xs.map((x) => x.perSecond[k]).sort((a, b) => a.w * a.h - b.w * b.h);
    const mid = ps.length ? ps[(ps.length - 1) >> 1] : { w: 0, h: 0 };
    per.push(`${k + 1}s ${res(mid)} @ ${median(xs.map((x) => x.perSecond[k].fps)) ?? 0} fps (${median(xs.map((x) => x.perSecond[k].decoded)) ?? 0} decoded)`);
  }
  log(`${' '.repeat(9)} ${per.join(', ')}`);
  const limited = xs.map((x, k) => [k + 1, [...new Set(x.perSecond.map((p) => p.lim).filter((l) => l && l !== 'none'))]]).filter(([, l]) => l.length);
  log(`${' '.repeat(9)} its sender quality-limited in ${limited.length ? limited.map(([k, l]) => `run ${k} (${l.join(', ')})`).join(', ') : 'no run'}`);
  const all720 = xs.every((x) => x.firstFrameRes === '1280x720' && x.minRes === '1280x720');
  verdict.push(`${side}: connected <= 1500 ms ${conn != null && conn <= 1500 ? 'MET' : 'NOT MET'} (median ${ms(conn)});`
    + ` 720p from the first frame in every run ${all720 ? 'MET' : 'NOT MET'} (first frames ${xs.map((x) => x.firstFrameRes ?? 'n/a').join(', ')});`
    + ` 1280x720 at 1 s after the load ${xs.every((x) => x.perSecond[0].w === 1280 && x.perSecond[0].h === 720) ? 'MET' : 'NOT MET'}`);
}
log('targets:');
for (const v of verdict) log(`  ${v}`);
if (failed) log(`${failed} run(s) failed`);
process.exitCode = failed ? 1 : 0;
