// Claim words shared by the billing officer's page (billing.js) and the family's insurance card (insurance.js):
// the claim states (cl_*), amounts in yuan, the line types, the reasons. The server decides everything (which
// rule refused, what the insurer said, what may happen next): nothing here computes a rule or an amount.
import { t, loc, lang } from './i18n.js';
import { h } from './ui.js';
import { num } from './rx-format.js';

/** Every state, in lifecycle order (DRAFT is transient: the tabs leave it out). */
export const CLAIM_STATES = ['DRAFT', 'QUALIFIED', 'INELIGIBLE', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'ADJUDICATED', 'RECONCILED'];
/** The consultation states in which the family sees its insurance card. */
export const CLAIM_ENDINGS = ['COMPLETED', 'REFERRED', 'CANCELLED', 'NO_SHOW'];

export const short = (id) => (id || '').slice(0, 8);
const keyed = (prefix, v) => (v ? (t(prefix + v) === prefix + v ? v : t(prefix + v)) : '');

/** Yuan (a number, or a decimal string as the server may send a BigDecimal): "¥12.50"; null: "—". */
export function money(x) {
  if (x == null || x === '' || Number.isNaN(Number(x))) return '—';
  return new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'zh-CN', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(Number(x));
}

/** A claim state's badge (the consultation and prescription badges' style, with colours of its own). */
export function claimBadge(state) {
  return h('span', { class: 'badge state claim', dataset: { state, testid: 'claim-state' } }, keyed('cl_', state));
}

export const lineTypeText = (type) => keyed('clLine_', type);
export const relationshipText = (r) => keyed('covRel_', r);
export const quantity = (q) => (q == null ? '' : num(q));
/** A dispense unit (BOX, BOTTLE...) in words, as the prescription pages say it; another unit as it is. */
export const unitText = (u) => (u ? keyed('qu_', String(u).toUpperCase()) : '');
/** Whether any line of the claim is a drug whose price is not known (billing must price it). */
export const hasUnpricedDrug = (k) => (k.lines || []).some((l) => l.flag === 'drug-unpriced');

/**
 * Reasons as a list: a server text {zh, en} in the chosen language, a plain string as it is. Plain strings come
 * in English (the server's reasons and the insurer's): in Chinese the list says so (`englishKey`).
 */
export function reasonList(reasons, { testid, englishKey = 'clReasonsInEnglish' } = {}) {
  const list = (reasons || []).filter((r) => r != null && r !== '');
  if (!list.length) return null;
  const english = lang() !== 'en' && list.some((r) => typeof r === 'string');
  return [h('ul', { class: 'cl-reasons', dataset: { testid } }, list.map((r) => h('li', { lang: typeof r === 'string' ? 'en' : null }, loc(r)))),
    english ? h('p', { class: 'muted cl-english', dataset: { testid: testid + '-english' } }, t(englishKey)) : null];
}

/** The claim's lines: type, item code, description, quantity, unit amount, amount, self-pay (with why), paid. */
export function linesTable(lines, { paid = false } = {}) {
  if (!lines?.length) return h('p', { class: 'muted' }, t('clNoLines'));
  const heads = [t('clLineType'), t('clItemCode'), t('clDescription'), t('clQuantity'), t('clUnitAmount'), t('clAmount'), t('clSelfPay'),
    paid ? t('clPaidAmount') : null].filter(Boolean);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'cl-lines', dataset: { testid: 'claim-lines' } },
    h('thead', {}, h('tr', {}, heads.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, lines.map((l) => h('tr', { class: l.selfPay ? 'cl-self' : null, dataset: { testid: 'claim-line', line: l.lineId || '', type: l.type || '' } },
      h('td', {}, h('abbr', { title: lineTypeText(l.type) }, l.type || ''),
        l.originalLineId ? h('span', { class: 'muted cl-corrects' }, t('clCorrects', { id: short(l.originalLineId) })) : null),
      h('td', { class: 'cl-code' }, l.itemCode || '',
        l.drugCode && l.drugCode !== l.itemCode ? h('span', { class: 'muted cl-drug-code' }, ` (${l.drugCode})`) : null),
      h('td', {}, l.description || '',
        l.flag === 'drug-unpriced' ? h('span', { class: 'badge cl-flag', dataset: { testid: 'claim-line-flag' } }, t('clDrugUnpriced')) : null),
      h('td', { class: 'num' }, quantity(l.quantity), l.quantityUnit ? ` ${unitText(l.quantityUnit)}` : ''),
      h('td', { class: 'num' }, money(l.unitAmount)),
      h('td', { class: 'num' }, money(l.amount)),
      h('td', {}, l.selfPay ? [h('strong', {}, t('yes')), l.reason ? h('span', { class: 'cl-line-reason' }, ` · ${l.reason}`) : null]
        : l.reason ? h('span', { class: 'cl-line-reason' }, l.reason) : t('no')),
      paid ? h('td', { class: 'num' }, money(l.paidAmount)) : null)))));
}

/** Claimed, self-pay and (once the insurer paid) paid, as large figures; testid prefix e.g. "claim" -> claim-claimed. */
export function amounts(k, prefix, { showPaid } = {}) {
  const item = (key, label, value, cls) => h('div', { class: 'cl-amount ' + cls },
    h('dt', {}, label), h('dd', { dataset: { testid: `${prefix}-${key}`, amount: value == null ? '' : String(value) } }, money(value)));
  const paid = showPaid ?? (k.paid != null || ['ADJUDICATED', 'RECONCILED'].includes(k.state));
  return h('dl', { class: 'cl-amounts' },
    item('claimed', t('clClaimed'), k.claimed, 'claimed'),
    item('selfpay', t('clSelfPayTotal'), k.selfPay, 'self'),
    paid ? item('paid', t('clPaid'), k.paid, 'paid') : null);
}
