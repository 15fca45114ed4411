// #/report (AUDITOR, INTEGRATION_ADMIN): the pilot evaluation report for the health commission.
// `GET /api/reports/pilot?from&to&lang` answers the sections the installed bundles contribute; this page knows
// none of them: it draws each section's figures as tiles, its charts as SVG (bar or line, drawn here, no CDN)
// and its tables, in the language of the UI. Each section downloads as CSV (`.../pilot/sections/{id}.csv`), the
// whole report as one PDF (`.../pilot.pdf`), both fetched with the token and saved from a Blob.
import { api } from './api.js';
import { lang } from './i18n.js';
import { h, page, field, showError, busy, announce } from './ui.js';

const TXT = {
  zh: {
    title: '试点评估报告', intro: '按统计期间汇总试点的问诊、安全事件、出行节省、视频质量、处方、配送、医保结算和 HL7 接口数据。报告不含个人信息。',
    from: '开始日期', to: '结束日期', show: '生成报告', pdf: '下载 PDF', csv: '下载 CSV', loading: '正在计算…',
    badPeriod: '请选择开始和结束日期，结束不早于开始。', pdfDone: 'PDF 已下载', csvDone: 'CSV 已下载',
    failed: '此部分无法计算', generated: '生成于 {t}，期间 {from} 至 {to}（{zone}）', noRows: '此期间无数据',
    thisYear: '今年', lastMonth: '上个月', notes: '说明', contents: '目录', chartOf: '图表：{t}',
    moreRows: '仅显示前 {n} 行，全部见 CSV',
  },
  en: {
    title: 'Pilot evaluation report', intro: 'The pilot\'s consultations, safety events, travel saved, call quality, prescriptions, deliveries, insurance claims and HL7 interfaces for a period. The report holds no personal data.',
    from: 'From', to: 'To', show: 'Compute report', pdf: 'Download PDF', csv: 'Download CSV', loading: 'Computing…',
    badPeriod: 'Choose a start and an end day; the end may not be before the start.', pdfDone: 'PDF downloaded', csvDone: 'CSV downloaded',
    failed: 'This section could not be computed', generated: 'Generated {t}, period {from} to {to} ({zone})', noRows: 'No data in this period',
    thisYear: 'This year', lastMonth: 'Last month', notes: 'Notes', contents: 'Contents', chartOf: 'Chart: {t}',
    moreRows: 'First {n} rows shown; the CSV has them all',
  },
};
const MAX_ROWS = 100;
const COLORS = ['#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4'];

function tr(key, vars = {}) {
  const s = TXT[lang()][key] ?? TXT.zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
}

const pad = (n) => String(n).padStart(2, '0');
const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
let period = null;

function unitText(unit) {
  const en = lang() === 'en';
  return { PERCENT: '%', SECONDS: en ? 's' : '秒', MINUTES: en ? 'min' : '分钟', HOURS: en ? 'h' : '小时', KM: 'km',
    MS: 'ms', YUAN: en ? 'CNY' : '元' }[unit] || '';
}

function num(v) {
  if (v == null) return '–';
  if (typeof v !== 'number') return String(v);
  return v.toLocaleString(lang() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
}

function valueWithUnit(v, unit) {
  if (v == null) return '–';
  if (unit === 'PERCENT') return `${num(v)}%`;
  const u = unitText(unit);
  return u ? `${num(v)} ${u}` : num(v);
}

export async function report(main) {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const out = h('div', { class: 'rp-out', 'aria-live': 'polite', 'aria-busy': 'false', dataset: { testid: 'report-out' } });
  const today = new Date();
  const p = period || { from: `${today.getFullYear()}-01-01`, to: ymd(today) };
  const from = h('input', { type: 'date', name: 'from', value: p.from, dataset: { testid: 'report-from' } });
  const to = h('input', { type: 'date', name: 'to', value: p.to, dataset: { testid: 'report-to' } });
  const show = h('button', { type: 'submit', dataset: { testid: 'report-show' } }, tr('show'));
  const pdf = h('button', { type: 'button', class: 'secondary', dataset: { testid: 'report-pdf' } }, tr('pdf'));
  const chosen = () => {
    if (!from.value || !to.value || from.value > to.value) {
      showError(errors, { problem: { title: tr('badPeriod'), errors: [{ field: from.value ? 'to' : 'from', detail: tr('badPeriod') }] } }, fields);
      return null;
    }
    return { from: from.value, to: to.value };
  };
  const q = (x) => `from=${encodeURIComponent(x.from)}&to=${encodeURIComponent(x.to)}&lang=${lang()}`;
  const draw = async () => {
    const x = chosen();
    if (!x) return;
    const done = busy(show, tr('loading'));
    out.setAttribute('aria-busy', 'true');
    try {
      const r = await api(`/reports/pilot?${q(x)}`);
      errors.hidden = true;
      period = x;
      out.replaceChildren(...render(r, x, q, errors));
    } catch (e) { showError(errors, e, fields); } finally { done(); out.setAttribute('aria-busy', 'false'); }
  };
  pdf.addEventListener('click', async () => {
    const x = chosen();
    if (!x) return;
    const done = busy(pdf, tr('loading'));
    try {
      saveBlob(await api(`/reports/pilot.pdf?${q(x)}`, { blob: true }), `pilot-report-${x.from}-${x.to}.pdf`);
      errors.hidden = true;
      announce(tr('pdfDone'));
    } catch (e) { showError(errors, e, fields); } finally { done(); }
  });
  const quick = (label, testid, range) => h('button', { type: 'button', class: 'secondary', dataset: { testid }, onclick: () => {
    const r = range();
    from.value = r.from;
    to.value = r.to;
    draw();
  } }, label);
  const lastMonth = () => {
    const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
    const last = new Date(today.getFullYear(), today.getMonth(), 0);
    return { from: ymd(first), to: ymd(last) };
  };
  const form = h('form', { class: 'rx-pair ops-period', novalidate: true, onsubmit: (ev) => { ev.preventDefault(); draw(); } },
    field(fields, 'from', tr('from'), from), field(fields, 'to', tr('to'), to),
    h('div', { class: 'actions' }, show, pdf,
      quick(tr('thisYear'), 'report-this-year', () => ({ from: `${today.getFullYear()}-01-01`, to: ymd(today) })),
      quick(tr('lastMonth'), 'report-last-month', lastMonth)));
  page(main, tr('title'), h('p', { class: 'muted' }, tr('intro')), h('section', { class: 'card' }, form, errors), out);
  await draw();
}

function render(r, x, q, errors) {
  const generated = new Date(r.generatedAt).toLocaleString(lang() === 'en' ? 'en' : 'zh-CN');
  const toc = h('nav', { class: 'card rp-toc', 'aria-label': tr('contents') }, h('h2', {}, tr('contents')),
    h('ol', {}, r.sections.map((s) => h('li', {}, h('a', { href: `#/report`, onclick: (ev) => {
      ev.preventDefault();
      document.getElementById(`rp-${s.id}`)?.scrollIntoView();
    } }, s.title)))));
  return [h('p', { class: 'muted', dataset: { testid: 'report-generated' } },
    tr('generated', { t: generated, from: r.from, to: r.to, zone: r.zone })), toc,
  ...r.sections.map((s) => section(s, x, q, errors))];
}

function section(s, x, q, errors) {
  const csv = h('button', { type: 'button', class: 'secondary', dataset: { testid: `report-csv-${s.id}` } }, tr('csv'));
  csv.addEventListener('click', async () => {
    const done = busy(csv, tr('loading'));
    try {
      saveBlob(await api(`/reports/pilot/sections/${encodeURIComponent(s.id)}.csv?${q(x)}`, { blob: true }), `pilot-${s.id}-${x.from}-${x.to}.csv`);
      announce(tr('csvDone'));
    } catch (e) { showError(errors, e); } finally { done(); }
  });
  const head = h('div', { class: 'rp-head' }, h('h2', { id: `rp-${s.id}-h` }, s.title), csv);
  if (s.error) {
    return h('section', { class: 'card rp-section', id: `rp-${s.id}`, 'aria-labelledby': `rp-${s.id}-h`, dataset: { testid: `report-section-${s.id}` } },
      head, h('p', { class: 'error', role: 'alert' }, `${tr('failed')}: ${s.error}`));
  }
  const figures = h('dl', { class: 'rp-figures' }, s.figures.map((f) => h('div', { class: 'rp-figure', dataset: { testid: `fig-${s.id}-${f.key}` } },
    h('dt', {}, f.label), h('dd', {}, valueWithUnit(f.value, f.unit)))));
  const charts = s.charts.map((c) => {
    const t = s.tables.find((tb) => tb.id === c.table);
    return t ? chart(c, t) : null;
  });
  const tables = s.tables.map((t) => table(t, s.id));
  const notes = s.notes.length ? h('div', { class: 'rp-notes' }, h('h3', {}, tr('notes')), h('ul', {}, s.notes.map((n) => h('li', {}, n)))) : null;
  return h('section', { class: 'card rp-section', id: `rp-${s.id}`, 'aria-labelledby': `rp-${s.id}-h`, dataset: { testid: `report-section-${s.id}` } },
    head, figures, h('div', { class: 'rp-charts' }, charts), tables, notes);
}

function table(t, sectionId) {
  const rows = t.rows.slice(0, MAX_ROWS);
  const numeric = t.columns.map((c) => c.unit !== 'TEXT');
  return h('div', { class: 'rp-table' },
    h('table', { dataset: { testid: `table-${sectionId}-${t.id}` } },
      h('caption', {}, t.title),
      h('thead', {}, h('tr', {}, t.columns.map((c, i) => h('th', { scope: 'col', class: numeric[i] ? 'num' : null },
        unitText(c.unit) ? `${c.label} (${unitText(c.unit)})` : c.label)))),
      h('tbody', {}, rows.length ? rows.map((r) => h('tr', {}, r.map((cell, i) => h('td', { class: numeric[i] ? 'num' : null }, num(cell)))))
        : h('tr', {}, h('td', { colspan: String(t.columns.length), class: 'muted' }, tr('noRows'))))),
    t.rows.length > MAX_ROWS ? h('p', { class: 'muted' }, tr('moreRows', { n: MAX_ROWS })) : null);
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text != null) el.textContent = text;
  return el;
}

function niceTop(max) {
  if (!(max > 0)) return 1;
  const m = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 2.5, 5, 10].map((k) => k * m).find((v) => v >= max);
}

/** A bar or line chart of a table: x = one column, one series per numeric column; the table stays its text alternative. */
export function chart(c, t) {
  const xi = t.columns.findIndex((col) => col.key === c.x);
  const si = c.series.map((k) => t.columns.findIndex((col) => col.key === k)).filter((i) => i >= 0);
  const rows = t.rows.slice(0, 36);
  const W = 640; const H = 240; const L = 48; const B = 36; const T = 12; const R = 8;
  const pw = W - L - R; const ph = H - T - B;
  const values = rows.flatMap((r) => si.map((i) => (typeof r[i] === 'number' ? r[i] : 0)));
  const top = niceTop(Math.max(0, ...values));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H + 22}`, role: 'img', class: 'rp-chart', 'aria-label': tr('chartOf', { t: c.title }) });
  svg.append(s('title', {}, c.title));
  for (let g = 0; g <= 4; g++) {
    const y = T + ph - (ph * g) / 4;
    svg.append(s('line', { x1: L, x2: W - R, y1: y, y2: y, stroke: '#d1d5db', 'stroke-width': 1 }));
    svg.append(s('text', { x: L - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#6b7280' }, num((top * g) / 4)));
  }
  const n = Math.max(1, rows.length);
  const slot = pw / n;
  const every = Math.max(1, Math.ceil(n / 12));
  rows.forEach((r, k) => {
    if (k % every === 0) {
      svg.append(s('text', { x: L + slot * k + slot / 2, y: T + ph + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#374151' }, String(r[xi] ?? '')));
    }
  });
  const y = (v) => T + ph - (top ? (v / top) * ph : 0);
  if (c.type === 'LINE') {
    si.forEach((i, k) => {
      const pts = rows.map((r, j) => (typeof r[i] === 'number' ? `${L + slot * j + slot / 2},${y(r[i])}` : null)).filter(Boolean);
      svg.append(s('polyline', { points: pts.join(' '), fill: 'none', stroke: COLORS[k % COLORS.length], 'stroke-width': 2 }));
      rows.forEach((r, j) => {
        if (typeof r[i] === 'number') {
          const dot = s('circle', { cx: L + slot * j + slot / 2, cy: y(r[i]), r: 3, fill: COLORS[k % COLORS.length] });
          dot.append(s('title', {}, `${r[xi]}: ${t.columns[i].label} ${num(r[i])}`));
          svg.append(dot);
        }
      });
    });
  } else {
    const bw = Math.max(1, (slot * 0.8) / Math.max(1, si.length));
    rows.forEach((r, j) => si.forEach((i, k) => {
      const v = typeof r[i] === 'number' ? r[i] : 0;
      const bar = s('rect', { x: L + slot * j + slot * 0.1 + bw * k, y: y(v), width: bw, height: T + ph - y(v), fill: COLORS[k % COLORS.length] });
      bar.append(s('title', {}, `${r[xi]}: ${t.columns[i].label} ${num(v)}`));
      svg.append(bar);
    }));
  }
  let lx = L;
  si.forEach((i, k) => {
    svg.append(s('rect', { x: lx, y: H + 8, width: 10, height: 10, fill: COLORS[k % COLORS.length] }));
    const label = t.columns[i].label;
    svg.append(s('text', { x: lx + 14, y: H + 17, 'font-size': 11, fill: '#111827' }, label));
    lx += 14 + label.length * (/[\u4e00-\u9fff]/.test(label) ? 12 : 6.5) + 16;
  });
  return h('figure', { class: 'rp-chart-box' }, h('figcaption', {}, c.title), svg);
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
