// The physician's editor of a DRAFT prescription: items picked from the specialty's formulary, live
// checks by the server (debounced POST .../prescriptions/check: nothing saved, no rule copied here; run
// again on 'allergies-changed' from the allergy section), save (POST the first time, then PUT with
// rowVersion), and signing with the password asked again.
import { api } from './api.js';
import { t, loc } from './i18n.js';
import { h, field, showError, busy, announce } from './ui.js';
import { FREQUENCIES, SITES, QUANTITY_UNITS, checkList, weightText, allergiesText, today } from './rx-format.js';
import { ALLERGIES_CHANGED } from './allergies.js';

const DEBOUNCE_MS = 400;
const numberOrNull = (input) => (input.value === '' || Number.isNaN(input.valueAsNumber) ? null : input.valueAsNumber);

/** The units a dose may be written in: the entry's, plus mL for a liquid with a concentration. */
function unitsFor(entry, item) {
  const units = [entry?.unit || 'MG'];
  if (entry?.concentrationPerMl && !units.includes('ML')) units.push('ML');
  if (item?.unit && !units.includes(item.unit)) units.push(item.unit);
  return units;
}

function defaultQuantityUnit(entry) {
  if (entry?.route === 'TOP') return 'TUBE';
  if (entry?.concentrationPerMl || entry?.unit === 'ML') return 'BOTTLE';
  return entry?.unit === 'SACHET' ? 'SACHET' : 'BOX';
}

const options = (values, label, selected) => values.map((v) => h('option', { value: v, selected: v === selected }, label(v)));

/** One item's inputs; read() gives the item as the API takes it; fields maps its inputs for error display. */
function itemRow(entry, item, onRemove) {
  const code = entry?.code || item.code;
  const name = loc(entry?.name || item?.name) || code;
  const topical = (entry?.route || item?.route) === 'TOP';
  const fields = new Map();
  const dose = h('input', { type: 'number', min: 0, step: 'any', inputmode: 'decimal', name: 'dose', dataset: { testid: 'rx-dose' } });
  const unit = h('select', { name: 'unit', dataset: { testid: 'rx-unit' } }, options(unitsFor(entry, item), (u) => t('unit_' + u), item?.unit || entry?.unit));
  const freq = h('select', { name: 'frequency', dataset: { testid: 'rx-frequency' } }, h('option', { value: '' }, '—'),
    options(FREQUENCIES, (f) => `${t('freq_' + f)} (${f})`, item?.frequency));
  const days = h('input', { type: 'number', min: 1, step: 1, inputmode: 'numeric', name: 'durationDays', dataset: { testid: 'rx-days' } });
  const qty = h('input', { type: 'number', min: 0, step: 'any', inputmode: 'decimal', name: 'quantity', dataset: { testid: 'rx-quantity' } });
  const qUnits = QUANTITY_UNITS.includes(item?.quantityUnit) || !item?.quantityUnit ? QUANTITY_UNITS : [...QUANTITY_UNITS, item.quantityUnit];
  const qUnit = h('select', { name: 'quantityUnit', dataset: { testid: 'rx-quantity-unit' } },
    options(qUnits, (u) => (t('qu_' + u) === 'qu_' + u ? u : t('qu_' + u)), item?.quantityUnit || defaultQuantityUnit(entry)));
  const zh = h('textarea', { rows: 2, lang: 'zh-CN', name: 'instructionsZh', maxlength: 500, dataset: { testid: 'rx-instructions-zh' } });
  const en = h('textarea', { rows: 2, lang: 'en', name: 'instructionsEn', maxlength: 500, dataset: { testid: 'rx-instructions-en' } });
  const siteBoxes = topical ? SITES.map((s) => h('input', { type: 'checkbox', name: 'site', value: s, checked: (item?.sites || []).includes(s), dataset: { testid: 'rx-site' } })) : [];
  const sitesSlot = h('p', { class: 'field-error', hidden: true });
  if (topical) fields.set('sites', { input: siteBoxes[0], slot: sitesSlot, label: t('rxSites') });
  const dv = item ? item.dose : entry?.fixedMgPerDose;
  if (dv != null) dose.value = dv;
  if (item?.durationDays != null) days.value = item.durationDays;
  if (item?.quantity != null) qty.value = item.quantity;
  zh.value = item?.instructions?.zh || '';
  en.value = item?.instructions?.en || '';
  const checks = h('div', { class: 'rx-item-checks' });
  const remove = h('button', { type: 'button', class: 'secondary', 'aria-label': t('rxRemoveNamed', { name }), onclick: onRemove }, t('remove'));
  const li = h('li', { class: 'card rx-item', dataset: { testid: 'rx-item', code } }, h('fieldset', {},
    h('legend', {}, name, entry ? null : h('span', { class: 'field-error' }, ' · ', t('rxNotInFormulary'))),
    checks,
    h('div', { class: 'rx-pair' }, field(fields, 'dose', t('rxDose'), dose, { required: true }), field(fields, 'unit', t('rxUnit'), unit)),
    h('div', { class: 'rx-pair' }, field(fields, 'frequency', t('rxFrequency'), freq, { required: true }),
      field(fields, 'durationDays', t('rxDays'), days, { required: true })),
    h('div', { class: 'rx-pair' }, field(fields, 'quantity', t('rxQuantity'), qty, { required: true }),
      field(fields, 'quantityUnit', t('rxQuantityUnit'), qUnit)),
    topical ? h('fieldset', { class: 'choices rx-sites', dataset: { testid: 'rx-sites' } }, h('legend', {}, t('rxSites')),
      SITES.map((s, i) => h('label', {}, siteBoxes[i], t('site_' + s))), sitesSlot) : null,
    field(fields, 'instructions.zh', t('rxInstructionsZh'), zh), field(fields, 'instructions.en', t('rxInstructionsEn'), en),
    h('div', { class: 'actions' }, remove)));
  const read = () => ({ code, dose: numberOrNull(dose), unit: unit.value, frequency: freq.value || null, durationDays: numberOrNull(days),
    quantity: numberOrNull(qty), quantityUnit: qUnit.value || null, sites: siteBoxes.filter((b) => b.checked).map((b) => b.value),
    instructions: { zh: zh.value.trim(), en: en.value.trim() } });
  return { li, checks, fields, read, name, focus: () => dose.focus() };
}

/** The physician-measured weight, asked for when the record has none. */
function weightFields(draft, fields) {
  const kg = h('input', { type: 'number', min: 0.5, max: 150, step: 0.1, inputmode: 'decimal', name: 'weightKg', dataset: { testid: 'rx-weight-kg' } });
  const date = h('input', { type: 'date', name: 'weightDate', max: today(), dataset: { testid: 'rx-weight-date' } });
  if (draft?.weightSource === 'PHYSICIAN' && draft.weightKg != null) { kg.value = draft.weightKg; date.value = draft.weightDate || ''; }
  kg.addEventListener('input', () => { if (kg.value && !date.value) date.value = today(); });
  const box = h('fieldset', { class: 'rx-weight', hidden: kg.value === '', dataset: { testid: 'rx-weight' } }, h('legend', {}, t('rxWeightTitle')),
    h('p', { class: 'muted' }, t('rxWeightHelp')),
    h('div', { class: 'rx-pair' }, field(fields, 'weightKg', t('rxWeightKg'), kg, { unit: 'kg' }), field(fields, 'weightDate', t('rxWeightDate'), date)));
  const read = () => {
    const w = box.hidden ? null : numberOrNull(kg);
    return { weightKg: w, weightDate: w == null ? null : date.value || null };
  };
  return { box, read, entered: () => kg.value !== '' };
}

/**
 * The editor of `draft` (null: a new one, created at the first save). ctx: {c, spec, reload(), refreshList()}.
 * data-checking="true" on the editor while a check is due or running; data-prescription once saved.
 */
export function draftEditor(ctx, draft) {
  const cid = encodeURIComponent(ctx.c.id);
  const formulary = ctx.spec?.formulary || [];
  const state = { id: draft?.id || null, rowVersion: draft?.rowVersion, dirty: false, seq: 0, timer: null, refused: null, waits: 0 };
  const topFields = new Map();
  const rows = [];
  const errors = h('div', { hidden: true });
  const list = h('ul', { class: 'plain rx-items' });
  const top = h('div', { class: 'rx-top-checks' });
  const summary = h('p', { class: 'rx-summary', dataset: { testid: 'rx-checks-summary' } }, t('rxNoChecks'));
  const facts = h('p', { class: 'rx-facts', dataset: { testid: 'rx-facts' } });
  const emergency = h('input', { type: 'checkbox', name: 'emergency', checked: !!draft?.emergency, dataset: { testid: 'rx-emergency' } });
  const chronic = h('textarea', { rows: 2, name: 'chronicReason', maxlength: 1000, dataset: { testid: 'rx-chronic' } });
  chronic.value = draft?.chronicReason || '';
  topFields.set('emergency', { input: emergency, slot: h('p', { class: 'field-error', hidden: true }), label: t('rxEmergency') });
  const weight = weightFields(draft, topFields);
  const el = h('div', { class: 'rx-editor', dataset: { testid: 'rx-editor', checking: 'false' } });
  if (state.id) el.dataset.prescription = state.id;

  const body = () => ({ items: rows.map((r) => r.read()), emergency: emergency.checked, chronicReason: chronic.value.trim() || null, ...weight.read() });
  // every input's error slot under its API path: items[0].dose, weightKg, password...
  const itemLabel = (path) => (path || '').replace(/^items\[(\d+)\]\./, (m, i) => (rows[i] ? `${rows[i].name} · ` : m));
  const allFields = (extra = []) => new Map([...topFields, ...extra,
    ...rows.flatMap((r, i) => [...r.fields].map(([k, v]) => [`items[${i}].${k}`, v]))]);

  function showChecks(results, f) {
    const forItem = (i) => results.filter((r) => r.item === i);
    rows.forEach((r, i) => r.checks.replaceChildren(...nodes(checkList(forItem(i), { label: `${t('rxChecks')}: ${r.name}`, testid: 'rx-item-checks' }))));
    const general = results.filter((r) => r.item == null || r.item < 0 || r.item >= rows.length);
    top.replaceChildren(...(general.length ? nodes(checkList(general, { testid: 'rx-checks-prescription' })) : []));
    const refused = results.filter((r) => !r.passed).length;
    summary.dataset.refused = String(refused);
    summary.dataset.total = String(results.length);
    summary.textContent = !results.length ? t('rxNoChecks') : refused ? t('rxRefusedCount', { n: refused }) : t('rxAllPassed', { n: results.length });
    if (state.refused !== refused) announce(summary.textContent);
    state.refused = refused;
    facts.dataset.weightKg = f?.weightKg == null ? '' : String(f.weightKg);
    facts.replaceChildren(h('span', {}, weightText(f)), ' · ', h('span', {}, `${t('rxAllergies')}: ${allergiesText(f)}`));
    // asked for when the record has none, or when the server refuses the recorded one (too old)
    const weightRefused = results.some((r) => !r.passed && r.rule === 'weight-recorded');
    weight.box.hidden = !(f?.weightKg == null || f.weightSource === 'PHYSICIAN' || weightRefused || weight.entered());
  }

  async function runCheck(seq) {
    // built before the page shows it: wait for it (10 s at most); once shown and gone, stop
    if (!el.isConnected) {
      if (!state.shown && (state.waits += 1) < 100) state.timer = setTimeout(() => runCheck(seq), 100);
      return;
    }
    state.shown = true;
    try {
      const r = await api(`/consultations/${cid}/prescriptions/check`, { method: 'POST', body: body() });
      if (seq === state.seq) showChecks(r.checks || [], r);
    } catch (e) {
      if (seq !== state.seq) return;
      summary.dataset.refused = 'error';
      summary.textContent = t('rxCheckFailed', { e: e.problem?.detail || e.message });
    }
    if (seq === state.seq) el.dataset.checking = 'false';
  }

  // a newer edit makes any running check stale: only the latest answer is shown
  function schedule(delay = DEBOUNCE_MS) {
    state.seq += 1;
    const seq = state.seq;
    el.dataset.checking = 'true';
    clearTimeout(state.timer);
    state.timer = setTimeout(() => runCheck(seq), delay);
  }
  const changed = () => { state.dirty = true; schedule(); };

  function addRow(entry, item) {
    const row = itemRow(entry, item, () => {
      rows.splice(rows.indexOf(row), 1);
      row.li.remove();
      pick.focus();
      changed();
    });
    rows.push(row);
    list.append(row.li);
    return row;
  }

  const pick = h('select', { id: 'rx-add-select', dataset: { testid: 'rx-add-select' } }, h('option', { value: '' }, t('rxChoose')),
    formulary.map((e) => h('option', { value: e.code, dataset: { route: e.route || 'PO' } }, loc(e.name))));
  const add = h('button', { type: 'button', class: 'secondary', dataset: { testid: 'rx-add' }, onclick: () => {
    const entry = formulary.find((e) => e.code === pick.value);
    if (!entry) { pick.focus(); return; }
    const row = addRow(entry, null);
    pick.value = '';
    row.focus();
    changed();
  } }, t('rxAdd'));

  async function save() {
    const b = body();
    const p = state.id
      ? await api(`/prescriptions/${encodeURIComponent(state.id)}`, { method: 'PUT', body: { ...b, rowVersion: state.rowVersion } })
      : await api(`/consultations/${cid}/prescriptions`, { method: 'POST', body: b });
    state.id = p.id;
    state.rowVersion = p.rowVersion;
    state.dirty = false;
    el.dataset.prescription = p.id;
    return p;
  }

  const saveButton = h('button', { type: 'button', class: 'secondary', dataset: { testid: 'rx-save' }, onclick: async () => {
    const done = busy(saveButton, t('saving'));
    try {
      await save();
      errors.hidden = true;
      announce(t('rxSaved'));
      await ctx.refreshList();
    } catch (e) { showError(errors, e, allFields()); }
    done();
  } }, t('rxSave'));

  const sign = signForm(async ({ password, validDays }, signFields) => {
    try {
      if (!state.id || state.dirty) await save();
      await api(`/prescriptions/${encodeURIComponent(state.id)}/signature`, { method: 'POST', body: { password, validDays } });
      announce(t('rxSigned'));
      await ctx.reload();
      return true;
    } catch (e) {
      if (e.problem?.code === 'checks_failed') {
        // the refusals name items by index (items[0].rule): say which medicine, and show the lines again
        e.problem.errors = (e.problem.errors || []).map((fe) => ({ ...fe, field: itemLabel(fe.field) }));
        schedule(0);
      }
      showError(errors, e, allFields(signFields));
      return false;
    }
  });
  const signButton = h('button', { type: 'button', dataset: { testid: 'rx-sign' }, 'aria-expanded': 'false', onclick: () => {
    sign.el.hidden = false;
    signButton.setAttribute('aria-expanded', 'true');
    sign.focus();
  } }, t('rxSign'));
  sign.onCancel = () => { sign.el.hidden = true; signButton.setAttribute('aria-expanded', 'false'); signButton.focus(); };

  for (const item of draft?.items || []) addRow(entryIn(formulary, item.code), item);
  // 'input' fires for text, numbers, selects and checkboxes alike
  el.addEventListener('input', (ev) => { if (!sign.el.contains(ev.target) && ev.target !== pick) changed(); });
  el.append(h('h3', {}, draft ? t('rxEditDraft', { v: draft.version }) : t('rxNewDraft')), errors, facts, summary, top, list,
    formulary.length
      ? h('div', { class: 'rx-add' }, h('label', { for: 'rx-add-select' }, t('rxAddMedicine')), h('div', { class: 'rx-pair' }, pick, add))
      : h('p', { class: 'muted' }, t('rxNoFormulary')),
    h('div', { class: 'field' }, h('label', { class: 'inline' }, emergency, ' ', t('rxEmergency'))),
    field(topFields, 'chronicReason', t('rxChronicReason'), chronic),
    weight.box,
    h('div', { class: 'actions' }, saveButton, signButton),
    sign.el);
  if (draft) showChecks(draft.checks || [], draft);
  schedule(0);
  // the child's allergies changed on the page (allergies.js): the facts line and the checks again
  const onAllergies = (ev) => {
    if (!el.isConnected) {
      if (state.shown) document.removeEventListener(ALLERGIES_CHANGED, onAllergies);
      return;
    }
    if (!ev.detail?.childId || ev.detail.childId === ctx.c.childId) schedule(0);
  };
  document.addEventListener(ALLERGIES_CHANGED, onAllergies);
  return el;
}

const entryIn = (formulary, code) => formulary.find((e) => e.code === code) || null;
const nodes = (x) => [].concat(x);

/** "Sign and send for review": the password again (re-authentication) and the validity, 1 to 3 days. */
function signForm(onSign) {
  const fields = new Map();
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', maxlength: 200, dataset: { testid: 'rx-sign-password' } });
  const days = h('select', { name: 'validDays', dataset: { testid: 'rx-sign-days' } },
    [1, 2, 3].map((n) => h('option', { value: String(n), selected: n === 1 }, n === 1 ? t('rxOneDay') : t('rxNDays', { n }))));
  const submit = h('button', { type: 'submit', dataset: { testid: 'rx-sign-submit' } }, t('rxSignConfirm'));
  const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => form.onCancel?.() }, t('rxCancel'));
  const el = h('form', { class: 'rx-sign', novalidate: true, hidden: true, dataset: { testid: 'rx-sign-form' }, onsubmit: async (ev) => {
    ev.preventDefault();
    const done = busy(submit, t('rxSigning'));
    const ok = await onSign({ password: password.value, validDays: Number(days.value) }, [...fields]);
    if (ok) password.value = ''; else done();
  } },
  h('h4', {}, t('rxSignTitle')), h('p', { class: 'muted' }, t('rxSignHelp')),
  field(fields, 'password', t('password'), password, { required: true }),
  field(fields, 'validDays', t('rxValidDays'), days),
  h('div', { class: 'actions' }, submit, cancel));
  const form = { el, focus: () => password.focus(), onCancel: null };
  return form;
}
