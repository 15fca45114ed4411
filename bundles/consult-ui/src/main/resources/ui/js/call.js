// The video call: room token from the consultation bundle, signaling over /video/signal, WebRTC
// peer to peer (the physician makes the offers), 720p held with 'maintain-resolution', stats every 3 s.
import { api, session } from './api.js';
import { t } from './i18n.js';
import { h, page, showError, announce } from './ui.js';

export async function call(main, id, route) {
  const errors = h('div', { hidden: true });
  const status = h('p', { class: 'call-status', role: 'status' }, t('connecting'));
  const local = h('video', { autoplay: true, muted: true, playsinline: true, 'aria-label': t('localVideo') });
  const remote = h('video', { autoplay: true, playsinline: true, 'aria-label': t('remoteVideo') });
  const quality = h('p', { class: 'muted quality' });
  const isPhysician = session()?.roles.includes('PHYSICIAN');
  const admit = h('button', { type: 'button', hidden: true }, t('admitFromLobby'));
  const audioOnly = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, t('audioOnly'));
  const hangUp = h('button', { type: 'button', class: 'danger' }, t('hangUp'));
  page(main, t('callTitle'), errors, status, h('div', { class: 'video' }, remote, local),
    h('div', { class: 'actions' }, admit, audioOnly, hangUp), quality);

  let ws = null, pc = null, stream = null, statsTimer = null, pingTimer = null, ended = false;
  // data-call on the status: connecting, lobby, connected, paused, resumed, left, closed (for tests and styling)
  const setStatus = (text, state) => {
    status.textContent = text;
    if (state) status.dataset.call = state;
    announce(text);
  };
  let paused = false;
  const stop = () => {
    ended = true;
    clearInterval(statsTimer); clearInterval(pingTimer);
    try { ws?.close(1000); } catch (e) { /* closed */ }
    pc?.close();
    stream?.getTracks().forEach((tr) => tr.stop());
  };
  route.onLeave(stop);
  // read-only hook for the browser test (and for debugging from the console): the current peer connection
  window.__pediconsultCall = { id, get pc() { return pc; }, get ws() { return ws; }, local, remote, status };
  hangUp.addEventListener('click', () => { stop(); history.back(); });

  let token;
  try {
    token = await api(`/consultations/${encodeURIComponent(id)}/room-token`, { method: 'POST' });
    stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
  } catch (e) {
    if (e.problem) showError(errors, e); else setStatus(t('cameraError', { e: e.message }));
    return;
  }
  local.srcObject = stream;
  audioOnly.addEventListener('click', () => {
    const v = stream.getVideoTracks()[0];
    if (!v) return;
    v.enabled = !v.enabled;
    audioOnly.setAttribute('aria-pressed', String(!v.enabled));
  });

  const send = (m) => ws?.readyState === 1 && ws.send(JSON.stringify(m));
  const newPeer = (iceServers, policy) => {
    pc?.close();
    pc = new RTCPeerConnection({ iceServers: iceServers || [], iceTransportPolicy: policy || 'all' });
    stream.getTracks().forEach((tr) => pc.addTrack(tr, stream));
    for (const sender of pc.getSenders()) {
      if (sender.track?.kind === 'video') {
        const p = sender.getParameters();
        sender.setParameters({ ...p, degradationPreference: 'maintain-resolution' }).catch(() => {});
      }
    }
    pc.onicecandidate = (e) => e.candidate && send({ type: 'candidate', candidate: e.candidate.toJSON() });
    pc.ontrack = (e) => { remote.srcObject = e.streams[0]; };
    const mine = pc;
    pc.onconnectionstatechange = () => {
      if (mine !== pc || ended || mine.connectionState !== 'connected') return;
      if (paused) { paused = false; setStatus(t('consultResumed'), 'resumed'); } else setStatus(t('inCall'), 'connected');
    };
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'failed') {
        if (isPhysician) offer(true); else send({ type: 'restart' });
      }
    };
  };
  const offer = async (iceRestart = false) => {
    const o = await pc.createOffer({ iceRestart });
    await pc.setLocalDescription(o);
    send({ type: 'offer', sdp: pc.localDescription.sdp });
  };
  let ice = null;
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  ws = new WebSocket(`${proto}//${location.host}${token.signalingPath || '/video/signal'}`);
  ws.onopen = () => send({ type: 'auth', token: token.token, consultationId: id });
  ws.onclose = (e) => { if (!ended) setStatus(`${t('peerLeft')} (${e.code})`); };
  ws.onmessage = async (ev) => {
    const m = JSON.parse(ev.data);
    switch (m.type) {
      case 'welcome': {
        ice = { servers: m.iceServers || token.iceServers, policy: m.iceTransportPolicy || token.iceTransportPolicy };
        newPeer(ice.servers, ice.policy);
        const guardianWaiting = (m.peers || []).some((p) => p.role === 'GUARDIAN' && p.inLobby);
        if (!isPhysician) setStatus(m.admitted ? t('admitted') : t('lobby'));
        else {
          admit.hidden = !guardianWaiting;
          setStatus(guardianWaiting ? t('lobby') : t('connecting'));
          if ((m.peers || []).some((p) => p.role === 'GUARDIAN' && !p.inLobby)) offer();
        }
        pingTimer = setInterval(() => send({ type: 'ping' }), 25000);
        statsTimer = setInterval(reportStats, 3000);
        break;
      }
      case 'lobby': if (isPhysician) { admit.hidden = !m.waiting; setStatus(m.waiting ? t('lobby') : t('peerLeft')); } else setStatus(t('lobby')); break;
      case 'admitted': admit.hidden = true; setStatus(t('admitted')); break;
      case 'peer-joined': if (isPhysician) { if (paused) setStatus(t('consultResumed'), 'resumed'); newPeer(ice.servers, ice.policy); offer(); } break;
      case 'peer-left':
        // the guardian leaving pauses the consultation (after the server's short grace period)
        if (isPhysician && m.role === 'GUARDIAN') { paused = true; remote.srcObject = null; setStatus(t('consultPaused'), 'paused'); } else setStatus(t('peerLeft'), 'left');
        break;
      case 'offer': await pc.setRemoteDescription({ type: 'offer', sdp: m.sdp }); await pc.setLocalDescription(await pc.createAnswer()); send({ type: 'answer', sdp: pc.localDescription.sdp }); break;
      case 'answer': await pc.setRemoteDescription({ type: 'answer', sdp: m.sdp }); break;
      case 'candidate': try { await pc.addIceCandidate(m.candidate); } catch (e) { /* late candidate */ } break;
      case 'restart': if (isPhysician) offer(true); break;
      case 'stats': quality.textContent = `${t('quality')}: ${m.width}x${m.height} ${m.frameRate} fps, ${m.bitrateKbps} kbps, ${m.packetLossPct}% loss, ${m.rttMs} ms`; break;
      case 'error': errors.hidden = false; errors.replaceChildren(h('div', { class: 'error-summary', role: 'alert' }, `${m.code}: ${m.detail || ''}`)); break;
      case 'closed':
        setStatus(t('callClosed', { r: m.reason }), 'closed');
        stop();
        local.srcObject = null; remote.srcObject = null;
        hangUp.hidden = true; audioOnly.hidden = true; admit.hidden = true;
        status.after(h('p', { class: 'call-outcome' }, h('a', { class: 'button', href: isPhysician ? `#/pconsult/${id}` : `#/consult/${id}` }, t('summaryLink'))));
        break;
      default: break;
    }
  };
  admit.addEventListener('click', () => send({ type: 'admit' }));

  let last = null;
  async function reportStats() {
    if (!pc) return;
    const report = await pc.getStats();
    let out = null, inb = null, cand = null;
    report.forEach((s) => {
      if (s.type === 'outbound-rtp' && s.kind === 'video') out = s;
      if (s.type === 'inbound-rtp' && s.kind === 'video') inb = s;
      if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') cand = s;
    });
    if (!out) return;
    const now = performance.now();
    const kbps = last ? Math.round(((out.bytesSent - last.bytes) * 8) / (now - last.at)) : 0;
    last = { bytes: out.bytesSent, at: now };
    const lost = inb?.packetsLost || 0, recv = inb?.packetsReceived || 0;
    send({ type: 'stats', width: out.frameWidth || 0, height: out.frameHeight || 0, frameRate: out.framesPerSecond || 0,
      bitrateKbps: kbps, packetLossPct: recv + lost ? Math.round((lost * 1000) / (recv + lost)) / 10 : 0,
      rttMs: cand?.currentRoundTripTime != null ? Math.round(cand.currentRoundTripTime * 1000) : 0 });
  }
}
