// The video call: room token from the consultation bundle, signaling over /video/signal, WebRTC
// peer to peer, 720p held with 'maintain-resolution', stats every 3 s.
// Negotiation is "perfect negotiation" (negotiation.js): either side offers when it needs to (a new
// peer connection, an ICE restart), the guardian is the polite side and the physician's offer wins
// when two cross. Resilience: a lost signaling socket is reopened with a fresh room token (the peer
// connection is kept and the other side restarts ICE); a lost media path (network change) gets ICE
// restarts with fresh TURN credentials until it is back; video that cannot be sustained falls back to
// audio only (quality.js's policy). No promise of this page is left to reject unheard: whatever fails
// after the call ended, or belongs to a negotiation that was superseded, is dropped (console.debug).
import { api, session } from './api.js';
import { t } from './i18n.js';
import { h, page, showError, announce } from './ui.js';
import { readStats, sample, rate, fallbackPolicy } from './quality.js';
import { negotiation } from './negotiation.js';

const STATS_MS = 3000;
const ICE_GRACE_MS = 2000;
const ICE_RETRY_MS = 5000;
// the server pauses the consultation 1.5 s after the guardian's socket closed unless she is back: the
// physician's page says "paused" a little later, so a guardian whose socket is reopened at once never shows as gone
const PAUSE_SHOWN_AFTER_MS = 3000;
// refusals of a relayed message that only mean the other side was not there at that moment (its socket
// was being reopened, or it is still in the lobby): the next peer-joined starts a new negotiation
const QUIET_ERRORS = new Set(['no_peer', 'in_lobby']);
// the physician's page makes the first offer of a new peer connection; the guardian's waits this long
// for it before offering itself (see newPeer)
const FIRST_OFFER_WAIT_MS = 3000;
const debug = (what, e) => console.debug(`[call] ${what}${e ? `: ${e.name || ''} ${e.message || e}` : ''}`);

export async function call(main, id, route) {
  const errors = h('div', { hidden: true });
  const status = h('p', { class: 'call-status', role: 'status' }, t('connecting'));
  const mediaNote = h('p', { class: 'media-note', role: 'status', hidden: true });
  const local = h('video', { autoplay: true, muted: true, playsinline: true, 'aria-label': t('localVideo') });
  const remote = h('video', { autoplay: true, playsinline: true, 'aria-label': t('remoteVideo') });
  const isPhysician = session()?.roles.includes('PHYSICIAN');
  const qualityRow = (who, label) => {
    const dd = h('dd', { 'data-who': who, 'data-rating': 'none' }, '–');
    return { dd, nodes: [h('dt', {}, label), dd] };
  };
  const remoteQuality = qualityRow('remote', t('qualityRemote'));
  const ownQuality = qualityRow('own', t('qualityOwn'));
  const quality = h('dl', { class: 'quality', 'aria-label': t('quality') },
    ...(isPhysician ? remoteQuality.nodes : []), ...ownQuality.nodes);
  const admit = h('button', { type: 'button', hidden: true }, t('admitFromLobby'));
  const videoToggle = h('button', { type: 'button', class: 'secondary video-toggle', 'aria-pressed': 'false' }, t('audioOnly'));
  const hangUp = h('button', { type: 'button', class: 'danger' }, t('hangUp'));
  page(main, t('callTitle'), errors, status, mediaNote, h('div', { class: 'video' }, remote, local),
    h('div', { class: 'actions' }, admit, videoToggle, hangUp), quality);

  let ws = null, pc = null, neg = null, stream = null, remoteStream = null, ice = null, ended = false, paused = false;
  let statsTimer = null, pingTimer = null, reconnectTimer = null, iceTimer = null, leftTimer = null;
  let socketAttempts = 0, iceRestarts = 0, peerJoins = 0, videoOff = null, remoteVideoOff = null;
  let last = null, lastAt = null; // the previous stats sample and its time
  let mediaWasLost = false; // the media path broke; when it is back the quality measures start over
  // each peer connection has an id: descriptions and candidates say which one sent them ("pc") and to
  // which one of the other side ("to", once known), so nothing meant for a replaced one is applied
  let pcId = null, remotePcId = null;
  // messages are handled one at a time, in the order the server sent them
  let inbox = Promise.resolve();
  const policy = fallbackPolicy();
  // data-call on the status: connecting, lobby, connected, reconnecting, paused, resumed, left, closed, refused
  const setStatus = (text, state) => {
    status.textContent = text;
    if (state) status.dataset.call = state;
    announce(text);
  };
  // an async step started by an event or a timer: its failure is reported, never left unhandled
  const spawn = (what, promise) => { promise.catch((e) => debug(what, e)); };
  const onNetworkChange = () => { if (pc && !ended) spawn('ice restart', restartIce()); };
  const stop = () => {
    ended = true;
    clearInterval(statsTimer); clearInterval(pingTimer); clearTimeout(reconnectTimer); clearTimeout(iceTimer); clearTimeout(leftTimer);
    window.removeEventListener('online', onNetworkChange);
    navigator.connection?.removeEventListener?.('change', onNetworkChange);
    try { ws?.close(1000); } catch (e) { /* closed */ }
    try { pc?.close(); } catch (e) { /* closed */ }
    stream?.getTracks().forEach((tr) => tr.stop());
  };
  route.onLeave(stop);
  // read-only hook for the browser tests (and for debugging from the console)
  window.__pediconsultCall = {
    id, local, remote, status,
    get pc() { return pc; }, get ws() { return ws; }, get iceRestarts() { return iceRestarts; },
    get videoOff() { return videoOff; }, get remoteVideoOff() { return remoteVideoOff; },
    get polite() { return !isPhysician; }, get negotiation() { return neg ? { ...neg.stats } : null; },
    get peerJoins() { return peerJoins; }, get pausePending() { return leftTimer !== null; },
  };
  hangUp.addEventListener('click', () => { stop(); history.back(); });
  admit.addEventListener('click', () => send({ type: 'admit' }));
  videoToggle.addEventListener('click', () => spawn('video toggle', setVideoSending(!!videoOff, videoOff ? 'retry' : 'user')));
  window.addEventListener('online', onNetworkChange);
  navigator.connection?.addEventListener?.('change', onNetworkChange);

  const roomToken = () => api(`/consultations/${encodeURIComponent(id)}/room-token`, { method: 'POST' });
  const send = (m) => ws?.readyState === 1 && ws.send(JSON.stringify(m));
  const live = () => pc && pc.connectionState !== 'closed' && !!pc.remoteDescription;

  // the room token, the camera and the socket at the same time (each takes 100-300 ms); the socket
  // authenticates once the token and the camera are there, so the welcome never precedes the media
  const camera = navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
  const ready = Promise.all([roomToken(), camera]);
  const tokenForSocket = ready.then(([tok]) => tok);
  tokenForSocket.catch(() => {}); // the failure is shown below
  connect(tokenForSocket, `/video/signal?room=${encodeURIComponent(id)}`);
  let token;
  try {
    [token, stream] = await ready;
  } catch (e) {
    stop();
    camera.then((s) => s.getTracks().forEach((tr) => tr.stop())).catch(() => {});
    if (e.problem) showError(errors, e); else setStatus(t('cameraError', { e: e.message }));
    return;
  }
  if (ended) { stream.getTracks().forEach((tr) => tr.stop()); return; }
  local.srcObject = stream;

  // ---- signaling socket: opened with a room token; reopened with a fresh one when the network drops it
  function connect(tokenPromise, path) {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const sock = new WebSocket(`${proto}//${location.host}${path}`);
    ws = sock;
    sock.onopen = () => tokenPromise.then((tok) => {
      if (sock !== ws || ended) return;
      sock.send(JSON.stringify({ type: 'auth', token: tok.token, consultationId: id, resume: live() }));
      sock.authSent = true;
    }, () => {});
    sock.onmessage = (ev) => {
      if (sock !== ws || ended) return;
      const m = JSON.parse(ev.data);
      inbox = inbox.then(() => (ended ? undefined : onMessage(m))).catch((e) => debug(m.type, e));
    };
    sock.onclose = (e) => { if (sock === ws && !ended) socketClosed(e, sock.authSent); };
  }
  function socketClosed(e, authSent) {
    clearInterval(pingTimer);
    // 1008 before we authenticated: the server's auth deadline passed while the camera permission was
    // being asked (a phone's prompt can take long): not a refusal, open a new socket
    if (e.code === 1008 && authSent) { // refused: a wrong or expired room token, or not allowed in this room
      setStatus(t('callRefused', { r: e.reason || e.code }), 'refused');
      stop();
      return;
    }
    if (e.code === 4001) { // the same person opened the call in another tab or device
      setStatus(t('callElsewhere'), 'replaced');
      stop();
      return;
    }
    // the network or the server (1001: a node shutting down) dropped it: reopen, the media may still flow
    setStatus(t('reconnecting'), 'reconnecting');
    const delay = socketAttempts === 0 ? 0 : Math.min(8000, 250 * 2 ** socketAttempts);
    socketAttempts += 1;
    reconnectTimer = setTimeout(async () => {
      try {
        const tok = await roomToken();
        if (!ended) connect(ready.then(() => tok), tok.signalingPath || `/video/signal?room=${encodeURIComponent(id)}`);
      } catch (x) {
        if (x.status === 409 || x.status === 404) { // the consultation is no longer callable
          setStatus(t('callClosed', { r: x.problem?.detail || x.status }), 'closed');
          stop();
        } else socketClosed({ code: 1006 }, false);
      }
    }, delay);
  }

  // ---- the peer connection: built when the other side is in the room and the call may start (at the
  // welcome, or when it joins); a new one whenever the other side comes with a new one (a new page)
  function newPeer() {
    try { pc?.close(); } catch (e) { /* closed */ }
    const mine = new RTCPeerConnection({ iceServers: ice.servers || [], iceTransportPolicy: ice.policy || 'all' });
    pc = mine;
    // ICE restarts scheduled for the replaced one (its media path was lost: the other side left) are
    // not for this one: an ICE restart while its first offer is on its way would withdraw that offer,
    // and the two sides could never agree again (negotiation.js; the rejoin failed so in CI)
    clearTimeout(iceTimer); iceTimer = null;
    mediaWasLost = false;
    // a new connection ramps up (bandwidth estimate, frame rate) like the first: the audio-only policy
    // warms up again and the stats start over, else a rejoin could look like video that cannot be sustained
    policy.reset(performance.now());
    last = null; lastAt = null;
    pcId = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
    remotePcId = null;
    const sendOwn = (m) => mine === pc && send({ ...m, pc: pcId, to: remotePcId });
    // Adding the tracks fires negotiationneeded: our offer. The impolite physician does so at once; the
    // polite guardian adds hers when the physician's first offer comes (so they go into her answer), and
    // offers herself only if none came. Were both to offer, her rollback would discard a transport whose
    // TURN allocation was under way, and Chromium then sometimes gathered no candidate for her answer
    // (the call never connected: 1 run in 4 on a 2-core machine).
    let tracksAdded = false;
    const addTracks = () => {
      if (tracksAdded || mine !== pc || mine.signalingState === 'closed') return;
      tracksAdded = true;
      stream.getTracks().forEach((tr) => mine.addTrack(tr, stream));
      holdResolution(mine);
    };
    neg = negotiation(mine, { polite: !isPhysician, send: sendOwn, debug, beforeOffer: addTracks });
    if (isPhysician) addTracks(); else setTimeout(addTracks, FIRST_OFFER_WAIT_MS);
    // a rolled-back offer (glare) resets the sender's parameters: set them again after every negotiation
    mine.onsignalingstatechange = () => { if (mine.signalingState === 'stable') holdResolution(mine); };
    mine.onicecandidate = (e) => e.candidate && sendOwn({ type: 'candidate', candidate: e.candidate.toJSON() });
    mine.ontrack = (e) => { if (mine === pc) { remoteStream = e.streams[0]; remote.srcObject = remoteStream; } };
    mine.onconnectionstatechange = () => {
      if (mine !== pc || ended) return;
      if (mine.connectionState === 'disconnected' || mine.connectionState === 'failed') {
        mediaLost(mine.connectionState === 'failed' ? 0 : ICE_GRACE_MS);
        return;
      }
      if (mine.connectionState !== 'connected') return;
      clearTimeout(iceTimer); iceTimer = null;
      mediaBack();
      if (videoOff) spawn('video off', applyVideoSending(false));
      if (paused) { paused = false; setStatus(t('consultResumed'), 'resumed'); } else setStatus(t('inCall'), 'connected');
    };
    mine.oniceconnectionstatechange = () => {
      if (mine !== pc || ended) return;
      const st = mine.iceConnectionState;
      if (st === 'disconnected' || st === 'failed') {
        mediaLost(st === 'failed' ? 0 : ICE_GRACE_MS);
      } else if (st === 'connected' || st === 'completed') {
        clearTimeout(iceTimer); iceTimer = null;
        if (mine.connectionState === 'connected') mediaBack();
        if (status.dataset.call === 'reconnecting' && mine.connectionState === 'connected') setStatus(t('inCall'), 'connected');
      }
    };
    return mine;
  }
  // 720p from the first second: the encoder drops frames rather than resolution when short of bandwidth
  function holdResolution(mine) {
    const sender = mine.getSenders().find((x) => x.track?.kind === 'video');
    if (!sender || mine.signalingState === 'closed') return;
    const p = sender.getParameters();
    if (p.degradationPreference === 'maintain-resolution') return;
    sender.setParameters({ ...p, degradationPreference: 'maintain-resolution' }).catch((e) => debug('parameters', e));
  }
  function mediaLost(delay) {
    mediaWasLost = true;
    if (!paused) setStatus(t('reconnecting'), 'reconnecting');
    scheduleIceRestart(delay);
  }
  // The media path is back (after an ICE restart): the bandwidth estimate and the frame rate ramp up
  // again from nothing, and the last stats sample is from before the outage. The audio-only policy warms
  // up again and the stats start over, as for a new connection; else the ramp looked like video that
  // cannot be sustained (the physician's page fell back to audio only after the TURN server came back,
  // seen on a quiet 2-core machine) and the other side lost the picture.
  function mediaBack() {
    if (!mediaWasLost) return;
    mediaWasLost = false;
    policy.reset(performance.now());
    last = null; lastAt = null;
  }
  // ICE restart: while the media path of this peer connection is down, try again every few seconds
  // (fresh TURN credentials each time); either side restarts (perfect negotiation resolves two restarts
  // at once). A new peer connection cancels them (newPeer).
  function scheduleIceRestart(delay, mine = pc) {
    if (iceTimer || ended || !mine || mine !== pc) return;
    iceTimer = setTimeout(() => {
      iceTimer = null;
      const st = mine.iceConnectionState;
      if (ended || mine !== pc || st === 'connected' || st === 'completed') return;
      spawn('ice restart', restartIce().finally(() => scheduleIceRestart(ICE_RETRY_MS, mine)));
    }, delay);
  }
  async function restartIce() {
    // before its first negotiation completed a peer connection has no ICE to restart (negotiation.js)
    if (!pc || ended || !pc.currentRemoteDescription) return;
    const mine = pc;
    iceRestarts += 1;
    // a new ICE path ramps up (bandwidth estimate, frame rate) like a new connection, whatever started it (a
    // network change, an outage, the other side): the audio-only policy warms up again and the stats start
    // over. Else the ramp after a network change counted as video that cannot be sustained (the physician's
    // page fell back to audio only after the browser test's forced glare, with two suites on 2 cores).
    policy.reset(performance.now());
    last = null; lastAt = null;
    try {
      const tok = await roomToken();
      if (tok.iceServers && mine === pc && !ended) {
        ice.servers = tok.iceServers;
        mine.setConfiguration({ ...mine.getConfiguration(), iceServers: tok.iceServers });
      }
    } catch (e) { debug('ice servers', e); /* the server is unreachable too: restart with the credentials we have */ }
    if (mine === pc && !ended) await neg.restartIce();
  }

  // ---- audio only: stop sending video (the encoder), keep the camera preview and the audio
  async function applyVideoSending(on) {
    const sender = pc?.getSenders().find((s) => s.track?.kind === 'video');
    if (!sender) return;
    const p = sender.getParameters();
    if (!p.encodings?.length) return;
    p.encodings.forEach((e) => { e.active = on; });
    await sender.setParameters(p).catch(() => {});
  }
  async function setVideoSending(on, reason) {
    videoOff = on ? null : reason;
    await applyVideoSending(on);
    policy.reset(performance.now());
    videoToggle.textContent = on ? t('audioOnly') : t('tryVideo');
    videoToggle.setAttribute('aria-pressed', String(!on));
    mediaNote.dataset.media = on ? 'video' : 'audio-only';
    mediaNote.hidden = on && !remoteVideoOff;
    mediaNote.textContent = on ? remoteNote() : t(reason === 'poor-connection' ? 'audioOnlyPoor' : 'audioOnlyUser');
    if (!on) announce(mediaNote.textContent);
    send({ type: 'media', video: on, reason });
  }
  function remoteNote() {
    if (!remoteVideoOff) return '';
    return t(remoteVideoOff === 'poor-connection' ? 'remoteAudioOnlyPoor' : 'remoteAudioOnlyUser');
  }

  // ---- messages from the server
  async function onMessage(m) {
    switch (m.type) {
      case 'welcome': {
        socketAttempts = 0;
        ice = { servers: m.iceServers || token.iceServers, policy: m.iceTransportPolicy || token.iceTransportPolicy };
        const guardianWaiting = (m.peers || []).some((p) => p.role === 'GUARDIAN' && p.inLobby);
        const callable = m.admitted && (m.peers || []).some((p) => !p.inLobby);
        // a new socket of a page that kept its peer connection: the other side (told peer-joined with
        // resume) restarts ICE; otherwise a new negotiation once both are in the room
        const resumed = live();
        if (resumed) {
          pc.setConfiguration({ ...pc.getConfiguration(), iceServers: ice.servers });
          if (pc.connectionState === 'connected') setStatus(t('inCall'), 'connected');
        } else if (callable) newPeer();
        if (!isPhysician) {
          if (!resumed) setStatus(m.admitted ? t('admitted') : t('lobby'), m.admitted ? 'admitted' : 'lobby');
        } else {
          admit.hidden = !guardianWaiting;
          if (!resumed) setStatus(guardianWaiting ? t('lobby') : t('connecting'), guardianWaiting ? 'lobby' : 'connecting');
        }
        clearInterval(pingTimer); clearInterval(statsTimer);
        pingTimer = setInterval(() => send({ type: 'ping' }), 25000);
        statsTimer = setInterval(reportStats, STATS_MS);
        break;
      }
      case 'lobby':
        if (isPhysician) { admit.hidden = !m.waiting; setStatus(m.waiting ? t('lobby') : t('peerLeft'), m.waiting ? 'lobby' : 'left'); }
        else setStatus(t('lobby'), 'lobby');
        break;
      case 'admitted': admit.hidden = true; setStatus(t('admitted'), 'admitted'); break;
      case 'peer-joined':
        // resume: the other side kept its peer connection (new socket after a network change): restart ICE
        // on ours; otherwise it is a new page with a new peer connection, so a new one here too
        peerJoins += 1;
        if (isPhysician) {
          clearTimeout(leftTimer); leftTimer = null;
          if (paused) setStatus(t('consultResumed'), 'resumed');
        }
        if (m.resume && live()) {
          if (isPhysician) { paused = false; remote.srcObject = remoteStream; }
          spawn('ice restart', restartIce());
        } else newPeer();
        remoteVideoOff = null; mediaNote.hidden = !videoOff; remote.classList.remove('audio-only');
        if (videoOff) send({ type: 'media', video: false, reason: videoOff });
        break;
      case 'peer-left':
        // the guardian leaving pauses the consultation (after the server's short grace period)
        if (isPhysician && m.role === 'GUARDIAN') {
          clearTimeout(leftTimer);
          leftTimer = setTimeout(() => { paused = true; remote.srcObject = null; setStatus(t('consultPaused'), 'paused'); }, PAUSE_SHOWN_AFTER_MS);
        } else setStatus(t('peerLeft'), 'left');
        break;
      case 'offer':
        if (!forOurPeer(m)) break;
        // an offer from a peer connection other than the one ours talks to: the other side has a new one
        // (a peer-joined normally says so first); and none yet is not expected either: answer anyway
        if ((!pc && stream && ice) || (remotePcId && m.pc && m.pc !== remotePcId)) newPeer();
        if (m.pc) remotePcId = m.pc;
        if (neg) await neg.description({ type: 'offer', sdp: m.sdp });
        break;
      case 'answer':
        if (!forOurPeer(m) || !neg) break;
        if (m.pc) remotePcId = m.pc;
        await neg.description({ type: 'answer', sdp: m.sdp });
        break;
      case 'candidate':
        if (forOurPeer(m) && neg && !(remotePcId && m.pc && m.pc !== remotePcId)) await neg.candidate(m.candidate);
        break;
      case 'restart': if (pc && !iceTimer) spawn('ice restart', restartIce()); break; // else our own restarts are under way
      case 'media':
        remoteVideoOff = m.video ? null : m.reason || 'other';
        remote.classList.toggle('audio-only', !!remoteVideoOff); // the last frame, dimmed: not live
        if (!videoOff) {
          mediaNote.hidden = !remoteVideoOff;
          mediaNote.dataset.media = remoteVideoOff ? 'remote-audio-only' : 'video';
          mediaNote.textContent = remoteNote();
          if (remoteVideoOff) announce(mediaNote.textContent);
        }
        break;
      case 'stats': showQuality(remoteQuality.dd, m); break;
      case 'error':
        if (QUIET_ERRORS.has(m.code)) { debug('refused', m.code); break; }
        errors.hidden = false; errors.replaceChildren(h('div', { class: 'error-summary', role: 'alert' }, `${m.code}: ${m.detail || ''}`));
        break;
      case 'closed':
        setStatus(t('callClosed', { r: m.reason }), 'closed');
        stop();
        local.srcObject = null; remote.srcObject = null;
        hangUp.hidden = true; videoToggle.hidden = true; admit.hidden = true; mediaNote.hidden = true;
        status.after(h('p', { class: 'call-outcome' }, h('a', { class: 'button', href: isPhysician ? `#/pconsult/${id}` : `#/consult/${id}` }, t('summaryLink'))));
        break;
      default: break;
    }
  }

  // a description or candidate for a peer connection of ours that was replaced meanwhile is dropped
  function forOurPeer(m) {
    if (!m.to || m.to === pcId) return true;
    debug(`${m.type} for an earlier peer connection`);
    return false;
  }

  function showQuality(dd, s) {
    const r = rate(s);
    dd.dataset.rating = r;
    dd.dataset.width = s.width || 0; dd.dataset.height = s.height || 0; dd.dataset.fps = s.frameRate || 0;
    dd.replaceChildren(h('span', { class: `badge rating ${r}` }, t('rating_' + r)),
      ` ${s.width || 0}×${s.height || 0} · ${s.frameRate || 0} fps · ${s.bitrateKbps ?? '–'} kbps · `
      + `${t('loss')} ${s.packetLossPct || 0}% · RTT ${s.rttMs || 0} ms`);
  }

  // ---- every 3 s: the quality of what this side sends, to the server (stored; shown to the physician),
  // shown here, and fed to the audio-only policy
  function reportStats() { spawn('stats', tickStats()); }
  async function tickStats() {
    if (!pc || ended) return;
    // a watchdog besides the state events: a call shown as up whose connection is not is reconnecting
    const st = status.dataset.call;
    if ((st === 'connected' || st === 'resumed') && ['disconnected', 'failed'].includes(pc.connectionState)) mediaLost(0);
    const mine = pc;
    const report = await mine.getStats();
    if (mine !== pc || ended) return;
    const cur = readStats(report);
    const now = performance.now();
    if (!cur.out) return;
    const s = sample(cur, last, now, lastAt);
    last = cur; lastAt = now;
    send({ type: 'stats', width: s.width, height: s.height, frameRate: s.frameRate, bitrateKbps: s.bitrateKbps,
      packetLossPct: s.packetLossPct, rttMs: s.rttMs });
    showQuality(ownQuality.dd, s);
    if (s.inboundPackets === 0) {
      // nothing at all came from the other side for a whole sample: the media path is down (the ICE
      // restart will follow), not too poor for video; the policy starts over once packets flow again,
      // else the outage and the ramp-up after it look like video that cannot be sustained
      mediaWasLost = true;
      policy.reset(now);
      return;
    }
    if (!videoOff && pc.connectionState === 'connected' && policy.observe(s, now)) await setVideoSending(false, 'poor-connection');
  }

}
