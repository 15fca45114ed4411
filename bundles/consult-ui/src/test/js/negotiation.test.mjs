// Unit tests of the call page's perfect negotiation (js/negotiation.js) against a small model of an
// RTCPeerConnection's signaling state machine: operations chained one after the other, implicit rollback
// of a local offer by a remote one, negotiationneeded only in the stable state, candidates refused
// without a matching remote description, everything refused after close(), and the m-line numbering
// Chromium applies (a rolled-back first offer's m-lines are numbered anew in the next offer; a side
// that applied the first refuses the next, and an answer to the first is refused; after a completed
// negotiation the numbers stay, checked on Chromium 2026-12-05). The browser test
// (integration-tests/ui/consult-call-flow.mjs) forces the same glare on real peer connections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { negotiation } from '../../main/resources/ui/js/negotiation.js';

const unhandled = [];
process.on('unhandledRejection', (e) => unhandled.push(e));
const tick = () => new Promise((r) => setTimeout(r, 0));
const settle = async () => { for (let i = 0; i < 20; i++) await tick(); };

class FakePeerConnection {
  constructor(name) {
    this.name = name;
    this.signalingState = 'stable';
    this.localDescription = null;
    this.remoteDescription = null;
    this.chain = Promise.resolve();
    this.pendingOps = 0;
    this.needed = false;
    this.offers = 0;
    this.ufrag = `${name}0`;
    this.currentRemoteDescription = null;
    this.midGen = 0; // m-line numbering of the next first offer
    this.agreedMids = null; // the m-lines' numbers once an offer of either side was answered
    this.onnegotiationneeded = null;
  }

  op(fn) {
    this.pendingOps += 1;
    const run = this.chain.then(async () => {
      await tick();
      if (this.signalingState === 'closed') throw error('InvalidStateError', 'closed');
      return fn();
    });
    this.chain = run.catch(() => {}).then(() => { this.pendingOps -= 1; this.maybeNegotiate(); });
    return run;
  }

  maybeNegotiate() {
    if (this.needed && this.signalingState === 'stable' && this.pendingOps === 0 && this.onnegotiationneeded) {
      this.needed = false;
      setTimeout(() => this.signalingState === 'stable' && this.onnegotiationneeded?.(), 0);
    }
  }

  setLocalDescription(d) {
    return this.op(() => {
      if (d?.type === 'rollback') {
        if (this.signalingState !== 'have-local-offer') throw error('InvalidStateError', 'nothing to roll back');
        this.localDescription = this.stableLocal ?? null;
        this.signalingState = 'stable';
        if (!this.agreedMids) this.midGen += 1;
        this.needed = this.needed || this.restartPending;
        return;
      }
      if (this.signalingState === 'stable') {
        this.offers += 1;
        if (this.restartPending) { this.ufrag = `${this.name}${this.offers}`; }
        this.stableLocal = this.localDescription;
        const m = this.agreedMids ?? `${this.name}m${this.midGen}`;
        this.localDescription = { type: 'offer', sdp: `offer ${this.name}#${this.offers} ufrag=${this.ufrag} mids=${m}` };
        this.signalingState = 'have-local-offer';
      } else if (this.signalingState === 'have-remote-offer') {
        if (/ufrag=(\S+)/.exec(this.remoteDescription.sdp)[1] !== this.remoteUfragBefore) this.ufrag = `${this.name}a${this.offers}`;
        this.localDescription = { type: 'answer', sdp: `answer ${this.name} to ${this.remoteDescription.sdp} ufrag=${this.ufrag}` };
        this.signalingState = 'stable';
        this.currentRemoteDescription = this.remoteDescription;
        this.agreedMids = mids(this.remoteDescription.sdp);
        this.restartPending = false;
      } else {
        throw error('InvalidStateError', `no description to make in ${this.signalingState}`);
      }
    });
  }

  setRemoteDescription(d) {
    return this.op(() => {
      if (d.type === 'offer') {
        if (this.signalingState === 'have-local-offer') { // implicit rollback
          this.localDescription = this.stableLocal ?? null;
          this.signalingState = 'stable';
        }
        if (this.signalingState !== 'stable') throw error('InvalidStateError', `offer in ${this.signalingState}`);
        if (this.agreedMids && mids(d.sdp) !== this.agreedMids) {
          throw error('InvalidAccessError', 'the order of m-lines in subsequent offer doesn\'t match order from previous offer/answer');
        }
        this.remoteUfragBefore = this.remoteDescription && /ufrag=(\S+)/.exec(this.remoteDescription.sdp)[1];
        this.remoteDescription = d;
        this.signalingState = 'have-remote-offer';
      } else {
        if (this.signalingState !== 'have-local-offer') throw error('InvalidStateError', `answer in ${this.signalingState}`);
        if (mids(d.sdp) !== mids(this.localDescription.sdp)) throw error('InvalidAccessError', 'the order of m-lines in answer doesn\'t match order in offer');
        this.remoteDescription = d;
        this.currentRemoteDescription = d;
        this.agreedMids = mids(d.sdp);
        this.signalingState = 'stable';
        this.restartPending = false;
      }
    });
  }

  addIceCandidate(c) {
    return this.op(() => {
      const remote = this.remoteDescription && /ufrag=(\S+)/.exec(this.remoteDescription.sdp)[1];
      if (!remote) throw error('InvalidStateError', 'no remote description');
      if (c.ufrag !== remote) throw error('OperationError', `unknown ufrag ${c.ufrag}`);
      this.candidates = (this.candidates || 0) + 1;
    });
  }

  restartIce() {
    if (this.signalingState === 'closed') return;
    this.restartPending = true;
    this.needed = true;
    this.maybeNegotiate();
  }

  close() {
    this.signalingState = 'closed';
  }
}

/** The m-lines' numbers an offer carries (an answer's text starts with the offer it answers). */
function mids(sdp) {
  return /mids=(\S+)/.exec(sdp)?.[1] ?? null;
}

function error(name, message) {
  const e = new Error(message);
  e.name = name;
  return e;
}

/** Two sides joined by a signaling channel whose messages wait in a queue until delivered. */
function call() {
  const physicianPc = new FakePeerConnection('P');
  const guardianPc = new FakePeerConnection('G');
  const toGuardian = [];
  const toPhysician = [];
  const dropped = [];
  const physician = negotiation(physicianPc, { polite: false, send: (m) => toGuardian.push(m), debug: (w) => dropped.push(`P ${w}`) });
  const guardian = negotiation(guardianPc, { polite: true, send: (m) => toPhysician.push(m), debug: (w) => dropped.push(`G ${w}`) });
  const deliver = async (queue, side) => {
    while (queue.length) {
      const m = queue.shift();
      await (m.type === 'candidate' ? side.candidate(m.candidate) : side.description(m));
    }
  };
  const flow = async () => {
    for (let i = 0; i < 10 && (toGuardian.length || toPhysician.length); i++) {
      await Promise.all([deliver(toGuardian, guardian), deliver(toPhysician, physician)]);
      await settle();
    }
  };
  return { physicianPc, guardianPc, physician, guardian, toGuardian, toPhysician, dropped, flow };
}

test('a first offer is answered and both sides end stable', async () => {
  const c = call();
  c.physicianPc.restartIce(); // stands in for the tracks added to a new peer connection
  await settle();
  assert.equal(c.toGuardian.length, 1);
  await c.flow();
  assert.equal(c.physicianPc.signalingState, 'stable');
  assert.equal(c.guardianPc.signalingState, 'stable');
  assert.match(c.physicianPc.remoteDescription.sdp, /^answer G to offer P#1/);
  assert.equal(c.physician.stats.offersSent, 1);
  assert.equal(c.guardian.stats.answersSent, 1);
  assert.deepEqual(unhandled, []);
});

test('glare: both restart ICE at once, the offers cross, the physician\'s wins and the guardian answers it', async () => {
  const c = call();
  c.physicianPc.restartIce();
  await settle();
  await c.flow();
  // both restart at the same moment; nothing is delivered until both offers are out
  c.physicianPc.restartIce();
  c.guardianPc.restartIce();
  await settle();
  assert.equal(c.physicianPc.signalingState, 'have-local-offer');
  assert.equal(c.guardianPc.signalingState, 'have-local-offer');
  assert.equal(c.toGuardian.length, 1);
  assert.equal(c.toPhysician.length, 1);
  assert.equal(c.toGuardian[0].type, 'offer');
  assert.equal(c.toPhysician[0].type, 'offer');
  await c.flow();
  assert.equal(c.physician.stats.ignoredOffers, 1, 'the impolite physician ignored the crossing offer');
  assert.equal(c.guardian.stats.rollbacks, 1, 'the polite guardian rolled her offer back');
  assert.equal(c.physicianPc.signalingState, 'stable');
  assert.equal(c.guardianPc.signalingState, 'stable');
  assert.match(c.guardianPc.remoteDescription.sdp, /^offer P#2/, 'the guardian took the physician\'s restart offer');
  assert.match(c.physicianPc.remoteDescription.sdp, /^answer G to offer P#2/);
  assert.deepEqual(unhandled, []);
});

test('candidates of the ignored offer are dropped quietly; those of the answer are added', async () => {
  const c = call();
  c.physicianPc.restartIce();
  await settle();
  await c.flow();
  c.physicianPc.restartIce();
  c.guardianPc.restartIce();
  await settle();
  // the guardian's candidate for her own (soon rolled back) offer travels behind it
  c.toPhysician.push({ type: 'candidate', candidate: { ufrag: c.guardianPc.ufrag } });
  await c.flow();
  assert.ok(c.dropped.includes('P candidate of an ignored offer'), c.dropped.join());
  c.toPhysician.push({ type: 'candidate', candidate: { ufrag: /ufrag=(\S+)/.exec(c.guardianPc.localDescription.sdp)[1] } });
  await c.flow();
  assert.equal(c.physicianPc.candidates, 1);
  assert.deepEqual(unhandled, []);
});

test('a stale answer and anything after close() are dropped without an error', async () => {
  const c = call();
  await c.physician.description({ type: 'answer', sdp: 'answer to nothing ufrag=x' });
  assert.equal(c.physician.stats.dropped, 1);
  c.physicianPc.close();
  await c.physician.description({ type: 'offer', sdp: 'late offer ufrag=y' });
  await c.physician.candidate({ ufrag: 'y' });
  await c.physician.restartIce();
  assert.equal(c.physician.stats.dropped, 3);
  assert.deepEqual(unhandled, []);
});

test('a restart offer lost on the way is withdrawn by the next ICE restart, which is offered and answered', async () => {
  const c = call();
  c.physicianPc.restartIce();
  await settle();
  await c.flow();
  await c.physician.restartIce();
  await settle();
  c.toGuardian.length = 0; // the socket dropped with the restart offer in it
  assert.equal(c.physicianPc.signalingState, 'have-local-offer');
  await c.physician.restartIce();
  await settle();
  assert.equal(c.toGuardian.length, 1, 'a new offer after the rollback');
  await c.flow();
  assert.equal(c.physicianPc.signalingState, 'stable');
  assert.equal(c.guardianPc.signalingState, 'stable');
  assert.match(c.physicianPc.remoteDescription.sdp, /^answer G to offer P#3/);
  assert.deepEqual(unhandled, []);
});

test('an ICE restart while a new peer connection\'s first offer is on its way leaves that offer alone (the rejoin that failed in CI)', async () => {
  const c = call();
  c.physicianPc.restartIce(); // stands in for the tracks added to the new peer connection
  await settle();
  assert.equal(c.toGuardian.length, 1, 'the first offer is on its way');
  // the ICE restart timer of the replaced peer connection fires now
  await c.physician.restartIce();
  await settle();
  assert.equal(c.physician.stats.skippedRestarts, 1);
  assert.equal(c.toGuardian.length, 1, 'no second offer');
  await c.flow();
  assert.equal(c.physicianPc.signalingState, 'stable');
  assert.equal(c.guardianPc.signalingState, 'stable');
  assert.match(c.physicianPc.remoteDescription.sdp, /^answer G to offer P#1/);
  assert.deepEqual(c.dropped, []);
  // and ICE can be restarted once the first negotiation is done
  await c.physician.restartIce();
  await settle();
  await c.flow();
  assert.match(c.physicianPc.remoteDescription.sdp, /^answer G to offer P#2/);
  assert.deepEqual(unhandled, []);
});

test('the model refuses what Chromium refuses: a first offer withdrawn after the other side applied it', async () => {
  const c = call();
  c.physicianPc.restartIce();
  await settle();
  // what restartIce did before: roll the first offer back and offer again
  await c.physicianPc.setLocalDescription({ type: 'rollback' });
  c.physicianPc.restartIce();
  await settle();
  assert.equal(c.toGuardian.length, 2);
  await c.flow();
  assert.ok(c.dropped.includes('G offer'), c.dropped.join());
  assert.ok(c.dropped.includes('P answer'), c.dropped.join());
  assert.equal(c.physicianPc.signalingState, 'have-local-offer', 'stuck: no answer will ever fit');
  assert.deepEqual(unhandled, []);
});

test('an answer refused in the stable state (nothing of ours waits) is only dropped', async () => {
  const c = call();
  await c.physician.description({ type: 'answer', sdp: 'answer to an offer with other m-lines ufrag=z' });
  await settle();
  assert.equal(c.physician.stats.dropped, 1);
  assert.equal(c.toGuardian.length, 0);
});

test('the polite side answers an offer that arrives while it is still making its own', async () => {
  const c = call();
  c.physicianPc.restartIce();
  await settle();
  await c.flow();
  c.guardianPc.restartIce();
  await tick(); // negotiationneeded has fired: her setLocalDescription is queued, not done
  c.physicianPc.restartIce();
  await settle();
  await c.flow();
  assert.equal(c.physicianPc.signalingState, 'stable');
  assert.equal(c.guardianPc.signalingState, 'stable');
  assert.match(c.physicianPc.remoteDescription.sdp, /^answer G to offer P#2/, 'the physician\'s restart was answered');
  assert.deepEqual(unhandled, []);
});

test('beforeOffer runs just before an accepted offer is applied, not for an ignored one', async () => {
  const seen = [];
  const pc = new FakePeerConnection('X');
  const side = negotiation(pc, { polite: false, send: () => {}, beforeOffer: () => seen.push(pc.signalingState) });
  await side.description({ type: 'offer', sdp: 'offer Y#1 ufrag=Y1' });
  assert.deepEqual(seen, ['stable'], 'called once, before the remote offer was set');
  assert.equal(pc.signalingState, 'stable', 'answered');
  pc.restartIce();
  await settle();
  assert.equal(pc.signalingState, 'have-local-offer');
  await side.description({ type: 'offer', sdp: 'offer Y#2 ufrag=Y2' });
  assert.equal(seen.length, 1, 'not for the offer the impolite side ignored');
  assert.deepEqual(unhandled, []);
});
