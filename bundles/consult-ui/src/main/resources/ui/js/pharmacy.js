// #/pharmacy (PHARMACIST): the review queue, oldest signature first. Each card shows the child's age, sex,
// weight (date, source) and allergies, every item with the server's check results (refusals first and
// red), the validity; approve, reject with a reason, and verify the physician's signature.
import { api } from './api.js';
import { t, loc, fmtDateTime } from './i18n.js';
import { h, page, field, showError, stateBadge, busy, announce } from './ui.js';
import { pharmacyTabs } from './dispensing.js';
import { ageText, weightText, allergiesText, checkList, doseText, frequencyText, daysText, quantityText, routeText, sitesText, entryOf, validityText,
  required } from './rx-format.js';

/** The review points a rejection is filed under (the prescription API's RejectionCategory). */
const REJECTION_CATEGORIES = ['INDICATION', 'DOSE', 'FORM_ROUTE', 'DUPLICATE', 'INTERACTION', 'CONTRAINDICATION', 'AGE_WEIGHT',
  'QUANTITY_DURATION', 'WRITING', 'OTHER'];

const STATES = ['AWAITING_REVIEW', 'APPROVED', 'REJECTED'];

export async function queue(main, params) {
  const state = STATES.includes(params.get('state')) ? params.get('state') : 'AWAITING_REVIEW';
  const list = (await api(`/prescriptions?state=${state}`)).sort((a, b) => (a.signedAt || '').localeCompare(b.signedAt || ''));
  const specs = await formularies(list);
  const reload = () => queue(main, params);
  const filter = h('select', { id: 'rx-state-filter', onchange: () => { location.hash = `#/pharmacy?state=${filter.value}`; } },
    STATES.map((s) => h('option', { value: s, selected: s === state }, t('state_' + s))));
  page(main, t('pharmacyTitle'), pharmacyTabs('review'),
    h('div', { class: 'field' }, h('label', { for: 'rx-state-filter' }, t('rxShow')), filter),
    list.length ? h('ul', { class: 'plain rx-queue' }, list.map((p) => card(p, specs[p.specialtyId], reload)))
      : h('p', { class: 'muted', dataset: { testid: 'rx-queue-empty' } }, state === 'AWAITING_REVIEW' ? t('rxQueueEmpty') : t('none')),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: reload }, t('refresh'))));
}

/** The specialties' formularies (for the mL equivalents); a missing one only loses those. */
async function formularies(list) {
  const ids = [...new Set(list.map((p) => p.specialtyId).filter(Boolean))];
  const specs = await Promise.all(ids.map((id) => api(`/specialties/${encodeURIComponent(id)}`).catch(() => null)));
  return Object.fromEntries(ids.map((id, i) => [id, specs[i]]));
}

function card(p, spec, reload) {
  const errors = h('div', { hidden: true });
  const general = (p.checks || []).filter((r) => r.item == null || r.item < 0);
  const kv = (k, v, attrs = {}) => (v ? [h('dt', {}, k), h('dd', attrs, v)] : null);
  return h('li', { class: 'card rx-review', dataset: { testid: 'rx-review', prescription: p.id, state: p.state } },
    h('h2', {}, `${t('rxNumber')} ${p.id.slice(0, 8)} · ${t('rxVersion', { v: p.version })} `, stateBadge(p.state),
      p.emergency ? [' ', h('span', { class: 'badge IN_PERSON' }, t('rxEmergency'))] : null),
    errors,
    h('dl', { class: 'kv' },
      kv(t('age'), ageText(p.childBirthDate)),
      kv(t('sex'), p.childSex ? t('sex_' + p.childSex) : ''),
      kv(t('rxWeight'), weightText(p), { class: p.weightKg == null ? 'field-error' : null }),
      kv(t('rxAllergies'), allergiesText(p), { class: p.allergies?.length ? 'rx-allergies' : null }),
      kv(t('diagnosis'), p.diagnosis),
      kv(t('rxChronic'), p.chronicReason),
      kv(t('physician'), [p.physician, p.signedAt ? ` · ${t('rxSignedAt', { t: fmtDateTime(p.signedAt) })}` : ''].join('')),
      kv(t('rxValidity'), p.validUntil ? validityText(p) : '')),
    general.length ? checkList(general, { testid: 'rx-checks-prescription', collapse: true }) : null,
    h('ul', { class: 'plain rx-review-items' }, (p.items || []).map((it, i) => reviewItem(it, entryOf(spec, it.code),
      (p.checks || []).filter((r) => r.item === i)))),
    p.signature ? verification(p, errors) : null,
    p.state === 'AWAITING_REVIEW' ? decision(p, errors, reload) : outcome(p));
}

function reviewItem(it, entry, checks) {
  return h('li', { class: 'rx-review-item', dataset: { testid: 'rx-review-item', code: it.code } },
    h('h3', {}, loc(it.name) || it.code, it.route ? h('span', { class: 'muted' }, ` · ${routeText(it.route)}`) : null),
    h('p', {}, [doseText(it, entry), frequencyText(it.frequency), daysText(it.durationDays),
      it.quantity != null ? `${t('rxQuantity')}: ${quantityText(it.quantity, it.quantityUnit)}` : ''].filter(Boolean).join(' · ')),
    it.sites?.length ? h('p', {}, `${t('rxSites')}: ${sitesText(it.sites)}`) : null,
    loc(it.instructions) ? h('p', {}, `${t('rxNotes')}: ${loc(it.instructions)}`) : null,
    checkList(checks, { label: `${t('rxChecks')}: ${loc(it.name) || it.code}`, testid: 'rx-item-checks', collapse: true }));
}

/** GET .../verification: the server recomputes the canonical content and checks the detached signature. */
function verification(p, errors) {
  const out = h('p', { class: 'rx-verification', role: 'status', dataset: { testid: 'rx-verification' }, hidden: true });
  const b = h('button', { type: 'button', class: 'secondary', dataset: { testid: 'rx-verify' }, onclick: async () => {
    const done = busy(b, t('loading'));
    try {
      const v = await api(`/prescriptions/${encodeURIComponent(p.id)}/verification`);
      out.dataset.valid = String(!!v.valid);
      out.className = 'rx-verification ' + (v.valid ? 'ok' : 'bad');
      out.textContent = v.valid ? t('rxSignatureValid', { kid: v.keyId || '—', who: v.signedBy || '—' }) : t('rxSignatureInvalid', { kid: v.keyId || '—' });
      out.hidden = false;
    } catch (e) { showError(errors, e); }
    done();
  } }, t('rxVerify'));
  return h('div', { class: 'actions' }, b, out);
}

function decision(p, errors, reload) {
  const fields = new Map();
  const reason = h('input', { type: 'text', name: 'reason', maxlength: 500, dataset: { testid: 'rx-reject-reason' } });
  // the review point the rejection is counted under in the pilot report (RejectionCategory)
  const category = h('select', { name: 'category', dataset: { testid: 'rx-reject-category' } },
    h('option', { value: '' }, '—'), REJECTION_CATEGORIES.map((c) => h('option', { value: c }, t('rxCat_' + c))));
  const post = (path, body, button, doneText) => async () => {
    const done = busy(button, t('saving'));
    try {
      await api(`/prescriptions/${encodeURIComponent(p.id)}/${path}`, { method: 'POST', body });
      announce(doneText);
      await reload();
    } catch (e) { done(); showError(errors, e, fields); }
  };
  const approve = h('button', { type: 'button', dataset: { testid: 'rx-approve' } }, t('rxApprove'));
  const reject = h('button', { type: 'button', class: 'danger', dataset: { testid: 'rx-reject' } }, t('rxReject'));
  approve.addEventListener('click', post('approval', {}, approve, t('rxApprovedDone')));
  reject.addEventListener('click', () => {
    if (!category.value) {
      showError(errors, { problem: { title: t('errorFields'), errors: [{ field: 'category', detail: t('rxCategoryRequired') }] } }, fields);
      return;
    }
    if (!reason.value.trim()) { showError(errors, required('reason'), fields); return; }
    post('rejection', { reason: reason.value.trim(), category: category.value }, reject, t('rxRejectedDone'))();
  });
  return h('div', { class: 'rx-decision' }, h('div', { class: 'actions' }, approve),
    field(fields, 'category', t('rxRejectCategory'), category),
    field(fields, 'reason', t('rxRejectReason'), reason), h('div', { class: 'actions' }, reject));
}

function outcome(p) {
  return h('p', { class: 'muted' }, [
    p.reviewedBy ? t('rxReviewedBy', { who: p.reviewedBy, t: fmtDateTime(p.reviewedAt) }) : '',
    p.rejectionCategory ? t('rxCat_' + p.rejectionCategory) : '',
    p.rejectionReason ? t('rxRejectedBecause', { reason: p.rejectionReason }) : ''].filter(Boolean).join(' · '));
}
