// Guardian pages: my children and consultations, new consultation, triage, booking, waiting room, summary.
import { api } from './api.js';
import { t, loc, fmtDate, fmtDateTime } from './i18n.js';
import { h, page, showError, stateBadge, triageBadge, triageBox, busy, field, announce, referralText } from './ui.js';
import { questionnaire, ageInMonths } from './form.js';
import { guardianStatus, relationshipNote } from './accounts.js';
import { plainPrescription } from './rx-format.js';
import { allergySection } from './allergies.js';
import { guardianDeliveries, addressBook } from './delivery.js';
import { guardianClaim, coverageSection } from './insurance.js';
import { CLAIM_ENDINGS } from './claim-format.js';

let specialtyNames = {};
async function specialties() {
  const list = await api('/specialties');
  specialtyNames = Object.fromEntries(list.map((s) => [s.id, s.name]));
  return list;
}
const childName = (c) => `${c.familyName}${c.givenName}`;
/** The states before COMPLETED in which the guardian still keeps the child's allergies up to date. */
const ALLERGIES_EDITABLE = ['REQUESTED', 'ASSESSED', 'SCHEDULED', 'WAITING', 'IN_PROGRESS', 'PAUSED'];

export async function home(main) {
  const [children, consults, , me, addresses] = await Promise.all([api('/children'), api('/consultations'), specialties(),
    api('/guardians/me').catch(() => null), addressBook()]);
  const status = guardianStatus(me);
  // each child's insurance coverage (none without the claim bundle)
  const coverages = await Promise.all(children.map((c) => coverageSection(c)));
  const sections = children.map((c, i) => {
    const mine = consults.filter((x) => x.childId === c.id).sort((a, b) => (b.createdAt || '').localeCompare(a.createdAt || ''));
    return h('section', { class: 'card child', 'aria-labelledby': 'child-' + c.id },
      h('h2', { id: 'child-' + c.id }, childName(c)),
      h('p', { class: 'muted' }, `${t('sex_' + c.sex)} · ${t('born')} ${fmtDate(c.birthDate)}`),
      me ? relationshipNote(c, me.id) : null,
      h('div', { class: 'actions' }, h('a', { class: 'button', href: `#/new?child=${c.id}` }, t('newConsultation'))),
      h('h3', {}, t('consultations')),
      mine.length ? h('ul', { class: 'plain consultations' }, mine.map((x) => h('li', { dataset: { consultation: x.id } },
        h('a', { href: `#/consult/${x.id}` }, loc(specialtyNames[x.specialtyId]) || x.specialtyId), ' ',
        stateBadge(x.state), ' ', triageBadge(x.triage),
        x.scheduledAt ? h('span', { class: 'muted' }, ` · ${fmtDateTime(x.scheduledAt)}`) : null)))
        : h('p', { class: 'muted' }, t('noConsultations')),
      coverages[i]);
  });
  page(main, t('myChildren'), status, sections,
    children.length ? null : h('p', { class: 'muted' }, t('noChildren')),
    h('div', { class: 'actions' }, h('a', { class: 'button secondary', href: '#/addchild' }, t('addChild'))),
    me ? citySection(me) : null,
    addresses);
}

/**
 * The family's city (`PUT /api/guardians/me/city`, a prefecture-level city by its Chinese or pinyin name):
 * the pilot report counts the distance a family did not travel; the city only, never an address.
 */
function citySection(me) {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const shown = h('p', { dataset: { testid: 'city-current' } }, me.city ? t('cityCurrent', { city: me.city }) : t('cityNone'));
  const input = h('input', { type: 'text', name: 'city', maxlength: '60', value: me.city || '', autocomplete: 'address-level2',
    dataset: { testid: 'city-input' } });
  const save = h('button', { type: 'submit', class: 'secondary', dataset: { testid: 'city-save' } }, t('save'));
  const form = h('form', { novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const done = busy(save, t('submitting'));
    try {
      const r = await api('/guardians/me/city', { method: 'PUT', body: { city: input.value.trim() || null } });
      errors.hidden = true;
      shown.textContent = r.city ? t('cityCurrent', { city: r.city }) : t('cityNone');
      input.value = r.city || '';
      announce(t('citySaved'));
    } catch (e) { showError(errors, e, fields); } finally { done(); }
  } }, errors, field(fields, 'city', t('cityLabel'), input, { hint: t('cityHint') }), h('div', { class: 'actions' }, save));
  return h('section', { class: 'card', 'aria-labelledby': 'city-h', dataset: { testid: 'city' } },
    h('h2', { id: 'city-h' }, t('cityTitle')), shown, form);
}

export async function newConsultation(main, params) {
  const [children, list] = await Promise.all([api('/children'), specialties()]);
  const errors = h('div', { hidden: true });
  const fields = new Map();
  const childSelect = h('select', { name: 'childId' }, children.map((c) => h('option', { value: c.id, selected: c.id === params.get('child') }, childName(c))));
  // only what the pilot scope offers now (a specialty installed but not offered, or retired, takes no new consultation)
  const offered = list.filter((s) => !s.status || s.status === 'OFFERED');
  const specialtySelect = h('select', { name: 'specialtyId' }, h('option', { value: '' }, '—'),
    offered.map((s) => h('option', { value: s.id }, loc(s.name))));
  const respondentSelect = h('select', { name: 'respondent' },
    h('option', { value: 'GUARDIAN' }, t('respondentGuardian')), h('option', { value: 'CHILD' }, t('respondentChild')));
  const qBox = h('div', { id: 'questionnaire' });
  const submit = h('button', { type: 'submit', disabled: true }, t('submitAssessment'));
  let form = null;
  let loadSeq = 0;
  const load = async () => {
    loadSeq += 1;
    const seq = loadSeq;
    qBox.replaceChildren();
    form = null;
    submit.disabled = true;
    for (const k of [...fields.keys()]) if (k !== 'childId' && k !== 'specialtyId') fields.delete(k);
    if (!specialtySelect.value) return;
    qBox.append(h('p', { class: 'muted' }, t('loading')));
    try {
      const s = await api(`/specialties/${encodeURIComponent(specialtySelect.value)}`);
      if (seq !== loadSeq) return;   // a newer choice of child or specialty is loading: it draws
      const child = children.find((c) => c.id === childSelect.value);
      form = questionnaire(s.questionnaire.questions, fields, { specialtyId: s.id, childId: childSelect.value,
        ageMonths: ageInMonths(child?.birthDate) });
      qBox.replaceChildren(h('h2', {}, `${t('questionnaire')}: ${loc(s.name)}`), form.el);
      submit.disabled = false;
    } catch (e) { qBox.replaceChildren(); showError(errors, e, fields); }
  };
  specialtySelect.addEventListener('change', load);
  childSelect.addEventListener('change', load);
  // the chosen child's allergies, recorded right away (not with the assessment); a newer choice wins
  const allergyBox = h('div', { class: 'allergy-slot' });
  let allergySeq = 0;
  const loadAllergies = async () => {
    allergySeq += 1;
    const seq = allergySeq;
    const sec = childSelect.value ? await allergySection(childSelect.value, { editable: true }) : null;
    if (seq === allergySeq) allergyBox.replaceChildren(...(sec ? [sec] : []));
  };
  childSelect.addEventListener('change', loadAllergies);
  await loadAllergies();
  const el = h('form', { novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (!form) return;
    const done = busy(submit, t('submitting'));
    try {
      const c = await api('/assessments', { method: 'POST', body: { childId: childSelect.value, specialtyId: specialtySelect.value,
        respondent: respondentSelect.value, answers: form.collect() } });
      location.hash = `#/consult/${c.id}`;
    } catch (e) { showError(errors, e, fields); } finally { done(); }
  } },
  errors,
  field(fields, 'childId', t('child'), childSelect, { required: true }),
  allergyBox,
  offered.length ? field(fields, 'specialtyId', t('chooseSpecialty'), specialtySelect, { required: true }) : h('p', {}, t('noSpecialties')),
  field(fields, 'respondent', t('respondent'), respondentSelect, { hint: t('respondentHint') }),
  qBox, h('div', { class: 'actions' }, submit));
  page(main, t('newConsultation'), el);
}

/** One consultation, from the guardian's side: what to do next depends on its state. */
export async function consultation(main, id) {
  const [c] = await Promise.all([api(`/consultations/${encodeURIComponent(id)}`), specialties()]);
  const errors = h('div', { hidden: true });
  const parts = [errors, h('p', {}, loc(specialtyNames[c.specialtyId]) || c.specialtyId, ' ', stateBadge(c.state)),
    !c.specialtyAvailable ? h('p', { class: 'alert IN_PERSON' }, t('specialtyUnavailable')) : null];
  const title = { ASSESSED: t('triageResult'), REFERRED: t('triageResult'), SCHEDULED: t('booking'), WAITING: t('waitingRoom'),
    IN_PROGRESS: t('waitingRoom'), PAUSED: t('waitingRoom'), COMPLETED: t('summary') }[c.state] || t('consultView');
  if (['ASSESSED', 'REFERRED'].includes(c.state) || (c.triage && c.state !== 'COMPLETED')) parts.push(h('section', { 'aria-label': t('triageResult') }, h('h2', {}, t('triageResult')), triageBox(c.triage)));
  if (c.state === 'ASSESSED') {
    parts.push(await bookingSection(c, errors));
  }
  if (c.state === 'SCHEDULED') {
    const go = h('button', { type: 'button', onclick: async () => {
      const done = busy(go, t('loading'));
      try { await api(`/consultations/${c.id}/waiting-room`, { method: 'POST' }); location.hash = `#/waiting/${c.id}`; } catch (e) { showError(errors, e); done(); }
    } }, t('enterWaitingRoom'));
    parts.push(h('p', { class: 'booked' }, t('bookedFor', { t: fmtDateTime(c.scheduledAt) })), h('div', { class: 'actions' }, go, cancelButton(c, errors)));
  }
  if (['WAITING', 'IN_PROGRESS', 'PAUSED'].includes(c.state)) {
    parts.push(h('div', { class: 'actions' }, h('a', { class: 'button', href: `#/waiting/${c.id}` }, t('waitingRoom'))));
  }
  if (ALLERGIES_EDITABLE.includes(c.state)) parts.push(await allergySection(c.childId, { editable: true }));
  if (c.state === 'COMPLETED' || (c.state === 'REFERRED' && c.referralFacility)) parts.push(summary(c));
  if (['COMPLETED', 'IN_PROGRESS'].includes(c.state)) parts.push(await prescriptionCard(c));
  // the parcel of an approved prescription: also after a referral voided it (a return is then shown)
  if (['COMPLETED', 'IN_PROGRESS', 'REFERRED'].includes(c.state)) parts.push(await guardianDeliveries(c));
  // what insurance pays and what the family pays, once the consultation ended
  if (CLAIM_ENDINGS.includes(c.state)) parts.push(await guardianClaim(c));
  page(main, title, parts);
}

/** The approved (or dispensed) prescriptions in plain words; null without the prescription bundle (404) or when none. */
async function prescriptionCard(c) {
  let list;
  try {
    list = await api(`/consultations/${encodeURIComponent(c.id)}/prescriptions`);
  } catch (e) {
    return e.status === 404 ? null : h('p', { class: 'muted' }, t('rxUnavailable'));
  }
  const shown = (list || []).filter((p) => ['APPROVED', 'DISPENSED'].includes(p.state));
  if (!shown.length) return null;
  const spec = await api(`/specialties/${encodeURIComponent(c.specialtyId)}`).catch(() => null);
  return h('section', { class: 'card rx-plain', 'aria-labelledby': 'rx-g-h', dataset: { testid: 'rx-guardian' } },
    h('h2', { id: 'rx-g-h' }, t('rxTitle')), h('p', { class: 'muted' }, t('rxGuardianIntro')),
    shown.map((p) => plainPrescription(p, spec)));
}

function cancelButton(c, errors) {
  const b = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    try { await api(`/consultations/${c.id}/cancellation`, { method: 'POST' }); location.reload(); } catch (e) { showError(errors, e); }
  } }, t('cancel'));
  return b;
}

async function bookingSection(c, errors) {
  const physicians = (await api('/physicians')).filter((p) => p.whitelisted && (p.specialties || []).includes(c.specialtyId));
  const groups = await Promise.all(physicians.map(async (p) => ({ p, slots: await api(`/physicians/${p.id}/slots?free=true`) })));
  const now = Date.now();
  const sec = h('section', { class: 'booking', 'aria-labelledby': 'booking-h' }, h('h2', { id: 'booking-h' }, t('bookNow')));
  let any = false;
  for (const { p, slots } of groups) {
    const upcoming = slots.filter((s) => s.free && Date.parse(s.startsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt)).slice(0, 24);
    if (!upcoming.length) continue;
    any = true;
    sec.append(h('h3', {}, `${p.familyName}${p.givenName} · ${p.title || ''}`),
      h('div', { class: 'slots', role: 'group', 'aria-label': `${t('freeSlots')}: ${p.familyName}${p.givenName}` }, upcoming.map((s) => {
        const b = h('button', { type: 'button', class: 'secondary slot', dataset: { slot: s.id }, onclick: async () => {
          const done = busy(b, t('loading'));
          try {
            await api(`/consultations/${c.id}/booking`, { method: 'POST', body: { slotId: s.id } });
            announce(t('bookedFor', { t: fmtDateTime(s.startsAt) }));
            location.hash = `#/consult/${c.id}`;
            window.dispatchEvent(new HashChangeEvent('hashchange'));
          } catch (e) { done(); showError(errors, e); }
        } }, fmtDateTime(s.startsAt));
        return b;
      })));
  }
  if (!any) sec.append(h('p', {}, t('noSlots')));
  return sec;
}

function summary(c) {
  return h('section', { class: 'card summary', 'aria-labelledby': 'summary-h' }, h('h2', { id: 'summary-h' }, t('summary')),
    h('dl', { class: 'kv' },
      c.diagnosis ? [h('dt', {}, t('diagnosis')), h('dd', {}, c.diagnosis)] : null,
      c.plan ? [h('dt', {}, t('plan')), h('dd', {}, c.plan)] : null,
      c.referralReason ? [h('dt', {}, t('referralReason')), h('dd', {}, referralText(c.referralReasonZh, c.referralReason))] : null,
      c.referralFacility ? [h('dt', {}, t('referralFacility')), h('dd', {}, referralText(c.referralFacilityZh, c.referralFacility),
        c.referralUrgency ? ` · ${t('urgency_' + c.referralUrgency)}` : '')] : null));
}

/** The waiting room: polls the state every 5 s until the physician admits, then offers the call. */
export async function waiting(main, id, route) {
  const c = await api(`/consultations/${encodeURIComponent(id)}`);
  const errors = h('div', { hidden: true });
  const state = h('p', { class: 'waiting-state' }, stateBadge(c.state));
  const admitted = ['IN_PROGRESS', 'PAUSED'].includes(c.state);
  page(main, t('waitingRoom'), errors,
    h('section', { class: 'card' }, h('p', {}, admitted ? t('admitted') : t('waitingText')), state,
      c.guardianAttestedAt ? h('p', { class: 'muted' }, t('attestedBy', { who: c.guardianAttestedBy, t: fmtDateTime(c.guardianAttestedAt) })) : null),
    h('div', { class: 'actions' }, h('a', { class: 'button', href: `#/call/${c.id}` }, t('joinCall')),
      h('a', { class: 'button secondary', href: `#/consult/${c.id}` }, t('back'))),
    c.state === 'COMPLETED' || c.state === 'REFERRED' ? summary(c) : null);
  if (['WAITING', 'SCHEDULED'].includes(c.state)) {
    const timer = setTimeout(() => { if (route.current === location.hash) route.render(); }, 5000);
    route.onLeave(() => clearTimeout(timer));
  }
}
