// #/billing (BILLING; AUDITOR reads): insurance claims by state and their reconciliation.
// Claims: `GET /api/claims` (all, newest first) or `?state=` for one tab; each card shows the consultation, the
// specialty, the payer, claimed / self-pay / paid, the state, the reasons a claim is not claimable (INELIGIBLE)
// or the insurer's reasons (REJECTED) on top, and the lines. "提交医保" submits a QUALIFIED claim
// (`POST /api/claims/{id}/submission`; a submitted claim is never sent twice: it waits for the insurer); "重新申报" makes a REJECTED
// claim's next version (`POST .../resubmission` -> 201 the new version, QUALIFIED or INELIGIBLE), once: a rejected
// claim that already has a newer version says which. Reconciliation: a period (this month by default),
// `GET /api/claims/reconciliation?from&to` per institution x specialty with totals, and the same as CSV
// (`.../reconciliation.csv`, fetched with the token and saved from a Blob: a plain link would carry no token).
import { api, session } from './api.js';
import { t, loc, fmtDate, fmtDateTime } from './i18n.js';
import { h, page, field, showError, busy, announce } from './ui.js';
import { today } from './rx-format.js';
import { CLAIM_STATES, claimBadge, reasonList, linesTable, amounts, money, short, hasUnpricedDrug } from './claim-format.js';

const TABS = ['ALL', ...CLAIM_STATES.filter((s) => s !== 'DRAFT')];
/** What the last action did, shown once above the list after it is redrawn. */
let flash = null;
/** The reconciliation period last shown (kept when the page redraws after an action). */
let period = null;

const byNewest = (a, b) => (b.createdAt || '').localeCompare(a.createdAt || '') || (b.version || 0) - (a.version || 0);

/** The tabs: every claim, then one per state. */
function tabs(current) {
  return h('nav', { class: 'tabs', 'aria-label': t('clStates') }, TABS.map((s) =>
    h('a', { href: s === 'ALL' ? '#/billing' : `#/billing?state=${s}`, 'aria-current': s === current ? 'page' : null,
      dataset: { testid: 'billing-tab-' + s } }, s === 'ALL' ? t('clAll') : t('cl_' + s))));
}

export async function claims(main, params) {
  const state = TABS.includes(params.get('state')) ? params.get('state') : 'ALL';
  const canAct = !!session()?.roles.includes('BILLING');
  const reload = () => claims(main, params);
  const [list, specialties] = await Promise.all([
    api(state === 'ALL' ? '/claims' : `/claims?state=${encodeURIComponent(state)}`),
    api('/specialties').catch(() => [])]);
  const names = Object.fromEntries((specialties || []).map((s) => [s.id, s.name]));
  const sorted = [...(list || [])].sort(byNewest);
  const successors = await successorsOf(sorted, state);
  const shown = flash;
  flash = null;
  const flashEl = shown ? flashBox(shown) : null;
  page(main, t('billingTitle'), tabs(state), flashEl,
    h('section', { 'aria-labelledby': 'cl-list-h', dataset: { testid: 'billing-list', state } },
      h('h2', { id: 'cl-list-h' }, `${state === 'ALL' ? t('clAll') : t('cl_' + state)} (${sorted.length})`),
      sorted.length ? h('ul', { class: 'plain cl-list' }, sorted.map((k) => card(k, { names, successor: successors.get(k.id), canAct, reload })))
        : h('p', { class: 'muted', dataset: { testid: 'billing-empty' } }, t('clNone'))),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', dataset: { testid: 'billing-refresh' }, onclick: reload }, t('refresh'))),
    await reconciliation(names));
  if (flashEl) flashEl.focus();
}

/**
 * The newer version of each REJECTED claim (it was resubmitted): found in the list itself on the "all" tab,
 * else read per consultation (`GET /api/consultations/{id}/claims`); unreadable ones just stay unknown.
 */
async function successorsOf(list, state) {
  const next = new Map();
  const note = (versions) => versions.forEach((k) => { if (k.previousId) next.set(k.previousId, k); });
  if (state === 'ALL') { note(list); return next; }
  const rejected = [...new Set(list.filter((k) => k.state === 'REJECTED').map((k) => k.consultationId).filter(Boolean))];
  const all = await Promise.all(rejected.map((id) => api(`/consultations/${encodeURIComponent(id)}/claims`).catch(() => [])));
  all.forEach((versions) => note(versions || []));
  return next;
}

function flashBox(f) {
  const k = f.claim;
  return h('div', { class: 'card cl-flash', role: 'status', tabindex: '-1',
    dataset: { testid: 'billing-flash', action: f.action, claim: k.id, state: k.state, previous: f.previous || '' } },
  h('p', {}, f.action === 'resubmitted' ? t('clResubmittedAs', { v: k.version }) : t('clSubmittedDone', { v: k.version }), ' ', claimBadge(k.state)),
  h('p', {}, h('a', { href: `#/billing?state=${k.state}`, dataset: { testid: 'billing-flash-open' } }, t('clShowState', { s: t('cl_' + k.state) }))));
}

const kv = (k, v, attrs = {}) => (v ? [h('dt', {}, k), h('dd', attrs, v)] : null);

/** One claim version: what it is, the amounts, why it is stuck (prominent), the lines, what can be done. */
function card(k, { names, successor, canAct, reload }) {
  const errors = h('div', { hidden: true });
  const specialty = loc(names[k.specialtyId]) || k.specialtyId || '';
  const cov = k.coverage || {};
  const open = ['QUALIFIED', 'INELIGIBLE', 'REJECTED'].includes(k.state);
  return h('li', { class: 'card cl-card', dataset: { testid: 'claim-card', claim: k.id, state: k.state, version: String(k.version ?? ''),
    previous: k.previousId || '', consultation: k.consultationId || '' } },
  h('h3', {}, `${specialty} · ${t('clConsultation')} ${short(k.consultationId)} · ${t('clVersion', { v: k.version ?? '?' })} `, claimBadge(k.state)),
  errors,
  k.state === 'REJECTED' ? h('div', { class: 'alert cl-why cl-rejected', role: 'note', dataset: { testid: 'claim-insurer-box' } },
    h('h4', {}, t('clInsurerReasons')),
    reasonList(k.insurerReasons, { testid: 'claim-insurer-reasons', englishKey: 'clInsurerInEnglish' }) || h('p', {}, t('clNoReasonGiven'))) : null,
  k.state === 'INELIGIBLE' ? h('div', { class: 'alert IN_PERSON cl-why', role: 'note', dataset: { testid: 'claim-reasons-box' } },
    h('h4', {}, t('clReasons')),
    reasonList(k.reasons, { testid: 'claim-reasons' }) || h('p', {}, t('clNoReasonGiven'))) : null,
  hasUnpricedDrug(k) ? h('div', { class: 'alert cl-why cl-unpriced', role: 'note', dataset: { testid: 'claim-unpriced-box' } },
    h('p', {}, t('clDrugUnpricedAlert'))) : null,
  // a claimable claim may still carry reasons (e.g. a part self-pay, to be reimbursed later)
  k.state !== 'INELIGIBLE' && k.reasons?.length ? h('div', { class: 'cl-notes' }, h('h4', {}, t('clNotes')), reasonList(k.reasons, { testid: 'claim-reasons' })) : null,
  amounts(k, 'claim'),
  h('dl', { class: 'kv cl-facts' },
    kv(t('clConsultation'), k.consultationId, { class: 'cl-code', dataset: { testid: 'claim-consultation' } }),
    kv(t('clClaimId'), k.id, { class: 'cl-code' }),
    kv(t('clInstitution'), k.institution),
    kv(t('clPayer'), [k.payer || cov.payer, cov.plan].filter(Boolean).join(' · ')),
    kv(t('clRegion'), cov.region),
    kv(t('clRuleSet'), k.ruleSetVersion),
    kv(t('clPrevious'), k.previousId ? short(k.previousId) : ''),
    kv(t('clCreatedAt'), fmtDateTime(k.createdAt)),
    kv(t('clSubmittedAt'), fmtDateTime(k.submittedAt)),
    kv(t('clAnsweredAt'), fmtDateTime(k.answeredAt)),
    kv(t('clAdjudicatedAt'), fmtDateTime(k.adjudicatedAt))),
  h('details', { class: 'cl-more', open }, h('summary', {}, t('clLinesN', { n: (k.lines || []).length })),
    linesTable(k.lines, { paid: ['ADJUDICATED', 'RECONCILED'].includes(k.state) })),
  successor ? h('p', { class: 'cl-successor', dataset: { testid: 'claim-successor', claim: successor.id, state: successor.state } },
    t('clResubmittedAs', { v: successor.version }), ' ', claimBadge(successor.state)) : null,
  canAct ? actions(k, successor, errors, reload) : null);
}

function actions(k, successor, errors, reload) {
  const act = (label, testid, path, action, cls) => {
    const b = h('button', { type: 'button', class: cls, dataset: { testid } }, label);
    b.addEventListener('click', async () => {
      const done = busy(b, t('submitting'));
      let r;
      try {
        r = await api(`/claims/${encodeURIComponent(k.id)}/${path}`, { method: 'POST', body: {} });
      } catch (e) { done(); showError(errors, e); return; }
      flash = { action, claim: r || k, previous: action === 'resubmitted' ? k.id : null };
      announce(action === 'resubmitted' ? t('clResubmittedAs', { v: r?.version ?? '' }) : t('clSubmittedDone', { v: k.version }));
      await reload();
    });
    return b;
  };
  const buttons = [];
  if (k.state === 'QUALIFIED') buttons.push(act(t('clSubmit'), 'claim-submit', 'submission', 'submitted'));
  // no answer yet: sending again is safe (the lines' transaction ids make it idempotent)
  if (k.state === 'REJECTED' && !successor) buttons.push(act(t('clResubmit'), 'claim-resubmit', 'resubmission', 'resubmitted'));
  return buttons.length ? h('div', { class: 'actions' }, buttons) : null;
}

// ---- reconciliation

const monthStart = (day) => day.slice(0, 8) + '01';
/** The last month's first and last day, from a day (YYYY-MM-DD). */
function lastMonth(day) {
  const [y, m] = day.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  return { from: monthStart(end), to: end };
}
const query = (p) => `from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;

/** The reconciliation block: a period (this month by default), the table, and the CSV export; redrawn in place. */
async function reconciliation(names) {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const out = h('div', { class: 'cl-recon-out', 'aria-live': 'polite' });
  const p = period || { from: monthStart(today()), to: today() };
  const from = h('input', { type: 'date', name: 'from', value: p.from, max: today(), dataset: { testid: 'recon-from' } });
  const to = h('input', { type: 'date', name: 'to', value: p.to, max: today(), dataset: { testid: 'recon-to' } });
  const show = h('button', { type: 'submit', class: 'secondary', dataset: { testid: 'recon-show' } }, t('rxShow'));
  const csv = h('button', { type: 'button', dataset: { testid: 'recon-csv' } }, t('reconCsv'));
  const chosen = () => {
    if (!from.value || !to.value || from.value > to.value) {
      showError(errors, { problem: { title: t('errorTitle'), errors: [{ field: from.value ? 'to' : 'from', detail: t('reconBadPeriod') }] } }, fields);
      return null;
    }
    return { from: from.value, to: to.value };
  };
  const draw = async () => {
    const q = chosen();
    if (!q) return;
    const done = busy(show, t('loading'));
    try {
      const r = await api(`/claims/reconciliation?${query(q)}`);
      errors.hidden = true;
      period = q;
      out.replaceChildren(...reconTable(r, names));
    } catch (e) { showError(errors, e, fields); } finally { done(); }
  };
  const quick = (label, testid, range) => h('button', { type: 'button', class: 'secondary', dataset: { testid }, onclick: () => {
    const r = range();
    from.value = r.from;
    to.value = r.to;
    draw();
  } }, label);
  csv.addEventListener('click', async () => {
    const q = chosen();
    if (!q) return;
    const done = busy(csv, t('loading'));
    try {
      const blob = await api(`/claims/reconciliation.csv?${query(q)}`, { blob: true });
      saveBlob(blob, `claims-reconciliation-${q.from}-${q.to}.csv`);
      errors.hidden = true;
      announce(t('reconCsvDone'));
    } catch (e) { showError(errors, e, fields); } finally { done(); }
  });
  const form = h('form', { class: 'rx-pair ops-period cl-period', novalidate: true, onsubmit: (ev) => { ev.preventDefault(); draw(); } },
    field(fields, 'from', t('opsDlFrom'), from), field(fields, 'to', t('opsDlTo'), to),
    h('div', { class: 'actions' }, show,
      quick(t('reconThisMonth'), 'recon-this-month', () => ({ from: monthStart(today()), to: today() })),
      quick(t('reconLastMonth'), 'recon-last-month', () => lastMonth(today()))));
  const sec = h('section', { class: 'card cl-recon', 'aria-labelledby': 'cl-recon-h', dataset: { testid: 'recon' } },
    h('h2', { id: 'cl-recon-h' }, t('reconTitle')), h('p', { class: 'muted' }, t('reconIntro')),
    form, errors, out, h('div', { class: 'actions' }, csv));
  await draw();
  return sec;
}

/** Saves a Blob as a file: a temporary object URL behind a download link, clicked once. */
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

const COLS = ['claims', 'claimed', 'accepted', 'paid', 'outstanding'];
const cell = (col, v) => (col === 'claims' ? String(v ?? 0) : money(v));

function reconTable(r, names) {
  const rows = r?.rows || [];
  const caption = h('p', { class: 'muted', dataset: { testid: 'recon-period' } }, t('reconPeriod', { from: fmtDate(r?.from), to: fmtDate(r?.to) }));
  if (!rows.length) return [caption, h('p', { class: 'muted', dataset: { testid: 'recon-empty' } }, t('reconNone'))];
  const heads = [t('clInstitution'), t('specialty'), t('reconClaims'), t('reconClaimed'), t('reconAccepted'), t('reconPaid'), t('reconOutstanding')];
  const totals = r.totals;
  return [caption, h('div', { class: 'table-wrap' }, h('table', { class: 'cl-recon-table', dataset: { testid: 'recon-table' } },
    h('thead', {}, h('tr', {}, heads.map((x, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : null }, x)))),
    h('tbody', {}, rows.map((x) => h('tr', { dataset: { testid: 'recon-row', institution: x.institution || '', specialty: x.specialtyId || '', claims: String(x.claims ?? 0) } },
      h('td', {}, x.institution || '—'), h('td', {}, loc(names[x.specialtyId]) || x.specialtyId || '—'),
      COLS.map((c) => h('td', { class: 'num' + (c === 'outstanding' && Number(x[c]) > 0 ? ' cl-owed' : '') }, cell(c, x[c])))))),
    totals ? h('tfoot', {}, h('tr', { dataset: { testid: 'recon-totals', claims: String(totals.claims ?? 0), outstanding: String(totals.outstanding ?? '') } },
      h('th', { scope: 'row', colspan: '2' }, t('reconTotal')),
      COLS.map((c) => h('td', { class: 'num' }, h('strong', {}, cell(c, totals[c])))))) : null))];
}
