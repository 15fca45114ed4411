// Prescription words shared by the physician, pharmacist and guardian pages: units, frequencies, body
// sites and routes in the chosen language, a dose in plain words, the child's age, the server's check lines.
// No rule is computed here: every verdict comes from the server (POST .../prescriptions/check).
import { t, loc, lang, fmtDate, fmtDateTime } from './i18n.js';
import { h, stateBadge } from './ui.js';

export const FREQUENCIES = ['QD', 'BID', 'TID', 'QID', 'Q4H', 'Q6H', 'Q8H', 'Q12H'];
export const SITES = ['FACE', 'SCALP', 'TRUNK', 'ARMS', 'LEGS', 'HANDS_FEET', 'NAPPY_AREA', 'GROIN', 'AXILLAE'];
export const QUANTITY_UNITS = ['BOTTLE', 'TUBE', 'BOX', 'SACHET', 'G', 'ML'];

/** A number without float noise: 2.5, 0.25, 12 (at most `digits` decimals). */
export const num = (x, digits = 3) => (x == null || Number.isNaN(Number(x)) ? '' : String(Math.round(Number(x) * 10 ** digits) / 10 ** digits));
export const amount = (x, unit, digits) => `${num(x, digits)} ${unit ? t('unit_' + unit) : ''}`.trim();
const words = (xs) => xs.join(lang() === 'en' ? ', ' : '、');
const paren = (s) => (lang() === 'en' ? ` (${s})` : `（${s}）`);
const keyed = (prefix, v) => (v ? (t(prefix + v) === prefix + v ? v : t(prefix + v)) : '');

export const frequencyText = (f) => keyed('freq_', f);
export const sitesText = (sites) => words((sites || []).map((s) => keyed('site_', s)));
export const routeText = (r) => keyed('route_', r);
export const daysText = (n) => (n == null ? '' : n === 1 ? t('rxForOneDay') : t('rxForDays', { n }));
export const quantityText = (q, u) => (q == null ? '' : `${num(q)} ${keyed('qu_', u)}`.trim());
export const entryOf = (spec, code) => (spec?.formulary || []).find((e) => e.code === code) || null;

/** The dose with its other unit when the formulary entry gives a concentration: "2.5 mg (0.25 mL)". */
export function doseText(item, entry) {
  if (item.dose == null) return '';
  const main = amount(item.dose, item.unit);
  const c = entry?.concentrationPerMl;
  if (!c || !entry.unit || entry.unit === 'ML') return main;
  // the converted amount, to 2 decimals (what an oral syringe can measure)
  if (item.unit === 'ML') return main + paren(amount(item.dose * c, entry.unit, 2));
  if (item.unit === entry.unit) return main + paren(amount(item.dose / c, 'ML', 2));
  return main;
}

/** One line for lists: name · dose · how often · how long · quantity. */
export function itemSummary(item, entry) {
  return [loc(item.name) || item.code, doseText(item, entry), frequencyText(item.frequency), daysText(item.durationDays),
    quantityText(item.quantity, item.quantityUnit)].filter(Boolean).join(' · ');
}

/** Today as YYYY-MM-DD in China (the service's day). */
export const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

/** "18 days", "7 months", "3 y 2 m" from a birth date (YYYY-MM-DD). */
export function ageText(birthDate) {
  if (!birthDate) return '';
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today().split('-').map(Number);
  const months = (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
  if (months < 1) return t('ageDays', { d: Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(by, bm - 1, bd)) / 86400000) });
  if (months < 24) return t('ageMonths', { m: months });
  return t('ageYears', { y: Math.floor(months / 12), m: months % 12 });
}

/** The weight the checks used, with its date and source, or "no weight on record". */
export function weightText(f) {
  if (f?.weightKg == null) return t('rxFactsNoWeight');
  return t('rxFactsWeight', { kg: num(f.weightKg), d: fmtDate(f.weightDate), src: f.weightSource ? keyed('src_', f.weightSource) : '' });
}

export const allergiesText = (f) => (f?.allergies?.length ? words(f.allergies) : t('rxNoAllergies'));

/** One check result: a quiet "✓ rule" when passed; a red line with the message, limit and computed value when refused. */
export function checkLine(r) {
  if (r.passed) {
    return h('li', { class: 'rx-check passed', title: loc(r.message) || null, dataset: { testid: 'rx-check-passed', rule: r.rule } }, '✓ ', r.rule);
  }
  return h('li', { class: 'rx-check refused', dataset: { testid: 'rx-check-refused', rule: r.rule } },
    h('strong', {}, '✗ ', loc(r.message) || r.rule),
    r.limit || r.computed ? h('span', { class: 'rx-limit' }, t('rxLimit', { limit: r.limit || '—', computed: r.computed || '—' })) : null);
}

/** Check lines, refusals first; `collapse` folds the passed ones into a details element. */
export function checkList(results, { label, testid, collapse } = {}) {
  const refused = results.filter((r) => !r.passed);
  const passed = results.filter((r) => r.passed);
  const ul = h('ul', { class: 'rx-checks', 'aria-label': label || t('rxChecks'), dataset: { testid: testid || 'rx-checks' } },
    refused.map(checkLine), collapse ? null : passed.map(checkLine));
  if (!collapse || !passed.length) return ul;
  return [ul, h('details', { class: 'rx-passed' }, h('summary', {}, t('rxPassedN', { n: passed.length })),
    h('ul', { class: 'rx-checks' }, passed.map(checkLine)))];
}

/** What the guardian reads: per medicine, what, how much, how often, how long, where, and the instructions. */
export function plainPrescription(p, spec) {
  return h('article', { class: 'rx-plain-one', dataset: { testid: 'rx-plain', prescription: p.id, state: p.state } },
    h('p', {}, stateBadge(p.state), ' ',
      p.state === 'APPROVED' && p.validUntil ? h('strong', { class: 'rx-valid' }, validityText(p)) : null),
    h('ul', { class: 'plain rx-plain-items' }, (p.items || []).map((it) => plainItem(it, entryOf(spec, it.code)))));
}

function plainItem(it, entry) {
  const rows = [
    [t('rxHowMuch'), it.dose == null ? '' : t('rxEachTime', { amount: doseText(it, entry) })],
    [t('rxHowOften'), frequencyText(it.frequency)],
    [t('rxHowLong'), daysText(it.durationDays)],
    [t('rxWhere'), sitesText(it.sites)],
    [t('rxHow'), routeText(it.route)],
    [t('rxNotes'), loc(it.instructions)]].filter(([, v]) => v);
  return h('li', { dataset: { testid: 'rx-plain-item', code: it.code } }, h('h3', {}, loc(it.name) || it.code),
    h('dl', { class: 'kv' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

/** A problem shaped like the server's, for a required field left empty (shown by showError). */
export function required(fieldName) {
  return { problem: { title: t('errorFields'), errors: [{ field: fieldName, detail: t('rxReasonRequired') }] } };
}

/** The last day a prescription is valid (its validity ends at midnight after that day), e.g. "有效期至 2026年12月5日（含当日）". */
export function validityText(p) {
  return t('rxValidUntil', { t: fmtDate(new Date(Date.parse(p.validUntil) - 1000).toISOString()) });
}
