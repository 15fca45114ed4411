// Physician pages: the queue, and one consultation (assessment, history, growth chart, actions).
import { api } from './api.js';
import { t, loc, fmtDate, fmtDateTime } from './i18n.js';
import { h, page, showError, stateBadge, triageBadge, triageBox, busy, field, announce, referralText } from './ui.js';
import { growthChart } from './chart.js';
import { prescriptionSection } from './prescription.js';
import { allergySection } from './allergies.js';
import { physicianDeliveries } from './delivery.js';

const ACTIVE = ['SCHEDULED', 'WAITING', 'IN_PROGRESS', 'PAUSED'];
const childName = (c) => (c ? `${c.familyName}${c.givenName}` : '');

/**
 * The physician's queue: today's, the upcoming and the earlier consultations, each group a page from the
 * server (GET /api/consultations/queue) with the child's name and the triage level in its rows, so the
 * page costs three requests however full the queue is; "more" fetches the group's next page.
 */
const PAGE = 20;
export async function queue(main) {
  const groups = ['TODAY', 'UPCOMING', 'EARLIER'];
  const [specialties, ...pages] = await Promise.all([api('/specialties'),
    ...groups.map((g) => api(`/consultations/queue?group=${g}&limit=${PAGE}`))]);
  const names = Object.fromEntries(specialties.map((s) => [s.id, s.name]));
  const row = (c) => {
    const child = `${c.childFamilyName}${c.childGivenName}`;
    return h('tr', { dataset: { consultation: c.id, state: c.state } },
      h('td', {}, fmtDateTime(c.scheduledAt)), h('td', {}, child),
      h('td', {}, loc(names[c.specialtyId]) || c.specialtyId), h('td', {}, triageBadge(c.triageLevel ? { level: c.triageLevel } : null)),
      h('td', {}, stateBadge(c.state), c.state === 'WAITING' ? h('span', { class: 'muted' }, ' · ' + t('guardianPresent')) : null),
      h('td', {}, h('a', { href: `#/pconsult/${c.id}`, 'aria-label': `${t('open')}: ${child} ${fmtDateTime(c.scheduledAt)}` }, t('open'))));
  };
  const section = (group, first) => {
    const key = group.toLowerCase();
    const body = h('tbody', {}, first.items.map(row));
    let shown = first.items.length;
    const more = h('button', { type: 'button', class: 'secondary', hidden: shown >= first.total, onclick: async () => {
      const done = busy(more, t('loading'));
      try {
        const next = await api(`/consultations/queue?group=${group}&offset=${shown}&limit=${PAGE}`);
        body.append(...next.items.map(row));
        shown += next.items.length;
        more.hidden = shown >= next.total || !next.items.length;
        announce(t('shownOf', { n: shown, of: next.total }));
      } finally { done(); }
    } }, t('more'));
    return h('section', { 'aria-labelledby': 'q-' + key, dataset: { group } },
      h('h2', { id: 'q-' + key }, `${t(key)} (${first.total})`),
      first.total ? [h('div', { class: 'table-wrap' }, h('table', { class: 'queue' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('scheduledAt')), h('th', { scope: 'col' }, t('child')), h('th', { scope: 'col' }, t('specialty')),
          h('th', { scope: 'col' }, t('triage')), h('th', { scope: 'col' }, t('state')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('open'))))),
        body)), h('div', { class: 'actions' }, more)] : h('p', { class: 'muted' }, t('noQueue')));
  };
  page(main, t('queueTitle'), groups.map((g, i) => section(g, pages[i])),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, t('refresh'))));
}

export async function consultView(main, id) {
  const c = await api(`/consultations/${encodeURIComponent(id)}`);
  // this child only: the page stays the same size however many consultations and children the physician has
  const [child, specialtyList, all, assessment, spec] = await Promise.all([api(`/children/${encodeURIComponent(c.childId)}`),
    api('/specialties'), api(`/consultations?child=${encodeURIComponent(c.childId)}`),
    c.assessmentId ? api(`/assessments/${c.assessmentId}`).catch(() => null) : null,
    api(`/specialties/${encodeURIComponent(c.specialtyId)}`).catch(() => null)]);
  const specialties = Object.fromEntries(specialtyList.map((s) => [s.id, s]));
  const errors = h('div', { hidden: true });
  const history = all.filter((x) => x.id !== c.id);
  // the child's allergies just above the prescription: a change there runs the editor's checks again
  const [allergies, prescription, deliveries] = await Promise.all([allergySection(c.childId, { editable: true }), prescriptionSection(c, spec),
    physicianDeliveries(c)]);
  const parts = [errors,
    h('section', { class: 'card' }, h('dl', { class: 'kv' },
      h('dt', {}, t('child')), h('dd', { class: 'child-name' }, childName(child), child ? ` · ${t('sex_' + child.sex)} · ${t('born')} ${fmtDate(child.birthDate)}` : ''),
      h('dt', {}, t('specialty')), h('dd', {}, loc(specialties[c.specialtyId]?.name) || c.specialtyId),
      h('dt', {}, t('state')), h('dd', { class: 'consult-state' }, stateBadge(c.state)),
      h('dt', {}, t('scheduledAt')), h('dd', {}, fmtDateTime(c.scheduledAt)),
      h('dt', {}, t('triage')), h('dd', {}, triageBadge(c.triage)),
      c.guardianAttestedAt ? [h('dt', {}, t('guardianPresent')), h('dd', { class: 'attested' }, t('attestedBy', { who: c.guardianAttestedBy, t: fmtDateTime(c.guardianAttestedAt) }))] : null)),
    actions(c, errors), allergies, prescription, deliveries];
  const grid = h('div', { class: 'grid two' },
    h('section', { 'aria-labelledby': 'a-h' }, h('h2', { id: 'a-h' }, t('assessment')), triageBox(c.triage),
      assessment ? await answers(assessment, spec) : h('p', { class: 'muted' }, t('none'))),
    h('section', { 'aria-labelledby': 'hist-h' }, h('h2', { id: 'hist-h' }, t('history')),
      history.length ? h('ul', { class: 'plain' }, history.map((x) => h('li', {}, h('a', { href: `#/pconsult/${x.id}` }, fmtDateTime(x.scheduledAt || x.createdAt)), ' ',
        loc(specialties[x.specialtyId]?.name) || x.specialtyId, ' ', stateBadge(x.state), ' ', triageBadge(x.triage),
        x.diagnosis ? h('div', { class: 'muted' }, `${t('diagnosis')}: ${x.diagnosis}`) : null))) : h('p', { class: 'muted' }, t('none'))));
  parts.push(grid, await growthSection(c.childId));
  page(main, `${t('consultView')}: ${childName(child)}`, parts);
}

function actions(c, errors) {
  const box = h('section', { class: 'card actions-card', 'aria-label': t('consultView') });
  const post = (path, body, button) => async (ev) => {
    ev?.preventDefault?.();
    const done = busy(button, t('loading'));
    try {
      await api(`/consultations/${c.id}/${path}`, { method: 'POST', body });
      announce(t('done'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) { done(); showError(errors, e, errors.fields || new Map()); }
  };
  if (['SCHEDULED', 'WAITING'].includes(c.state)) {
    const attest = h('input', { type: 'checkbox', id: 'attest' });
    const admit = h('button', { type: 'button', id: 'admit', disabled: true }, t('admitAttest'));
    attest.addEventListener('change', () => { admit.disabled = !attest.checked; });
    admit.addEventListener('click', post('admission', undefined, admit));
    box.append(h('div', { class: 'field' }, h('label', { for: 'attest', class: 'inline' }, attest, ' ', t('attestNote'))), h('div', { class: 'actions' }, admit));
  }
  if (ACTIVE.includes(c.state)) box.append(h('div', { class: 'actions' }, h('a', { class: 'button secondary', href: `#/call/${c.id}` }, t('call'))));
  if (['IN_PROGRESS', 'PAUSED'].includes(c.state)) {
    const fields = new Map();
    errors.fields = fields;
    const diagnosis = h('textarea', { name: 'diagnosis', rows: 3 });
    const plan = h('textarea', { name: 'plan', rows: 3 });
    const submit = h('button', { type: 'submit' }, t('completeConsult'));
    const form = h('form', { class: 'completion', novalidate: true }, h('h2', {}, t('completeConsult')),
      field(fields, 'diagnosis', t('diagnosis'), diagnosis, { required: true }), field(fields, 'plan', t('plan'), plan, { required: true }),
      h('div', { class: 'actions' }, submit));
    form.addEventListener('submit', (ev) => post('completion', { diagnosis: diagnosis.value, plan: plan.value }, submit)(ev));
    box.append(form);
  }
  if (['WAITING', 'IN_PROGRESS', 'PAUSED'].includes(c.state)) {
    const fields = errors.fields || new Map();
    errors.fields = fields;
    const reason = h('textarea', { name: 'reason', rows: 2 });
    const facility = h('input', { type: 'text', name: 'facility' });
    const submit = h('button', { type: 'submit', class: 'danger' }, t('endAndRefer'));
    const form = h('form', { class: 'refer', novalidate: true }, h('h2', {}, t('endAndRefer')),
      field(fields, 'reason', t('referralReason'), reason, { required: true }), field(fields, 'facility', t('referralFacility'), facility, { required: true }),
      h('div', { class: 'actions' }, submit));
    form.addEventListener('submit', (ev) => post('end-and-refer', { reason: reason.value, facility: facility.value }, submit)(ev));
    box.append(form);
  }
  if (c.diagnosis || c.referralReason) {
    box.append(h('dl', { class: 'kv' },
      c.diagnosis ? [h('dt', {}, t('diagnosis')), h('dd', {}, c.diagnosis), h('dt', {}, t('plan')), h('dd', {}, c.plan || '')] : null,
      c.referralReason ? [h('dt', {}, t('referralReason')), h('dd', {}, referralText(c.referralReasonZh, c.referralReason)), h('dt', {}, t('referralFacility')),
        h('dd', {}, referralText(c.referralFacilityZh, c.referralFacility || ''), c.referralUrgency ? ` · ${t('urgency_' + c.referralUrgency)}` : '')] : null));
  }
  return box;
}

async function answers(a, spec) {
  const questions = spec?.questionnaire?.questions || [];
  const byId = Object.fromEntries(questions.map((q) => [q.id, q]));
  const show = async (q, v) => {
    if (q?.type === 'PHOTOS' && Array.isArray(v)) {
      const imgs = await Promise.all(v.map(async (pid, i) => {
        try { const b = await api(`/${spec.id}/photos/${pid}`, { blob: true }); return h('img', { src: URL.createObjectURL(b), alt: `${loc(q.label)} ${i + 1}` }); } catch (e) { return h('span', { class: 'muted' }, pid); }
      }));
      return h('div', { class: 'thumbs' }, imgs);
    }
    if (q?.type === 'BOOLEAN') return v ? t('yes') : t('no');
    const optLabel = (x) => loc(q?.options?.find((o) => o.value === x)?.label) || x;
    if (q?.type === 'CHOICE') return optLabel(v);
    if (q?.type === 'MULTI_CHOICE' && Array.isArray(v)) return v.map(optLabel).join(', ');
    if (q?.type === 'GROUP_LIST' && Array.isArray(v)) {
      const items = q.items || [];
      return h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, items.map((i) => h('th', { scope: 'col' }, loc(i.label))))),
        h('tbody', {}, v.map((row) => h('tr', {}, items.map((i) => h('td', {}, row[i.id] == null ? '' : `${row[i.id]}`)))))));
    }
    return `${v}${q?.unit ? ' ' + q.unit : ''}`;
  };
  const rows = [];
  for (const [k, v] of Object.entries(a.answers || {})) {
    const q = byId[k];
    rows.push(h('dt', {}, q ? loc(q.label) : k), h('dd', {}, await show(q, v)));
  }
  return h('dl', { class: 'kv answers' }, rows);
}

const INDICATORS = [['weight-for-age', 'ind_weight'], ['length-height-for-age', 'ind_height'], ['bmi-for-age', 'ind_bmi'],
  ['head-circumference-for-age', 'ind_head'], ['weight-for-length-height', 'ind_wfh']];

async function growthSection(childId) {
  const out = h('div', { class: 'chart-box' });
  const select = h('select', { id: 'indicator' }, INDICATORS.map(([v, k]) => h('option', { value: v }, t(k))));
  const draw = async () => {
    out.replaceChildren(h('p', { class: 'muted' }, t('loading')));
    try {
      const data = await api(`/growth/chart?child=${encodeURIComponent(childId)}&indicator=${select.value}`);
      out.replaceChildren(growthChart(data, t('chartLabel', { ind: select.selectedOptions[0].textContent })));
    } catch (e) {
      out.replaceChildren(h('p', { class: 'muted' }, e.status === 404 ? t('noMeasurements') : (e.problem?.detail || e.message)));
    }
  };
  select.addEventListener('change', draw);
  await draw();
  return h('section', { 'aria-labelledby': 'g-h', class: 'growth' }, h('h2', { id: 'g-h' }, t('growthChart')),
    h('div', { class: 'field' }, h('label', { for: 'indicator' }, t('indicator')), select), out);
}
