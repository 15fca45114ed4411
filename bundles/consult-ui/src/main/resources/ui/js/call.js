// The video call: room token from the consultation bundle, signaling over /video/signal, WebRTC
// peer to peer (the physician makes the offers), 720p held with 'maintain-resolution', stats every 3 s.
// Resilience: a lost signaling socket is reopened with a fresh room token (the peer connection is kept
// and ICE restarted); a lost media path (network change) gets ICE restarts with fresh TURN credentials
// until it is back; video that cannot be sustained falls back to audio only (quality.js's policy).
import { api, session } from './api.js';
import { t } from './i18n.js';
import { h, page, showError, announce } from './ui.js';
import { readStats, sample, rate, fallbackPolicy } from './quality.js';

const STATS_MS = 3000;
const ICE_GRACE_MS = 2000;
const ICE_RETRY_MS = 5000;
// the server pauses the consultation 1.5 s after the guardian's socket closed unless she is back: the
// physician's page says "paused" a little later, so a guardian whose socket is reopened at once never shows as gone
const PAUSE_SHOWN_AFTER_MS = 3000;

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

  let ws = null, pc = null, stream = null, remoteStream = null, ice = null, ended = false, paused = false;
  let statsTimer = null, pingTimer = null, reconnectTimer = null, iceTimer = null, leftTimer = null;
  let socketAttempts = 0, iceRestarts = 0, videoOff = null, remoteVideoOff = null;
  const policy = fallbackPolicy();
  // data-call on the status: connecting, lobby, connected, reconnecting, paused, resumed, left, closed, refused
  const setStatus = (text, state) => {
    status.textContent = text;
    if (state) status.dataset.call = state;
    announce(text);
  };
  const onNetworkChange = () => { if (pc && !ended) restartIce(); };
  const stop = () => {
    ended = true;
    clearInterval(statsTimer); clearInterval(pingTimer); clearTimeout(reconnectTimer); clearTimeout(iceTimer); clearTimeout(leftTimer);
    window.removeEventListener('online', onNetworkChange);
    navigator.connection?.removeEventListener?.('change', onNetworkChange);
    try { ws?.close(1000); } catch (e) { /* closed */ }
    pc?.close();
    stream?.getTracks().forEach((tr) => tr.stop());
  };
  route.onLeave(stop);
  // read-only hook for the browser tests (and for debugging from the console)
  window.__pediconsultCall = {
    id, local, remote, status,
    get pc() { return pc; }, get ws() { return ws; }, get iceRestarts() { return iceRestarts; },
    get videoOff() { return videoOff; }, get remoteVideoOff() { return remoteVideoOff; },
  };
  hangUp.addEventListener('click', () => { stop(); history.back(); });
  admit.addEventListener('click', () => send({ type: 'admit' }));
  videoToggle.addEventListener('click', () => setVideoSending(!!videoOff, videoOff ? 'retry' : 'user'));
  window.addEventListener('online', onNetworkChange);
  navigator.connection?.addEventListener?.('change', onNetworkChange);

  const roomToken = () => api(`/consultations/${encodeURIComponent(id)}/room-token`, { method: 'POST' });
  const send = (m) => ws?.readyState === 1 && ws.send(JSON.stringify(m));
  const live = () => pc && pc.connectionState !== 'closed' && !!pc.remoteDescription;
  // a peer connection that never negotiated can serve a new negotiation (no second one built for nothing)
  const fresh = () => pc && pc.connectionState !== 'closed' && !pc.localDescription && !pc.remoteDescription;

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
    sock.onmessage = (ev) => { if (sock === ws && !ended) onMessage(JSON.parse(ev.data)); };
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

  // ---- the peer connection
  function newPeer() {
    pc?.close();
    pc = new RTCPeerConnection({ iceServers: ice.servers || [], iceTransportPolicy: ice.policy || 'all' });
    const mine = pc;
    stream.getTracks().forEach((tr) => mine.addTrack(tr, stream));
    for (const sender of mine.getSenders()) {
      if (sender.track?.kind === 'video') {
        const p = sender.getParameters();
        sender.setParameters({ ...p, degradationPreference: 'maintain-resolution' }).catch(() => {});
      }
    }
    mine.onicecandidate = (e) => e.candidate && mine === pc && send({ type: 'candidate', candidate: e.candidate.toJSON() });
    mine.ontrack = (e) => { if (mine === pc) { remoteStream = e.streams[0]; remote.srcObject = remoteStream; } };
    mine.onconnectionstatechange = () => {
      if (mine !== pc || ended) return;
      if (mine.connectionState === 'disconnected' || mine.connectionState === 'failed') {
        mediaLost(mine.connectionState === 'failed' ? 0 : ICE_GRACE_MS);
        return;
      }
      if (mine.connectionState !== 'connected') return;
      clearTimeout(iceTimer); iceTimer = null;
      if (videoOff) applyVideoSending(false);
      if (paused) { paused = false; setStatus(t('consultResumed'), 'resumed'); } else setStatus(t('inCall'), 'connected');
    };
    mine.oniceconnectionstatechange = () => {
      if (mine !== pc || ended) return;
      const st = mine.iceConnectionState;
      if (st === 'disconnected' || st === 'failed') {
        mediaLost(st === 'failed' ? 0 : ICE_GRACE_MS);
      } else if (st === 'connected' || st === 'completed') {
        clearTimeout(iceTimer); iceTimer = null;
        if (status.dataset.call === 'reconnecting' && mine.connectionState === 'connected') setStatus(t('inCall'), 'connected');
      }
    };
    return mine;
  }
  async function offer(iceRestart = false) {
    const mine = pc;
    if (iceRestart && mine.signalingState === 'have-local-offer') await mine.setLocalDescription({ type: 'rollback' });
    const o = await mine.createOffer({ iceRestart });
    if (mine !== pc) return;
    await mine.setLocalDescription(o);
    send({ type: 'offer', sdp: mine.localDescription.sdp });
  }
  function mediaLost(delay) {
    if (!paused) setStatus(t('reconnecting'), 'reconnecting');
    scheduleIceRestart(delay);
  }
  // ICE restart: while the media path is down, try again every few seconds (fresh TURN credentials each
  // time); the physician offers, the guardian asks the physician to
  function scheduleIceRestart(delay) {
    if (iceTimer || ended) return;
    iceTimer = setTimeout(async () => {
      iceTimer = null;
      const st = pc?.iceConnectionState;
      if (ended || !pc || st === 'connected' || st === 'completed') return;
      await restartIce();
      scheduleIceRestart(ICE_RETRY_MS);
    }, delay);
  }
  async function restartIce() {
    if (!pc || ended) return;
    iceRestarts += 1;
    try {
      const tok = await roomToken();
      if (tok.iceServers) {
        ice.servers = tok.iceServers;
        pc.setConfiguration({ ...pc.getConfiguration(), iceServers: tok.iceServers });
      }
    } catch (e) { /* the server is unreachable too: restart with the credentials we have */ }
    if (isPhysician) await offer(true).catch(() => {}); else send({ type: 'restart' });
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
        const resumed = live();
        if (resumed) {
          pc.setConfiguration({ ...pc.getConfiguration(), iceServers: ice.servers });
          if (pc.connectionState === 'connected') setStatus(t('inCall'), 'connected');
        } else newPeer();
        const guardianWaiting = (m.peers || []).some((p) => p.role === 'GUARDIAN' && p.inLobby);
        const guardianIn = (m.peers || []).some((p) => p.role === 'GUARDIAN' && !p.inLobby);
        if (!isPhysician) {
          if (!resumed) setStatus(m.admitted ? t('admitted') : t('lobby'), m.admitted ? 'admitted' : 'lobby');
        } else {
          admit.hidden = !guardianWaiting;
          if (!resumed) setStatus(guardianWaiting ? t('lobby') : t('connecting'), guardianWaiting ? 'lobby' : 'connecting');
          if (guardianIn) offer(resumed);
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
        // on ours; otherwise it is a new page, so a new negotiation
        if (isPhysician) {
          clearTimeout(leftTimer); leftTimer = null;
          if (paused) setStatus(t('consultResumed'), 'resumed');
          if (m.resume && live()) { paused = false; remote.srcObject = remoteStream; offer(true); } else { if (!fresh()) newPeer(); offer(); }
        } else if ((!m.resume || !live()) && !fresh()) newPeer();
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
        if (!pc) break;
        await pc.setRemoteDescription({ type: 'offer', sdp: m.sdp });
        await pc.setLocalDescription(await pc.createAnswer());
        send({ type: 'answer', sdp: pc.localDescription.sdp });
        break;
      case 'answer': if (pc?.signalingState === 'have-local-offer') await pc.setRemoteDescription({ type: 'answer', sdp: m.sdp }); break;
      case 'candidate': try { await pc.addIceCandidate(m.candidate); } catch (e) { /* late candidate of an older negotiation */ } break;
      case 'restart': if (isPhysician && pc && !iceTimer) offer(true); break; // else our own restarts are under way
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
      case 'error': errors.hidden = false; errors.replaceChildren(h('div', { class: 'error-summary', role: 'alert' }, `${m.code}: ${m.detail || ''}`)); break;
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
  let last = null, lastAt = null;
  async function reportStats() {
    if (!pc || ended) return;
    // a watchdog besides the state events: a call shown as up whose connection is not is reconnecting
    const st = status.dataset.call;
    if ((st === 'connected' || st === 'resumed') && ['disconnected', 'failed'].includes(pc.connectionState)) mediaLost(0);
    const cur = readStats(await pc.getStats());
    const now = performance.now();
    if (!cur.out) return;
    const s = sample(cur, last, now, lastAt);
    last = cur; lastAt = now;
    send({ type: 'stats', width: s.width, height: s.height, frameRate: s.frameRate, bitrateKbps: s.bitrateKbps,
      packetLossPct: s.packetLossPct, rttMs: s.rttMs });
    showQuality(ownQuality.dd, s);
    if (!videoOff && pc.connectionState === 'connected' && policy.observe(s, now)) setVideoSending(false, 'poor-connection');
  }

}
