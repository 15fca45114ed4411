// #/pharmacy/dispense and #/pharmacy/quarantine (PHARMACIST), tabs beside the review queue (#/pharmacy).
// Dispense: the queue (GET /api/deliveries?state=AWAITING_DISPENSING, each with its prescription's items)
// with a form per item (product code and name, lot, expiry, quantity and unit, manufacturer, and a
// substitute's reason when the code differs) -> POST /api/dispenses (422 lot_expiring and field errors at
// the field); the dispensed parcels to give a courier (GET /api/couriers -> POST .../assignment, only once
// the family chose an address); the parcels waiting for pickup. Quarantine: returned parcels (note ->
// POST .../quarantine) and the quarantined ones, never restocked.
import { api } from './api.js';
import { t, loc, fmtDateTime } from './i18n.js';
import { h, page, field, showError, busy, announce, uid } from './ui.js';
import { QUANTITY_UNITS, quantityText, daysText, ageText, today } from './rx-format.js';
import { deliveryBadge, coldBadge, addressBlock, dispenseRecord, lazyTimeline, coldLine, reasonText, fieldProblem, short } from './delivery-format.js';

const TABS = [['review', '#/pharmacy', 'tabReview'], ['dispense', '#/pharmacy/dispense', 'tabDispense'], ['quarantine', '#/pharmacy/quarantine', 'tabQuarantine']];

/** The pharmacy's tabs: review, dispense and deliver, returns and quarantine. */
export function pharmacyTabs(current) {
  return h('nav', { class: 'tabs', 'aria-label': t('pharmacyTabs') }, TABS.map(([id, href, key]) =>
    h('a', { href, 'aria-current': id === current ? 'page' : null, dataset: { testid: 'pharmacy-tab-' + id } }, t(key))));
}

/** The deliveries in `state`, oldest first; null when the logistics bundle is not installed (404). */
async function inState(state) {
  try {
    return (await api(`/deliveries?state=${state}`)).sort((a, b) => (a.createdAt || '').localeCompare(b.createdAt || ''));
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

const section = (id, title, list, empty, item, testid) => h('section', { 'aria-labelledby': id, dataset: { testid } },
  h('h2', { id }, `${title} (${list.length})`),
  list.length ? h('ul', { class: 'plain ds-list' }, list.map(item)) : h('p', { class: 'muted' }, empty));

const unavailable = (main, title, tab) => page(main, title, pharmacyTabs(tab), h('p', { class: 'muted', dataset: { testid: 'dl-unavailable' } }, t('dlUnavailable')));
const refreshButton = (reload) => h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: reload }, t('refresh')));

/** #/pharmacy/dispense */
export async function dispenseQueue(main) {
  const reload = () => dispenseQueue(main);
  const [waiting, dispensed = [], pickup = []] = (await Promise.all(['AWAITING_DISPENSING', 'DISPENSED', 'AWAITING_PICKUP'].map(inState)))
    .map((list) => list ?? undefined);
  if (!waiting) return unavailable(main, t('dispenseTitle'), 'dispense');
  const [prescriptions, couriers, records] = await Promise.all([
    Promise.all(waiting.map((d) => api(`/prescriptions/${encodeURIComponent(d.prescriptionId)}`).catch((e) => ({ error: e })))),
    dispensed.length ? api('/couriers').catch((e) => ({ error: e })) : [],
    // the lots given, to check before the parcel leaves (one record per prescription; shown without when unreadable)
    Promise.all(dispensed.map((d) => api(`/dispenses?prescriptionId=${encodeURIComponent(d.prescriptionId)}`)
      .then((r) => (Array.isArray(r) ? r : r ? [r] : [])).catch(() => null)))]);
  page(main, t('dispenseTitle'), pharmacyTabs('dispense'),
    section('ds-w', t('dsWaiting'), waiting, t('dsWaitingNone'), (d, i) => dispenseCard(d, prescriptions[i], reload), 'ds-waiting'),
    section('ds-a', t('dsToAssign'), dispensed, t('none'), (d, i) => assignCard(d, couriers, records[i], reload), 'ds-to-assign'),
    section('ds-p', t('dsPickup'), pickup, t('none'), pickupCard, 'ds-pickup'),
    refreshButton(reload));
}

/** The prescription's facts a pharmacist reads before dispensing: age, sex, physician, review. */
function prescriptionFacts(p) {
  return [p.childBirthDate ? `${t('age')}: ${ageText(p.childBirthDate)}` : '', p.childSex ? t('sex_' + p.childSex) : '',
    p.physician ? `${t('physician')}: ${p.physician}` : '',
    p.reviewedBy ? t('rxReviewedBy', { who: p.reviewedBy, t: fmtDateTime(p.reviewedAt) }) : ''].filter(Boolean).join(' · ');
}

function cardHeading(d, level = 'h3') {
  return h(level, {}, `${t('rxNumber')} ${short(d.prescriptionId)} `, deliveryBadge(d.state), d.coldChain ? [' ', coldBadge()] : null);
}

function dispenseCard(d, p, reload) {
  const errors = h('div', { hidden: true });
  const fields = new Map();
  const li = h('li', { class: 'card ds-card', dataset: { testid: 'ds-card', delivery: d.id, prescription: d.prescriptionId, state: d.state } },
    cardHeading(d), errors);
  if (!p || p.error) {
    li.append(h('p', { class: 'field-error' }, t('dsNoPrescription')));
    if (p?.error) showError(errors, p.error);
    return li;
  }
  const rows = (p.items || []).map((it, i) => itemForm(it, i, fields));
  const submit = h('button', { type: 'submit', dataset: { testid: 'ds-submit' } }, t('dsSubmit'));
  const form = h('form', { class: 'ds-form', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const done = busy(submit, t('saving'));
    try {
      await api('/dispenses', { method: 'POST', body: { prescriptionId: d.prescriptionId, items: rows.map((r) => r.read()) } });
      announce(t('dsDone'));
      await reload();
    } catch (e) { done(); showError(errors, e, fields); }
  } }, h('ul', { class: 'plain ds-items' }, rows.map((r) => r.li)), h('div', { class: 'actions' }, submit));
  li.append(...[h('p', { class: 'muted' }, prescriptionFacts(p)),
    d.address ? null : h('p', { class: 'muted', dataset: { testid: 'ds-no-address' } }, t('dsNoAddressYet')), form].filter(Boolean));
  return li;
}

const numberOrNull = (input) => (input.value === '' || Number.isNaN(input.valueAsNumber) ? null : input.valueAsNumber);

/** One prescribed item's dispense inputs; read() gives the item as POST /api/dispenses takes it. */
function itemForm(it, i, fields) {
  const name = loc(it.name) || it.code;
  const key = (k) => `items[${i}].${k}`;
  const code = h('input', { type: 'text', name: 'productCode', maxlength: 64, autocapitalize: 'characters', spellcheck: 'false', value: it.code || '',
    dataset: { testid: 'ds-product-code' } });
  const productName = h('input', { type: 'text', name: 'productName', maxlength: 200, value: name, dataset: { testid: 'ds-product-name' } });
  const lot = h('input', { type: 'text', name: 'lot', maxlength: 50, autocapitalize: 'characters', autocomplete: 'off', spellcheck: 'false',
    dataset: { testid: 'ds-lot' } });
  const expiry = h('input', { type: 'date', name: 'expiry', min: today(), dataset: { testid: 'ds-expiry' } });
  const qty = h('input', { type: 'number', name: 'quantity', min: 0, step: 'any', inputmode: 'decimal', dataset: { testid: 'ds-quantity' } });
  if (it.quantity != null) qty.value = it.quantity;
  const units = !it.quantityUnit || QUANTITY_UNITS.includes(it.quantityUnit) ? QUANTITY_UNITS : [...QUANTITY_UNITS, it.quantityUnit];
  const qUnit = h('select', { name: 'quantityUnit', dataset: { testid: 'ds-quantity-unit' } },
    units.map((u) => h('option', { value: u, selected: u === it.quantityUnit }, t('qu_' + u) === 'qu_' + u ? u : t('qu_' + u))));
  const maker = h('input', { type: 'text', name: 'manufacturer', maxlength: 200, dataset: { testid: 'ds-manufacturer' } });
  const reason = h('textarea', { name: 'substitutionReason', rows: 2, maxlength: 500, dataset: { testid: 'ds-substitution-reason' } });
  const reasonBox = field(fields, key('substitutionReason'), t('dsSubstitutionReason'), reason,
    { required: true, hint: t('dsSubstitutionHint', { code: it.code || '' }) });
  const substituted = () => code.value.trim() !== '' && code.value.trim() !== it.code;
  reasonBox.hidden = !substituted();
  reasonBox.dataset.testid = 'ds-substitution';
  code.addEventListener('input', () => { reasonBox.hidden = !substituted(); });
  const f = (k, label, input, opts) => {
    const el = field(fields, key(k), label, input, opts);
    fields.get(key(k)).label = `${name} · ${label}`;   // the error summary names the medicine too
    return el;
  };
  const legendId = uid('ds-item');
  const prescribed = [quantityText(it.quantity, it.quantityUnit), daysText(it.durationDays),
    it.storage === 'COLD_2_8' ? t('dsStorageCold') : ''].filter(Boolean).join(' · ');
  const li = h('li', { class: 'ds-item', dataset: { testid: 'ds-item', index: String(i), code: it.code } },
    h('fieldset', { 'aria-labelledby': legendId },
      h('legend', { id: legendId }, `${i + 1}. ${name}`),
      prescribed ? h('p', { class: 'muted' }, `${t('dsPrescribed')}: ${prescribed}`) : null,
      h('div', { class: 'rx-pair' }, f('productCode', t('dsProductCode'), code, { required: true }), f('productName', t('dsProductName'), productName)),
      reasonBox,
      h('div', { class: 'rx-pair' }, f('lot', t('dsLot'), lot, { required: true }),
        f('expiry', t('dsExpiry'), expiry, { required: true, hint: it.durationDays ? t('dsExpiryHint', { n: it.durationDays }) : null })),
      h('div', { class: 'rx-pair' }, f('quantity', t('rxQuantity'), qty, { required: true }), f('quantityUnit', t('rxQuantityUnit'), qUnit)),
      f('manufacturer', t('dsManufacturer'), maker, { required: true })));
  fields.get(key('substitutionReason')).label = `${name} · ${t('dsSubstitutionReason')}`;
  const read = () => ({ itemIndex: i, productCode: code.value.trim() || null, productName: productName.value.trim() || null,
    lot: lot.value.trim(), expiry: expiry.value || null, quantity: numberOrNull(qty), quantityUnit: qUnit.value || null,
    manufacturer: maker.value.trim(), substitutionReason: substituted() ? reason.value.trim() || null : null });
  return { li, read };
}

/** A dispensed parcel: its lots, the family's address, and the courier to give it to (only with an address). */
function assignCard(d, couriers, records, reload) {
  const errors = h('div', { hidden: true });
  const fields = new Map();
  const li = h('li', { class: 'card ds-card', dataset: { testid: 'dl-assign-card', delivery: d.id, prescription: d.prescriptionId, state: d.state } },
    cardHeading(d), errors,
    (records || []).map((x) => dispenseRecord(x)),
    d.address ? addressBlock(d.address) : null);
  if (!d.address) {
    li.append(h('p', { class: 'alert IN_PERSON', dataset: { testid: 'dl-no-address' } }, t('dsNoAddress')));
  }
  if (couriers?.error) { showError(errors, couriers.error); return li; }
  const select = h('select', { name: 'courier', disabled: !d.address, dataset: { testid: 'dl-courier-select' } },
    h('option', { value: '' }, t('dsChooseCourier')),
    (couriers || []).map((c) => h('option', { value: c.username }, c.displayName ? `${c.displayName} (${c.username})` : c.username)));
  const assign = h('button', { type: 'submit', disabled: !d.address, dataset: { testid: 'dl-assign' } }, t('dsAssign'));
  const form = h('form', { novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (!select.value) { showError(errors, fieldProblem('courier', t('dsChooseCourier')), fields); return; }
    const done = busy(assign, t('saving'));
    try {
      await api(`/deliveries/${encodeURIComponent(d.id)}/assignment`, { method: 'POST', body: { courier: select.value } });
      announce(t('dsAssigned', { who: select.value }));
      await reload();
    } catch (e) { done(); showError(errors, e, fields); }
  } }, field(fields, 'courier', t('dsCourier'), select, { required: true }), h('div', { class: 'actions' }, assign));
  if (!(couriers || []).length) li.append(h('p', { class: 'muted' }, t('dsNoCouriers')));
  li.append(form);
  return li;
}

function pickupCard(d) {
  return h('li', { class: 'card ds-card', dataset: { testid: 'dl-pickup-card', delivery: d.id, prescription: d.prescriptionId, state: d.state } },
    cardHeading(d),
    h('p', {}, t('dsAssignedTo', { who: d.courier || '—' }), d.updatedAt ? h('span', { class: 'muted' }, ` · ${fmtDateTime(d.updatedAt)}`) : null),
    d.address ? addressBlock(d.address) : null, lazyTimeline(d.id));
}

/** #/pharmacy/quarantine */
export async function returns(main) {
  const reload = () => returns(main);
  const [returned, quarantined] = await Promise.all(['RETURNED', 'QUARANTINED'].map(inState));
  if (!returned) return unavailable(main, t('quarantineTitle'), 'quarantine');
  page(main, t('quarantineTitle'), pharmacyTabs('quarantine'),
    h('p', { class: 'muted' }, t('qtIntro')),
    section('qt-r', t('qtReturned'), returned, t('none'), (d) => returnedCard(d, reload), 'qt-returned'),
    section('qt-q', t('qtQuarantined'), quarantined, t('none'), (d) => returnedCard(d, null), 'qt-quarantined'),
    refreshButton(reload));
}

/** A returned parcel (quarantine with a note when reload is given) or a quarantined one (read-only). */
function returnedCard(d, reload) {
  const errors = h('div', { hidden: true });
  const fields = new Map();
  const li = h('li', { class: 'card ds-card', dataset: { testid: 'qt-card', delivery: d.id, prescription: d.prescriptionId, state: d.state } },
    cardHeading(d), errors,
    h('dl', { class: 'kv' },
      d.refusalReason ? [h('dt', {}, t('dlRefusalReason')), h('dd', {}, reasonText(d.refusalReason))] : null,
      d.attempts ? [h('dt', {}, t('dlAttempts')), h('dd', {}, String(d.attempts))] : null,
      d.note ? [h('dt', {}, t('dlNote')), h('dd', {}, d.note)] : null,
      d.sealNumber ? [h('dt', {}, t('dlSeal')), h('dd', {}, d.sealNumber)] : null,
      d.courier ? [h('dt', {}, t('dsCourier')), h('dd', {}, d.courier)] : null,
      [h('dt', {}, t('dlUpdated')), h('dd', {}, fmtDateTime(d.updatedAt))]),
    coldLine(d, null), lazyTimeline(d.id));
  if (!reload) return li;
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 500, dataset: { testid: 'qt-note' } });
  const go = h('button', { type: 'submit', class: 'danger', dataset: { testid: 'qt-quarantine' } }, t('qtQuarantine'));
  li.append(h('form', { novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (!note.value.trim()) { showError(errors, fieldProblem('note', t('qtNoteRequired')), fields); return; }
    const done = busy(go, t('saving'));
    try {
      await api(`/deliveries/${encodeURIComponent(d.id)}/quarantine`, { method: 'POST', body: { note: note.value.trim() } });
      announce(t('qtDone'));
      await reload();
    } catch (e) { done(); showError(errors, e, fields); }
  } }, field(fields, 'note', t('qtNote'), note, { required: true, hint: t('qtNoteHint') }), h('div', { class: 'actions' }, go)));
  return li;
}
