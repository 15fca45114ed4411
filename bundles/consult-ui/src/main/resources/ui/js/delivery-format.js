// Delivery words shared by the pharmacist's, courier's, guardian's, physician's and operations pages: the
// delivery states (dl_*), the tracking line, the timeline, an address, the cold-chain line, a dispense
// record. Every state change is the server's: nothing here decides what may happen next.
import { api } from './api.js';
import { t, lang, fmtDate, fmtDateTime } from './i18n.js';
import { h, showError } from './ui.js';
import { num, quantityText } from './rx-format.js';

/** The normal way of a parcel, as the family's tracking line shows it. */
export const STEPS = ['AWAITING_DISPENSING', 'DISPENSED', 'AWAITING_PICKUP', 'IN_TRANSIT', 'DELIVERED'];
/** The other states: shown as a note under the tracking line. */
export const EXCEPTIONS = ['FAILED_ATTEMPT', 'REFUSED', 'RETURNED', 'QUARANTINED', 'CANCELLED'];
export const REFUSAL_REASONS = ['SEAL_BROKEN', 'TEMPERATURE_EXCURSION', 'WRONG_PERSON', 'DECLINED'];
/** Before dispatch the guardian may still choose or change the address. */
export const BEFORE_DISPATCH = ['AWAITING_DISPENSING', 'DISPENSED', 'AWAITING_PICKUP'];

export const short = (id) => (id || '').slice(0, 8);
const colon = () => (lang() === 'en' ? ': ' : '：');

/** A delivery state's badge (the prescription states' badge style, with colours of its own). */
export function deliveryBadge(state) {
  return h('span', { class: 'badge state delivery', dataset: { state, testid: 'dl-state' } }, t('dl_' + state));
}

export function coldBadge() {
  return h('span', { class: 'badge cold', dataset: { testid: 'dl-cold-badge' } }, t('dlColdBadge'));
}

export const reasonText = (r) => (r ? t('dlReason_' + r) : '');

/** A problem shaped like the server's naming one field, for an input left empty (shown by showError). */
export function fieldProblem(fieldName, detail) {
  return { problem: { title: t('errorTitle'), errors: [{ field: fieldName, detail }] } };
}

/** One line of an address: province, city, district, street, postcode. */
export function fullAddress(a) {
  if (!a) return '';
  const parts = [a.province, a.city, a.district, a.street].filter(Boolean);
  return parts.join(lang() === 'en' ? ', ' : '') + (a.postcode ? ` ${a.postcode}` : '');
}

/** The phone number as a tel: link (the courier calls it from the card). */
export function phoneLink(phone) {
  if (!phone) return null;
  return h('a', { class: 'dl-phone', href: 'tel:' + phone.replace(/[^\d+]/g, ''), dataset: { testid: 'dl-phone' } }, phone);
}

/** Recipient, phone (a tel: link) and the full address. */
export function addressBlock(a) {
  return h('address', { class: 'dl-address', dataset: { testid: 'dl-address', address: a.id || '' } },
    h('span', { class: 'dl-recipient' }, a.recipient || ''), ' ', phoneLink(a.phone),
    h('span', { class: 'dl-address-line' }, fullAddress(a)));
}

/** The highest normal step reached: the state's own, or for an exception the last normal state of its timeline. */
function reached(d) {
  const i = STEPS.indexOf(d.state);
  if (i >= 0) return i;
  if (d.state === 'CANCELLED') return 0;
  const seen = (d.timeline || []).map((s) => STEPS.indexOf(s.to)).filter((x) => x >= 0 && x < STEPS.length - 1);
  if (seen.length) return Math.max(...seen);
  return d.dispatchedAt ? 3 : d.dispenseId ? 1 : 0;
}

/** The family's tracking line 待配药 → 已配药 → 待取件 → 配送中 → 已送达, and a note for an exception. */
export function trackingLine(d) {
  const at = reached(d);
  const delivered = d.state === 'DELIVERED';
  const exception = EXCEPTIONS.includes(d.state);
  const ol = h('ol', { class: 'dl-track', 'aria-label': t('dlProgress'), dataset: { testid: 'dl-track', state: d.state } },
    STEPS.map((s, i) => {
      const status = delivered || i < at ? 'done' : i === at ? (exception ? 'stopped' : 'current') : 'todo';
      return h('li', { class: 'dl-step ' + status, 'aria-current': status === 'current' ? 'step' : null, dataset: { step: s, status } },
        h('span', { class: 'dl-dot', 'aria-hidden': 'true' }), h('span', { class: 'dl-step-name' }, t('dl_' + s)),
        h('span', { class: 'visually-hidden' }, ` (${t('dlStep_' + status)})`));
    }));
  return [ol, exception ? exceptionNote(d) : null];
}

/** What happened instead: a failed attempt, a refusal (with its reason), a return, a quarantine, a cancellation. */
export function exceptionNote(d) {
  const text = t('dlEx_' + d.state, { n: d.attempts || 1, reason: reasonText(d.refusalReason) });
  return h('div', { class: 'alert IN_PERSON dl-exception', dataset: { testid: 'dl-exception', state: d.state } },
    h('p', {}, text), d.note ? h('p', { class: 'dl-note' }, t('dlNote') + colon() + d.note) : null);
}

/** Who made a step: "家长" for the family, else the login name. */
const actorText = (d, actor) => (!actor ? '' : actor === d.guardian ? t('dlByGuardian') : actor);

/** Every state change with its time, who made it and its note, oldest first. */
export function timeline(d) {
  const steps = d.timeline || [];
  if (!steps.length) return h('p', { class: 'muted' }, t('none'));
  return h('ol', { class: 'dl-timeline', 'aria-label': t('dlTimeline'), dataset: { testid: 'dl-timeline' } },
    steps.map((s) => h('li', { dataset: { to: s.to } },
      h('time', { datetime: s.at }, fmtDateTime(s.at)), ' ', h('strong', {}, t('dl_' + s.to)),
      s.actor ? h('span', { class: 'muted' }, ` · ${actorText(d, s.actor)}`) : null,
      s.note ? h('span', { class: 'dl-note' }, ` · ${s.note}`) : null)));
}

/** The timeline folded in a details element, read with GET /api/deliveries/{id} when first opened (lists carry none). */
export function lazyTimeline(id) {
  const body = h('div', {}, h('p', { class: 'muted' }, t('loading')));
  const det = h('details', { class: 'dl-more', dataset: { testid: 'dl-timeline-toggle' } }, h('summary', {}, t('dlTimeline')), body);
  let loaded = false;
  det.addEventListener('toggle', async () => {
    if (!det.open || loaded) return;
    loaded = true;
    try {
      body.replaceChildren(timeline(await api(`/deliveries/${encodeURIComponent(id)}`)));
    } catch (e) { loaded = false; showError(body, e); }
  });
  return det;
}

/** Cold chain: the last temperature and its time, and how many readings the logger sent (readings: the list, or null). */
export function coldLine(d, readings) {
  if (!d.coldChain) return null;
  const last = d.lastTemperatureC != null
    ? t('dlLastReading', { c: num(d.lastTemperatureC, 1), t: fmtDateTime(d.lastReadingAt) }) : t('dlNoReadings');
  return h('p', { class: 'dl-cold' + (d.excursion ? ' bad' : ''), dataset: { testid: 'dl-cold', excursion: String(!!d.excursion) } },
    h('strong', {}, t('dlColdChain')), ' · ', last,
    readings?.length ? ` · ${t('dlReadings', { n: readings.length })}` : '');
}

/** A temperature excursion: a red alert with the page's own words (key: the courier's or the family's). */
export function excursionAlert(d, key) {
  if (!d.excursion) return null;
  return h('p', { class: 'alert EMERGENCY dl-excursion', role: 'alert', dataset: { testid: 'dl-excursion' } }, h('strong', {}, t(key)));
}

/** One dispense record: who, when, from where; per item the product, lot, expiry, quantity, maker and a substitute's reason. */
export function dispenseRecord(x, names = {}) {
  const hl7 = (x.source || '').startsWith('hl7:');
  return h('div', { class: 'dl-dispense', dataset: { testid: 'dl-dispense', dispense: x.id, prescription: x.prescriptionId } },
    h('p', {}, h('strong', {}, t('dlDispensed')), ' · ', t('dlDispensedBy', { who: x.dispensedBy || '—', t: fmtDateTime(x.dispensedAt) }),
      hl7 ? h('span', { class: 'muted' }, ` · ${t('dlFromHl7')}`) : null),
    h('ul', { class: 'rx-lines dl-lots' }, (x.items || []).map((it) => {
      const code = it.productCode || it.prescribedCode || '';
      const name = it.productName || names[code] || '';
      return h('li', { dataset: { testid: 'dl-lot', lot: it.lot || '', code } },
        [name, code, t('dlLot', { lot: it.lot || '—' }), t('dlExpiry', { d: fmtDate(it.expiry) }),
          quantityText(it.quantity, it.quantityUnit), it.manufacturer || ''].filter(Boolean).join(' · '),
        it.substitutionReason ? h('span', { class: 'dl-subst' }, t('dlSubstituted', { code: it.prescribedCode || '', reason: it.substitutionReason })) : null);
    })));
}

/** Minutes as "1 小时 5 分钟" / "1 h 5 min" (null: "—"). */
export function minutesText(m) {
  if (m == null || Number.isNaN(Number(m))) return '—';
  const total = Math.round(Number(m));
  const hours = Math.floor(total / 60);
  return hours ? t('dlHoursMinutes', { h: hours, m: total % 60 }) : t('dlMinutes', { m: total });
}
