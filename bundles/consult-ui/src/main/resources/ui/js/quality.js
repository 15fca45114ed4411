// Call quality from RTCPeerConnection.getStats(): one sample per report, a rating for people, and the
// audio-only fallback policy. Pure functions, no DOM and no imports: unit-tested with node --test
// (src/test/js/quality.test.mjs).

/** The fields of one getStats() report that matter here (a Map-like of RTCStats, or an array of them). */
export function readStats(report) {
  const all = [];
  report.forEach((s) => all.push(s));
  const byId = new Map(all.map((s) => [s.id, s]));
  const find = (type, kind) => all.find((s) => s.type === type && (!kind || s.kind === kind)) || null;
  const transport = find('transport');
  let pair = transport?.selectedCandidatePairId ? byId.get(transport.selectedCandidatePairId) : null;
  if (!pair) pair = all.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') || null;
  const out = find('outbound-rtp', 'video');
  const remoteIn = all.find((s) => s.type === 'remote-inbound-rtp' && s.kind === 'video') || null;
  const inVideo = find('inbound-rtp', 'video');
  const inAudio = find('inbound-rtp', 'audio');
  return {
    out: out && { bytesSent: out.bytesSent || 0, framesSent: out.framesSent || 0, width: out.frameWidth || 0,
      height: out.frameHeight || 0, fps: out.framesPerSecond || 0, limitation: out.qualityLimitationReason || 'none',
      active: out.active !== false },
    outLoss: remoteIn?.fractionLost ?? null,
    in: inVideo && { framesDecoded: inVideo.framesDecoded || 0, width: inVideo.frameWidth || 0, height: inVideo.frameHeight || 0,
      fps: inVideo.framesPerSecond || 0, packetsLost: inVideo.packetsLost || 0, packetsReceived: inVideo.packetsReceived || 0 },
    audioPacketsReceived: inAudio?.packetsReceived || 0,
    rttMs: pair?.currentRoundTripTime != null ? Math.round(pair.currentRoundTripTime * 1000) : null,
    availableOutgoingKbps: pair?.availableOutgoingBitrate != null ? Math.round(pair.availableOutgoingBitrate / 1000) : null,
  };
}

/**
 * One call-quality sample of what this side sends (the stats message the server stores and shows the
 * physician): resolution, frame rate, bitrate since the previous sample, loss reported by the receiver
 * (RTCP), round-trip time. {@code prev} is the previous readStats() result and its time (ms).
 */
export function sample(cur, prev, now, prevAt) {
  const out = cur.out || { bytesSent: 0, width: 0, height: 0, fps: 0 };
  const dt = prev && prevAt != null ? now - prevAt : 0;
  const bytes = prev?.out ? out.bytesSent - prev.out.bytesSent : 0;
  return {
    width: out.width, height: out.height, frameRate: Math.round(out.fps * 10) / 10,
    bitrateKbps: dt > 0 && bytes >= 0 ? Math.round((bytes * 8) / dt) : null, // null: not known yet
    packetLossPct: cur.outLoss != null ? Math.round(cur.outLoss * 1000) / 10 : 0,
    rttMs: cur.rttMs ?? 0,
    availableOutgoingKbps: cur.availableOutgoingKbps,
    // packets (audio and video) that arrived from the other side since the previous report; 0 means the
    // media path is down (its audio flows even in audio-only mode), not that video is poor; null: unknown
    inboundPackets: prev ? received(cur) - received(prev) : null,
  };
}

const received = (stats) => (stats.audioPacketsReceived || 0) + (stats.in?.packetsReceived || 0);

/** good, fair or poor, for a person: 720p at a fluid frame rate with little loss and delay is good. */
export function rate(s) {
  if (!s || !s.height) return 'poor';
  if (s.frameRate < 10 || s.packetLossPct > 10 || s.rttMs > 800) return 'poor';
  if (s.height >= 720 && s.frameRate >= 20 && s.packetLossPct <= 2 && s.rttMs <= 300) return 'good';
  return 'fair';
}

/**
 * The audio-only fallback: video "cannot be sustained" when, after a warm-up, {@code samples}
 * consecutive samples of the video this side sends are poor: fewer than {@code minFps} frames per
 * second, or the bandwidth estimate below {@code minKbps}, or more than {@code maxLossPct} % lost.
 * observe() answers true once, when the fallback should happen; reset() starts over (video on again).
 */
export function fallbackPolicy({ minFps = 5, minKbps = 150, maxLossPct = 20, samples = 3, warmupMs = 6000 } = {}) {
  let since = null;
  let poorRun = 0;
  const reasons = [];
  return {
    observe(s, now) {
      if (since == null) since = now;
      if (now - since < warmupMs) return false;
      const why = [];
      if (s.frameRate < minFps) why.push(`${s.frameRate} fps`);
      if (s.availableOutgoingKbps != null && s.availableOutgoingKbps < minKbps) why.push(`${s.availableOutgoingKbps} kbps available`);
      if (s.packetLossPct > maxLossPct) why.push(`${s.packetLossPct}% lost`);
      poorRun = why.length ? poorRun + 1 : 0;
      reasons.splice(0, reasons.length, ...why);
      return poorRun === samples;
    },
    /** Why the last sample was poor (empty if it was not). */
    reasons: () => [...reasons],
    reset(now) { since = now; poorRun = 0; reasons.length = 0; },
  };
}
