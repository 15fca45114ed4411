// Dispensing and delivery as the family and the physician see them (GET /api/consultations/{id}/deliveries),
// and the guardian's delivery addresses (GET/POST/DELETE /api/addresses). The family's card: the tracking
// line, the address (chosen or changed until the parcel leaves: POST /api/deliveries/{id}/address), what to
// check at the door, "I received it" while it is on its way (POST .../receipt), a new door code
// (POST .../code), the lots given and the timeline. The physician's section: lots, expiry, by whom, and
// every step with its time. No section without the logistics bundle (404) or without a delivery.
import { api } from './api.js';
import { t, fmtDateTime } from './i18n.js';
import { h, field, showError, clearFieldErrors, busy, announce, uid } from './ui.js';
import { deliveryBadge, coldBadge, addressBlock, fullAddress, trackingLine, timeline, excursionAlert, coldLine, dispenseRecord,
  short, BEFORE_DISPATCH } from './delivery-format.js';

/** Until the parcel is at the door: the family reads what to check there. */
const DOOR_STATES = ['AWAITING_DISPENSING', 'DISPENSED', 'AWAITING_PICKUP', 'IN_TRANSIT', 'FAILED_ATTEMPT'];

const load = (consultationId) => api(`/consultations/${encodeURIComponent(consultationId)}/deliveries`);
const dispensesOf = (data, d) => (data.dispenses || []).filter((x) => (d.dispenseId ? x.id === d.dispenseId : x.prescriptionId === d.prescriptionId));

/** A two-step button: `label`, then the question with confirm and cancel (nothing happens on one stray tap). */
function confirmStep({ label, question, confirmLabel, testid, onConfirm }) {
  const box = h('div', { class: 'dl-confirm' });
  const ask = h('button', { type: 'button', dataset: { testid } }, label);
  const yes = h('button', { type: 'button', dataset: { testid: testid + '-confirm' } }, confirmLabel);
  const no = h('button', { type: 'button', class: 'secondary' }, t('rxCancel'));
  const asking = h('div', { role: 'group', 'aria-label': label }, h('p', {}, question), h('div', { class: 'actions' }, yes, no));
  ask.addEventListener('click', () => { box.replaceChildren(asking); yes.focus(); });
  no.addEventListener('click', () => { box.replaceChildren(ask); ask.focus(); });
  yes.addEventListener('click', async () => {
    const done = busy(yes, t('saving'));
    if (!(await onConfirm())) done();
  });
  box.append(ask);
  return box;
}

// ---- addresses

/** The form adding an address (POST /api/addresses); onAdded(address) after it is saved. */
export function addressForm({ onAdded, makeDefault = false }) {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const text = (name, attrs = {}) => h('input', { type: 'text', name, dataset: { testid: 'addr-' + name }, ...attrs });
  const inputs = {
    recipient: text('recipient', { maxlength: 100, autocomplete: 'name' }),
    phone: h('input', { type: 'tel', name: 'phone', maxlength: 20, autocomplete: 'tel', inputmode: 'tel', dataset: { testid: 'addr-phone' } }),
    province: text('province', { maxlength: 50, autocomplete: 'address-level1' }),
    city: text('city', { maxlength: 50, autocomplete: 'address-level2' }),
    district: text('district', { maxlength: 50, autocomplete: 'address-level3' }),
    street: text('street', { maxlength: 200, autocomplete: 'street-address' }),
    postcode: text('postcode', { maxlength: 10, inputmode: 'numeric', autocomplete: 'postal-code' }),
  };
  const isDefault = h('input', { type: 'checkbox', name: 'isDefault', id: uid('addr-default'), checked: makeDefault, dataset: { testid: 'addr-default' } });
  const add = h('button', { type: 'submit', dataset: { testid: 'addr-add' } }, t('addrAdd'));
  const f = (k, label, opts) => field(fields, k, label, inputs[k], opts);
  const form = h('form', { class: 'addr-form', novalidate: true, dataset: { testid: 'addr-form' }, onsubmit: async (ev) => {
    ev.preventDefault();
    const body = Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value.trim() || null]));
    body.isDefault = isDefault.checked;
    const done = busy(add, t('saving'));
    let saved;
    try {
      saved = await api('/addresses', { method: 'POST', body });
    } catch (e) { done(); showError(errors, e, fields); return; }
    done();
    errors.hidden = true;
    clearFieldErrors(fields);
    Object.values(inputs).forEach((input) => { input.value = ''; });
    announce(t('addrAdded'));
    await onAdded(saved);
  } },
  errors,
  f('recipient', t('addrRecipient'), { required: true }),
  f('phone', t('addrPhone'), { required: true, hint: t('addrPhoneHint') }),
  h('div', { class: 'rx-pair' }, f('province', t('addrProvince'), { required: true }), f('city', t('addrCity'), { required: true }),
    f('district', t('addrDistrict'))),
  f('street', t('addrStreet'), { required: true, hint: t('addrStreetHint') }),
  f('postcode', t('addrPostcode')),
  h('div', { class: 'field' }, h('label', { for: isDefault.id, class: 'check-label' }, isDefault, ' ', t('addrMakeDefault'))),
  h('div', { class: 'actions' }, add));
  return form;
}

/** #/home: the guardian's addresses (the default marked), add one, remove one; null without the logistics bundle (404). */
export async function addressBook() {
  let list;
  try {
    list = await api('/addresses');
  } catch (e) {
    if (e.status === 404) return null;
    const box = h('div');
    showError(box, e);
    return h('section', { class: 'card addr-book', 'aria-labelledby': 'addr-h' }, h('h2', { id: 'addr-h' }, t('addrTitle')), box);
  }
  const errors = h('div', { hidden: true });
  const listBox = h('div');
  const reload = async () => {
    try { render(await api('/addresses')); } catch (e) { showError(errors, e); }
  };
  const item = (a) => h('li', { class: 'addr-item', dataset: { testid: 'addr-item', address: a.id, default: String(!!a.isDefault) } },
    addressBlock(a), a.isDefault ? h('span', { class: 'badge' }, t('addrDefault')) : null,
    confirmStep({ label: t('remove'), question: t('addrRemoveQuestion'), confirmLabel: t('addrRemoveConfirm'), testid: 'addr-remove',
      onConfirm: async () => {
        try {
          await api(`/addresses/${encodeURIComponent(a.id)}`, { method: 'DELETE' });
        } catch (e) { showError(errors, e); return false; }
        announce(t('addrRemoved'));
        await reload();
        return true;
      } }));
  function render(items) {
    listBox.replaceChildren(items.length ? h('ul', { class: 'plain addr-list' }, items.map(item)) : h('p', { class: 'muted' }, t('addrNone')));
    adder.open = !items.length;
  }
  const adder = h('details', { class: 'addr-new' }, h('summary', { dataset: { testid: 'addr-new-toggle' } }, t('addrNew')),
    addressForm({ onAdded: reload, makeDefault: !list.length }));
  render(list);
  return h('section', { class: 'card addr-book', 'aria-labelledby': 'addr-h', dataset: { testid: 'addr-book' } },
    h('h2', { id: 'addr-h' }, t('addrTitle')), h('p', { class: 'muted' }, t('addrIntro')), errors, listBox, adder);
}

/** Choose (or change) the delivery's address among the guardian's, or add one first. */
function addressChooser(d, ctx) {
  const errors = h('div', { hidden: true });
  const name = uid('addr-choice');
  const options = h('div', { class: 'addr-options' });
  const choose = h('button', { type: 'button', disabled: true, dataset: { testid: 'dl-address-choose' } }, t('dlUseAddress'));
  let pending = null;
  const render = (list, selected) => {
    options.replaceChildren(...(list.length ? list.map((a) => h('label', { class: 'addr-option' },
      h('input', { type: 'radio', name, value: a.id, checked: a.id === selected, dataset: { testid: 'addr-option' } }),
      h('span', {}, h('strong', {}, a.recipient || ''), ` ${a.phone || ''}`, a.isDefault ? [' ', h('span', { class: 'badge' }, t('addrDefault'))] : null,
        h('span', { class: 'dl-address-line' }, fullAddress(a))))) : [h('p', { class: 'muted' }, t('addrNone'))]));
    choose.disabled = !list.length;
    adder.open = !list.length;
  };
  const load = async (selected) => {
    try {
      const list = await api('/addresses');
      render(list, selected || d.address?.id || list.find((a) => a.isDefault)?.id || list[0]?.id);
    } catch (e) { showError(errors, e); }
  };
  choose.addEventListener('click', async () => {
    const picked = options.querySelector('input:checked');
    if (!picked) { showError(errors, { problem: { title: t('addrPick') } }); return; }
    const done = busy(choose, t('saving'));
    try {
      await api(`/deliveries/${encodeURIComponent(d.id)}/address`, { method: 'POST', body: { addressId: picked.value } });
    } catch (e) { done(); showError(errors, e); return; }
    announce(t('dlAddressChosen'));
    await ctx.refresh();
  });
  const adder = h('details', { class: 'addr-new' }, h('summary', { dataset: { testid: 'addr-new-toggle' } }, t('addrNew')),
    addressForm({ onAdded: async (a) => { await load(a.id); adder.open = false; choose.focus(); } }));
  const det = h('details', { class: 'dl-change', open: !d.address, dataset: { testid: 'dl-address-change' } },
    h('summary', {}, d.address ? t('dlChangeAddress') : t('dlChooseAddressShort')),
    errors, h('fieldset', { class: 'addr-choices' }, h('legend', {}, t('addrChoose')), options),
    h('div', { class: 'actions' }, choose), adder);
  const ensure = () => { if (!pending) pending = load(); return pending; };
  det.addEventListener('toggle', () => { if (det.open) ensure(); });
  if (det.open) ensure();
  return det;
}

// ---- the family's card

/** The "Delivery" card of consultation c for its guardian; null when there is no delivery or no logistics bundle. */
export async function guardianDeliveries(c) {
  let data;
  try {
    data = await load(c.id);
  } catch (e) {
    return e.status === 404 ? null : h('p', { class: 'muted' }, t('dlCannotShow'));
  }
  if (!data?.deliveries?.length) return null;
  const errors = h('div', { hidden: true });
  const sec = h('section', { class: 'card dl-card', 'aria-labelledby': 'dl-g-h', dataset: { testid: 'dl-guardian' } });
  const ctx = { errors };
  const render = (next) => {
    sec.replaceChildren(h('h2', { id: 'dl-g-h', tabindex: '-1' }, t('dlTitle')), errors,
      ...next.deliveries.map((d) => guardianItem(d, dispensesOf(next, d), ctx)),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', dataset: { testid: 'dl-refresh' }, onclick: () => ctx.refresh() }, t('refresh'))));
  };
  ctx.refresh = async () => {
    try {
      errors.hidden = true;
      render(await load(c.id));
    } catch (e) { showError(errors, e); return; }
    sec.querySelector('#dl-g-h').focus();
  };
  render(data);
  return sec;
}

function guardianItem(d, dispenses, ctx) {
  return h('article', { class: 'dl-one', dataset: { testid: 'dl-guardian-delivery', delivery: d.id, prescription: d.prescriptionId, state: d.state } },
    h('h3', {}, `${t('dlParcel')} ${short(d.id)} `, deliveryBadge(d.state), d.coldChain ? [' ', coldBadge()] : null),
    trackingLine(d),
    excursionAlert(d, 'dlExcursionFamily'),
    h('div', { class: 'dl-address-part' }, h('h4', {}, t('dlAddress')),
      d.address ? addressBlock(d.address) : h('p', { class: 'alert IN_PERSON', dataset: { testid: 'dl-address-missing' } }, t('dlChooseAddress')),
      BEFORE_DISPATCH.includes(d.state) ? addressChooser(d, ctx) : null),
    DOOR_STATES.includes(d.state) ? doorChecks(d) : null,
    d.state === 'IN_TRANSIT' && !d.excursion ? receipt(d, ctx) : null,
    d.state === 'IN_TRANSIT' ? newCode(d, ctx) : null,
    d.state === 'DELIVERED' ? h('p', { class: 'dl-delivered', dataset: { testid: 'dl-delivered' } },
      t('dlDeliveredAt', { t: fmtDateTime(d.deliveredAt || d.updatedAt) })) : null,
    dispenses.map((x) => dispenseRecord(x)),
    h('h4', {}, t('dlTimeline')), timeline(d));
}

function doorChecks(d) {
  return h('div', { class: 'dl-door', dataset: { testid: 'dl-door-checks' } }, h('h4', {}, t('dlDoorTitle')),
    h('ul', {},
      h('li', {}, d.sealNumber ? t('dlDoorSealNumbered', { n: d.sealNumber }) : t('dlDoorSeal')),
      h('li', {}, t('dlDoorCode')),
      d.coldChain ? h('li', {}, t('dlDoorCold')) : null,
      h('li', {}, t('dlDoorRefuse'))));
}

function receipt(d, ctx) {
  return confirmStep({ label: t('dlReceived'), confirmLabel: t('dlReceivedConfirm'), testid: 'dl-receipt',
    question: d.coldChain ? t('dlReceivedQuestionCold') : t('dlReceivedQuestion'),
    onConfirm: async () => {
      try {
        await api(`/deliveries/${encodeURIComponent(d.id)}/receipt`, { method: 'POST', body: {} });
      } catch (e) { showError(ctx.errors, e); return false; }
      announce(t('dlReceivedDone'));
      await ctx.refresh();
      return true;
    } });
}

/** No text message, or the code was used up at the door: a new one (POST .../code). */
function newCode(d, ctx) {
  const sent = h('span', { class: 'muted', role: 'status', hidden: true, dataset: { testid: 'dl-code-sent' } }, t('dlCodeSentFamily'));
  const b = h('button', { type: 'button', class: 'secondary', dataset: { testid: 'dl-resend' } }, t('dlResend'));
  b.addEventListener('click', async () => {
    const done = busy(b, t('sending'));
    try {
      await api(`/deliveries/${encodeURIComponent(d.id)}/code`, { method: 'POST', body: {} });
      sent.hidden = false;
      announce(t('dlCodeSentFamily'));
    } catch (e) { showError(ctx.errors, e); }
    done();
  });
  return h('div', { class: 'dl-new-code' }, h('p', { class: 'muted' }, t('dlNoText')), h('div', { class: 'actions' }, b, sent));
}

// ---- the physician's section

/** "Dispensing and delivery" below the prescription section; null on 404 or when nothing was dispensed or ordered. */
export async function physicianDeliveries(c) {
  let data;
  try {
    data = await load(c.id);
  } catch (e) {
    if (e.status === 404) return null;
    const box = h('div');
    showError(box, e);
    return h('section', { class: 'card dl-card', 'aria-labelledby': 'dl-p-h', dataset: { testid: 'dl-physician' } },
      h('h2', { id: 'dl-p-h' }, t('dlPhysicianTitle')), box);
  }
  if (!data?.deliveries?.length && !data?.dispenses?.length) return null;
  const kv = (k, v) => (v ? [h('dt', {}, k), h('dd', {}, v)] : null);
  const shownDispenses = new Set();
  return h('section', { class: 'card dl-card', 'aria-labelledby': 'dl-p-h', dataset: { testid: 'dl-physician' } },
    h('h2', { id: 'dl-p-h' }, t('dlPhysicianTitle')),
    (data.deliveries || []).map((d) => {
      const mine = dispensesOf(data, d);
      mine.forEach((x) => shownDispenses.add(x.id));
      return h('article', { class: 'dl-one', dataset: { testid: 'dl-physician-delivery', delivery: d.id, prescription: d.prescriptionId, state: d.state } },
        h('h3', {}, `${t('rxNumber')} ${short(d.prescriptionId)} `, deliveryBadge(d.state), d.coldChain ? [' ', coldBadge()] : null),
        trackingLine(d),
        mine.map((x) => dispenseRecord(x)),
        coldLine(d, null), excursionAlert(d, 'dlExcursionPhysician'),
        h('dl', { class: 'kv' }, kv(t('dsCourier'), d.courier), kv(t('dlSeal'), d.sealNumber),
          kv(t('dlDispatchedAt'), fmtDateTime(d.dispatchedAt)), kv(t('dlDeliveredAtShort'), fmtDateTime(d.deliveredAt))),
        h('h4', {}, t('dlTimeline')), timeline(d));
    }),
    // a dispense without a delivery order (e.g. received from the hospital pharmacy for a collected prescription)
    (data.dispenses || []).filter((x) => !shownDispenses.has(x.id)).map((x) => dispenseRecord(x)));
}
