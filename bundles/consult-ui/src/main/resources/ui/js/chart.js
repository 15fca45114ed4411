// Growth chart as inline SVG: the WHO reference curves (z = -3..+3) and the child's points.
import { h } from './ui.js';
import { t } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** data: GET /api/growth/chart answer; label: accessible name of the chart. */
export function growthChart(data, label) {
  const W = 640, H = 400, L = 48, R = 40, T = 14, B = 40;
  const curves = Object.entries(data.curves || {}).filter(([, pts]) => pts.length);
  const points = (data.points || []).filter((p) => p.x != null && p.value != null);
  const all = curves.flatMap(([, pts]) => pts).concat(points.map((p) => [p.x, p.value]));
  if (!all.length) return h('p', { class: 'muted' }, t('noMeasurements'));
  // zoom to the child's range (with margin) when there are points, else the whole reference
  let xs = points.length ? points.map((p) => p.x) : all.map((p) => p[0]);
  let x0 = Math.min(...xs), x1 = Math.max(...xs);
  const span = Math.max(x1 - x0, data.xAxis === 'ageDays' ? 365 : 10);
  x0 = Math.max(0, x0 - span * 0.3); x1 = x1 + span * 0.3;
  const inX = (p) => p[0] >= x0 && p[0] <= x1;
  const ys = curves.flatMap(([, pts]) => pts.filter(inX).map((p) => p[1])).concat(points.map((p) => p.value));
  let y0 = Math.min(...ys), y1 = Math.max(...ys);
  const pad = (y1 - y0) * 0.05 || 1; y0 -= pad; y1 += pad;
  const X = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const Y = (y) => H - B - ((y - y0) / (y1 - y0)) * (H - T - B);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label });
  svg.append(s('title', {}, label));
  // axes and ticks
  svg.append(s('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#333' }), s('line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#333' }));
  const months = data.xAxis === 'ageDays';
  for (let i = 0; i <= 5; i++) {
    const xv = x0 + ((x1 - x0) * i) / 5, yv = y0 + ((y1 - y0) * i) / 5;
    svg.append(s('text', { x: X(xv), y: H - B + 16, 'text-anchor': 'middle' }, months ? `${(xv / 30.4375).toFixed(0)}` : xv.toFixed(0)));
    svg.append(s('text', { x: L - 6, y: Y(yv) + 4, 'text-anchor': 'end' }, yv.toFixed(1)));
  }
  svg.append(s('text', { x: (L + W - R) / 2, y: H - 6, 'text-anchor': 'middle' }, months ? (t('age') + ' (m)') : 'cm'));
  svg.append(s('text', { x: L + 6, y: T + 10 }, data.unit || ''));
  for (const [z, pts] of curves) {
    const vis = pts.filter(inX);
    if (!vis.length) continue;
    const az = Math.abs(Number(z));
    svg.append(s('polyline', { class: `curve z${az}`, 'data-z': z, points: vis.map((p) => `${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join(' ') }));
    const last = vis[vis.length - 1];
    svg.append(s('text', { x: X(last[0]) + 3, y: Y(last[1]) + 4 }, `${Number(z) > 0 ? '+' : ''}${z}`));
  }
  if (points.length > 1) svg.append(s('polyline', { class: 'line', points: points.map((p) => `${X(p.x)},${Y(p.value)}`).join(' ') }));
  for (const p of points) {
    const c = s('circle', { class: 'child', cx: X(p.x), cy: Y(p.value), r: 5 });
    c.append(s('title', {}, `${p.date}: ${p.value} ${data.unit || ''}${p.z != null ? ` (z ${p.z.toFixed(2)}, P${p.percentile?.toFixed(1)})` : ''}`));
    svg.append(c);
  }
  const table = h('table', { class: 'chart-points' }, h('caption', { class: 'visually-hidden' }, label),
    h('thead', {}, h('tr', {}, h('th', {}, 'date'), h('th', {}, data.unit || ''), h('th', {}, 'z'), h('th', {}, 'P'))),
    h('tbody', {}, points.map((p) => h('tr', {}, h('td', {}, p.date), h('td', {}, p.value), h('td', {}, p.z?.toFixed(2) ?? '–'), h('td', {}, p.percentile?.toFixed(1) ?? '–')))));
  const wrap = h('div', { class: 'chart' });
  wrap.append(svg, h('div', { class: 'table-wrap' }, table));
  return wrap;
}
