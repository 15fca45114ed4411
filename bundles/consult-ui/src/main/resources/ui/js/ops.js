// Operations (INTEGRATION_ADMIN): installed specialties and bundles, health checks, HL7 channels.
import { api } from './api.js';
import { t, loc } from './i18n.js';
import { h, page } from './ui.js';

const th = (x) => h('th', { scope: 'col' }, x);
// rowAttrs(i) gives the attributes of the i-th row (e.g. data-* for tests and styling)
const table = (cls, heads, rows, rowAttrs = () => ({})) => h('div', { class: 'table-wrap' },
  h('table', { class: cls }, h('thead', {}, h('tr', {}, heads.map(th))),
    h('tbody', {}, rows.map((cells, i) => h('tr', rowAttrs(i), cells.map((c) => h('td', {}, c)))))));
const section = (id, title, ...content) => h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...content);

export async function operations(main) {
  const [specialties, bundles, health, channels] = await Promise.all([
    api('/specialties'),
    api('/platform/bundles').catch(() => null),
    api('/health').catch((e) => e.problem),
    api('/hl7/channels').catch(() => null)]);
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
      : h('p', { class: 'muted' }, t('hl7Unavailable'))));
}
