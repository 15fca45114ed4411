// Functions evaluated in a call page (page.evaluate: each must be self-contained), shared by the
// browser tests here and bench/video/call-bench.mjs.

// In the page: the selected ICE candidate pair (the transport's, else the succeeded nominated one) and its candidates' types.
export async function selectedPair() {
  const pc = window.__pediconsultCall?.pc;
  if (!pc) return null;
  const stats = await pc.getStats();
  let pair = null;
  stats.forEach((s) => { if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId); });
  if (!pair) stats.forEach((s) => { if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated) pair = s; });
  if (!pair) return null;
  const local = stats.get(pair.localCandidateId);
  const remote = stats.get(pair.remoteCandidateId);
  return { state: pair.state, nominated: pair.nominated, local: local?.candidateType, localProtocol: local?.protocol,
    localRelayProtocol: local?.relayProtocol, remote: remote?.candidateType,
    remoteAddress: remote ? `${remote.address}:${remote.port}` : null, bytesReceived: pair.bytesReceived };
}

// In the page: the addresses (address:port) of this page's own relay candidates (its TURN allocations).
export async function localRelays() {
  const pc = window.__pediconsultCall?.pc;
  if (!pc) return [];
  const out = [];
  (await pc.getStats()).forEach((s) => {
    if (s.type === 'local-candidate' && s.candidateType === 'relay') out.push(`${s.address}:${s.port}`);
  });
  return out;
}
