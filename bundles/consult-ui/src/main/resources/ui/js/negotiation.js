// "Perfect negotiation" (W3C webrtc-pc, section 10.7; MDN, "Perfect negotiation"): either side may
// offer at any time (first call, ICE restarts, a new peer connection after a rejoin); when two offers
// cross (glare) the impolite side ignores the other's offer and the polite side rolls its own back and
// answers. The call page makes the guardian polite and the physician impolite.
// Nothing here throws or rejects: a description or candidate that no longer fits (an answer to an
// offer we withdrew, a candidate of an ignored offer, anything after close()) is counted and dropped.
// A peer connection's first offer is never withdrawn (see restartIce): Chromium numbers the m-lines of
// the offer made after such a rollback anew (mids 0,1 become 2,3), so the other side, which may have
// applied the first one already, refuses it ("the order of m-lines in subsequent offer doesn't match")
// and we refuse its answer to the first ("... in answer doesn't match order in offer"): those two peer
// connections can never agree again. That is how the browser test's rejoin failed in CI, twice.
// No DOM and no imports: unit-tested with node --test (src/test/js/negotiation.test.mjs).

/**
 * Drives the negotiation of one RTCPeerConnection. `send({type, sdp})` carries our descriptions to the
 * other side; `debug(what, error)` hears about what was dropped; `beforeOffer()`, when given, runs just
 * before an offer of the other side is applied (a peer connection may add its tracks there, so they go
 * into the answer without an offer of its own). Answers `{description, candidate, restartIce, stats}`:
 * feed the other side's descriptions and candidates to the first two.
 */
export function negotiation(pc, { polite, send, debug = () => {}, beforeOffer = () => {} }) {
  let makingOffer = false;
  let ignoreOffer = false;
  let settingRemoteAnswer = false;
  // for the page's hook and the browser test: how often each side of glare happened
  const stats = { offersSent: 0, answersSent: 0, ignoredOffers: 0, rollbacks: 0, dropped: 0, skippedRestarts: 0 };
  const closed = () => pc.signalingState === 'closed';
  const sendLocal = () => {
    const d = pc.localDescription;
    if (!d || closed()) return;
    if (d.type === 'offer') stats.offersSent += 1; else stats.answersSent += 1;
    send({ type: d.type, sdp: d.sdp });
  };
  const drop = (what, e) => { stats.dropped += 1; debug(what, e); };

  pc.onnegotiationneeded = async () => {
    try {
      makingOffer = true;
      await pc.setLocalDescription();
      // a rollback (restartIce) or an offer from the other side may have come in between
      if (pc.signalingState === 'have-local-offer') sendLocal();
    } catch (e) {
      drop('offer', e);
    } finally {
      makingOffer = false;
    }
  };

  async function description({ type, sdp }) {
    if (closed()) return drop(`${type} after close`);
    const readyForOffer = !makingOffer && (pc.signalingState === 'stable' || settingRemoteAnswer);
    const collision = type === 'offer' && !readyForOffer;
    ignoreOffer = !polite && collision;
    if (ignoreOffer) {
      stats.ignoredOffers += 1;
      return undefined;
    }
    if (collision) stats.rollbacks += 1; // setRemoteDescription rolls our own offer back first
    try {
      if (type === 'offer') beforeOffer();
      settingRemoteAnswer = type === 'answer';
      await pc.setRemoteDescription({ type, sdp });
    } catch (e) {
      // e.g. an answer to a restart offer we withdrew: the other side answers the newer one too
      return drop(type, e);
    } finally {
      settingRemoteAnswer = false;
    }
    if (type !== 'offer') return undefined;
    try {
      await pc.setLocalDescription();
      sendLocal();
    } catch (e) {
      drop('answer', e);
    }
    return undefined;
  }

  async function candidate(c) {
    try {
      await pc.addIceCandidate(c);
    } catch (e) {
      // a candidate of an offer we ignored, of a generation that was restarted, or after close()
      drop(ignoreOffer ? 'candidate of an ignored offer' : 'candidate', e);
    }
  }

  /**
   * A new ICE generation (network change, media path lost). A restart offer of ours still unanswered
   * was lost (with a socket, or ignored by the impolite side): it is withdrawn first, so the restart can
   * be offered at all (negotiationneeded only fires in the stable state); once a negotiation has
   * completed, the m-lines keep their numbers across a rollback. Before that there is no ICE to restart,
   * and the first offer stays: a new peer connection on either side (a new page, a new socket whose
   * peer connection never got an answer) starts a new first negotiation instead.
   */
  async function restartIce() {
    if (closed()) return;
    if (!pc.currentRemoteDescription) {
      stats.skippedRestarts += 1;
      return;
    }
    try {
      if (pc.signalingState === 'have-local-offer' && !makingOffer) {
        await pc.setLocalDescription({ type: 'rollback' });
      }
      pc.restartIce();
    } catch (e) {
      drop('ice restart', e);
    }
  }

  return { description, candidate, restartIce, stats };
}
