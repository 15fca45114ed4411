// node --test: the call-quality functions of the call page (ui/js/quality.js), loaded as an ES module
// from its source (a data: URL, so no package.json or loader flags are needed on Node 18+).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const src = readFileSync(new URL('../../main/resources/ui/js/quality.js', import.meta.url), 'utf8');
const { readStats, sample, rate, fallbackPolicy } = await import(`data:text/javascript;base64,${Buffer.from(src).toString('base64')}`);

// a getStats() report as Chrome shapes it (a Map of id -> stats)
const report = (o = {}) => new Map(Object.entries({
  T1: { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP2' },
  CP1: { id: 'CP1', type: 'candidate-pair', state: 'failed', nominated: false, currentRoundTripTime: 9 },
  CP2: { id: 'CP2', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.042,
    availableOutgoingBitrate: o.available ?? 2500000 },
  OV: { id: 'OV', type: 'outbound-rtp', kind: 'video', bytesSent: o.bytes ?? 1000000, framesSent: 300, frameWidth: 1280,
    frameHeight: 720, framesPerSecond: o.fps ?? 30, qualityLimitationReason: 'none' },
  OA: { id: 'OA', type: 'outbound-rtp', kind: 'audio', bytesSent: 50000 },
  RI: { id: 'RI', type: 'remote-inbound-rtp', kind: 'video', fractionLost: o.lost ?? 0.01 },
  IV: { id: 'IV', type: 'inbound-rtp', kind: 'video', framesDecoded: 290, frameWidth: 1280, frameHeight: 720, framesPerSecond: 29,
    packetsReceived: o.videoIn ?? 5000 },
  IA: { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsReceived: o.audioIn ?? 777 },
}));

test('readStats takes the selected pair of the transport, the video sent and received', () => {
  const s = readStats(report());
  assert.equal(s.rttMs, 42, 'the selected pair, not the failed one');
  assert.equal(s.availableOutgoingKbps, 2500);
  assert.deepEqual([s.out.width, s.out.height, s.out.fps], [1280, 720, 30]);
  assert.equal(s.outLoss, 0.01);
  assert.equal(s.in.framesDecoded, 290);
  assert.equal(s.audioPacketsReceived, 777);
});

test('readStats of an empty report (not connected yet) has no video and no pair', () => {
  const s = readStats(new Map());
  assert.equal(s.out, null);
  assert.equal(s.in, null);
  assert.equal(s.rttMs, null);
  assert.equal(s.availableOutgoingKbps, null);
});

test('sample: bitrate from the bytes sent since the previous report', () => {
  const a = readStats(report({ bytes: 1000000 }));
  const b = readStats(report({ bytes: 1375000 }));
  const s = sample(b, a, 4000, 1000); // 375,000 bytes in 3 s = 1,000 kbit/s
  assert.equal(s.bitrateKbps, 1000);
  assert.equal(s.packetLossPct, 1);
  assert.equal(s.rttMs, 42);
  assert.deepEqual([s.width, s.height, s.frameRate], [1280, 720, 30]);
  assert.equal(sample(b, null, 4000, null).bitrateKbps, null, 'the first sample has no bitrate yet');
});

test('sample: packets from the other side since the previous report, 0 when the media path is down', () => {
  const a = readStats(report({ audioIn: 700, videoIn: 5000 }));
  assert.equal(sample(readStats(report({ audioIn: 850, videoIn: 5400 })), a, 4000, 1000).inboundPackets, 550);
  assert.equal(sample(readStats(report({ audioIn: 850, videoIn: 5000 })), a, 4000, 1000).inboundPackets, 150,
    'audio alone (the other side is audio only) still counts');
  assert.equal(sample(readStats(report({ audioIn: 700, videoIn: 5000 })), a, 4000, 1000).inboundPackets, 0);
  assert.equal(sample(a, null, 4000, null).inboundPackets, null, 'unknown on the first sample');
});

test('rate: 720p fluid is good, low frame rate or heavy loss is poor, the rest fair', () => {
  const good = { width: 1280, height: 720, frameRate: 30, packetLossPct: 0, rttMs: 40 };
  assert.equal(rate(good), 'good');
  assert.equal(rate({ ...good, height: 480 }), 'fair');
  assert.equal(rate({ ...good, rttMs: 500 }), 'fair');
  assert.equal(rate({ ...good, frameRate: 4 }), 'poor');
  assert.equal(rate({ ...good, packetLossPct: 15 }), 'poor');
  assert.equal(rate({ ...good, height: 0 }), 'poor', 'no video');
  assert.equal(rate(null), 'poor');
});

const ok = { frameRate: 30, availableOutgoingKbps: 2000, packetLossPct: 0 };
const slow = { frameRate: 2, availableOutgoingKbps: 2000, packetLossPct: 0 };

test('fallback: three poor samples in a row after the warm-up, once', () => {
  const p = fallbackPolicy({ samples: 3, warmupMs: 6000 });
  assert.equal(p.observe(slow, 0), false, 'warming up');
  assert.equal(p.observe(slow, 3000), false, 'warming up');
  assert.equal(p.observe(slow, 6000), false, '1 poor');
  assert.equal(p.observe(slow, 9000), false, '2 poor');
  assert.equal(p.observe(slow, 12000), true, '3 poor: audio only');
  assert.deepEqual(p.reasons(), ['2 fps']);
  assert.equal(p.observe(slow, 15000), false, 'answered once');
});

test('fallback: a good sample in between starts the count again', () => {
  const p = fallbackPolicy({ samples: 3, warmupMs: 0 });
  assert.equal(p.observe(slow, 0), false);
  assert.equal(p.observe(slow, 3000), false);
  assert.equal(p.observe(ok, 6000), false);
  assert.deepEqual(p.reasons(), []);
  assert.equal(p.observe(slow, 9000), false);
  assert.equal(p.observe(slow, 12000), false);
  assert.equal(p.observe(slow, 15000), true);
});

test('fallback: a low bandwidth estimate or heavy loss is poor too, a fluid call never falls back', () => {
  const bw = fallbackPolicy({ samples: 2, warmupMs: 0 });
  bw.observe({ ...ok, availableOutgoingKbps: 90 }, 0);
  assert.equal(bw.observe({ ...ok, availableOutgoingKbps: 90 }, 3000), true);
  assert.deepEqual(bw.reasons(), ['90 kbps available']);
  const loss = fallbackPolicy({ samples: 2, warmupMs: 0 });
  loss.observe({ ...ok, packetLossPct: 35 }, 0);
  assert.equal(loss.observe({ ...ok, packetLossPct: 35 }, 3000), true);
  const fine = fallbackPolicy({ samples: 2, warmupMs: 0 });
  for (let t = 0; t < 60000; t += 3000) assert.equal(fine.observe(ok, t), false);
  const unknown = fallbackPolicy({ samples: 2, warmupMs: 0 });
  for (let t = 0; t < 30000; t += 3000) assert.equal(unknown.observe({ ...ok, availableOutgoingKbps: null }, t), false, 'no estimate is not poor');
});

test('fallback: reset() (video tried again) warms up again', () => {
  const p = fallbackPolicy({ samples: 2, warmupMs: 6000 });
  p.observe(slow, 0); p.observe(slow, 6000);
  assert.equal(p.observe(slow, 9000), true);
  p.reset(10000);
  assert.equal(p.observe(slow, 12000), false, 'warming up after the reset');
  assert.equal(p.observe(slow, 16000), false);
  assert.equal(p.observe(slow, 19000), true);
});
