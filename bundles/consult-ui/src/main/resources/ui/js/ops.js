// Operations (INTEGRATION_ADMIN, AUDITOR): installed specialties and bundles, health checks, HL7 channels,
// and deliveries (GET /api/deliveries/operations?from&to: counts by state, order-to-door times, failed
// attempts, refusals by reason, cold-chain alarms; the last 30 days unless another period is chosen).
import { api } from './api.js';
import { t, loc, fmtDateTime } from './i18n.js';
import { h, page, field, showError, busy } from './ui.js';
import { today } from './rx-format.js';
import { STEPS, EXCEPTIONS, REFUSAL_REASONS, reasonText, minutesText, short } from './delivery-format.js';

const th = (x) => h('th', { scope: 'col' }, x);
// rowAttrs(i) gives the attributes of the i-th row (e.g. data-* for tests and styling)
const table = (cls, heads, rows, rowAttrs = () => ({})) => h('div', { class: 'table-wrap' },
  h('table', { class: cls }, h('thead', {}, h('tr', {}, heads.map(th))),
    h('tbody', {}, rows.map((cells, i) => h('tr', rowAttrs(i), cells.map((c) => h('td', {}, c)))))));
const section = (id, title, ...content) => h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...content);

export async function operations(main) {
  const [specialties, bundles, health, channels, deliveries] = await Promise.all([
    api('/specialties'),
    api('/platform/bundles').catch(() => null),
    api('/health').catch((e) => e.problem),
    api('/hl7/channels').catch(() => null),
    deliverySection()]);
  const specialtyRows = specialties.map((s) => [s.id, loc(s.name), 'v' + s.questionnaireVersion]);
  const bundleRows = (bundles || []).map((b) => [b.symbolicName, b.version, b.state]);
  const healthRows = Object.entries(health?.checks || {}).map(([k, v]) => [k, v.status, v.detail || '']);
  const channelRows = (channels || []).map((c) => [
    c.name, c.direction, `${c.port ?? c.host ?? ''}`, c.state,
    Object.entries(c.counts || {}).map(([k, v]) => `${k}: ${v}`).join(', ') || '0',
    c.metrics ? `${c.metrics.ackLatencyP50Ms} / ${c.metrics.ackLatencyP99Ms}` : '',
    `${c.metrics?.processingBacklog ?? ''}`]);
  page(main, t('opsTitle'),
    section('o-s', t('installedSpecialties'), table('specialties', ['id', t('name'), t('questionnaire')], specialtyRows)),
    section('o-b', t('installedBundles'), bundles
      ? table('bundles', [t('symbolicName'), t('version'), t('status')], bundleRows,
        (i) => ({ 'data-bundle': bundles[i].symbolicName, 'data-state': bundles[i].state }))
      : h('p', { class: 'muted' }, t('bundlesUnavailable'))),
    section('o-h', `${t('health')}: ${health?.status || '?'}`, table('health', [t('name'), t('status'), ''], healthRows)),
    section('o-c', t('hl7Channels'), channels
      ? table('channels', [t('name'), t('direction'), t('port'), t('status'), t('counts'), 'ACK p50 / p99 ms', 'backlog'], channelRows)
      : h('p', { class: 'muted' }, t('hl7Unavailable'))),
    deliveries);
}

const daysBefore = (day, n) => new Date(Date.parse(day + 'T00:00:00Z') - n * 86400000).toISOString().slice(0, 10);

/** The deliveries block: a period (from, to: days, the last 30 by default) and its figures; redrawn in place. */
async function deliverySection() {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const out = h('div', { class: 'ops-dl-figures' });
  const from = h('input', { type: 'date', name: 'from', value: daysBefore(today(), 30), max: today(), dataset: { testid: 'ops-dl-from' } });
  const to = h('input', { type: 'date', name: 'to', value: today(), max: today(), dataset: { testid: 'ops-dl-to' } });
  const show = h('button', { type: 'submit', class: 'secondary', dataset: { testid: 'ops-dl-show' } }, t('rxShow'));
  const draw = async () => {
    const done = busy(show, t('loading'));
    try {
      const r = await api(`/deliveries/operations?from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}`);
      errors.hidden = true;
      out.replaceChildren(...deliveryFigures(r));
      return true;
    } catch (e) {
      if (e.status === 404) return false;
      showError(errors, e, fields);
      return true;
    } finally { done(); }
  };
  const form = h('form', { class: 'rx-pair ops-period', novalidate: true, onsubmit: (ev) => { ev.preventDefault(); draw(); } },
    field(fields, 'from', t('opsDlFrom'), from), field(fields, 'to', t('opsDlTo'), to), h('div', { class: 'actions' }, show));
  const installed = await draw();
  return section('o-d', t('opsDeliveries'), installed
    ? [form, errors, out]
    : h('p', { class: 'muted', dataset: { testid: 'ops-dl-unavailable' } }, t('dlUnavailable')));
}

function deliveryFigures(r) {
  const byState = r.byState || {};
  const states = [...STEPS, ...EXCEPTIONS].filter((s) => byState[s] != null)
    .concat(Object.keys(byState).filter((s) => !STEPS.includes(s) && !EXCEPTIONS.includes(s)));
  const refused = r.refused || {};
  const reasons = [...REFUSAL_REASONS.filter((k) => refused[k] != null), ...Object.keys(refused).filter((k) => !REFUSAL_REASONS.includes(k))];
  const times = r.orderToDoorMinutes || {};
  const alarms = r.alarms || [];
  return [
    h('dl', { class: 'kv', dataset: { testid: 'ops-dl-summary' } },
      h('dt', {}, t('opsDlDelivered')), h('dd', { dataset: { testid: 'ops-dl-delivered' } }, String(r.delivered ?? 0)),
      h('dt', {}, t('opsDlOrderToDoor')), h('dd', { dataset: { testid: 'ops-dl-p50' } },
        t('opsDlPercentiles', { p50: minutesText(times.p50), p90: minutesText(times.p90), max: minutesText(times.max) })),
      h('dt', {}, t('opsDlFailed')), h('dd', { dataset: { testid: 'ops-dl-failed' } }, String(r.failedAttempts ?? 0))),
    h('h3', {}, t('opsDlByState')),
    states.length ? table('dl-states', [t('state'), t('opsDlCount')], states.map((s) => [t('dl_' + s) === 'dl_' + s ? s : t('dl_' + s), String(byState[s])]),
      (i) => ({ 'data-state': states[i] })) : h('p', { class: 'muted' }, t('none')),
    h('h3', {}, t('opsDlRefused')),
    reasons.length ? table('dl-refused', [t('dlRefusalReason'), t('opsDlCount')], reasons.map((k) => [reasonText(k), String(refused[k])]),
      (i) => ({ 'data-reason': reasons[i] })) : h('p', { class: 'muted' }, t('none')),
    h('h3', {}, `${t('opsDlAlarms')} (${alarms.length})`),
    alarms.length ? table('dl-alarms', [t('opsDlAlarmAt'), t('dlParcel'), t('opsDlReading'), '°C'],
      alarms.map((a) => [fmtDateTime(a.at), short(a.deliveryId), a.readingId || '', a.celsius == null ? '' : String(a.celsius)]),
      (i) => ({ 'data-testid': 'ops-dl-alarm', 'data-delivery': alarms[i].deliveryId }))
      : h('p', { class: 'muted' }, t('opsDlNoAlarms'))];
}
