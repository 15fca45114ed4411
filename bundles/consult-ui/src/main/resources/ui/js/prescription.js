// The physician's prescriptions of one consultation, after the actions: every version with its state,
// the pharmacist's rejection and "correct and sign a new version", void with a reason, and the DRAFT's
// editor (rx-editor.js) while the consultation is IN_PROGRESS or COMPLETED.
import { api } from './api.js';
import { t, fmtDateTime } from './i18n.js';
import { h, clear, field, showError, stateBadge, busy, announce } from './ui.js';
import { itemSummary, entryOf, required, validityText } from './rx-format.js';
import { draftEditor } from './rx-editor.js';

const EDITABLE = ['IN_PROGRESS', 'COMPLETED'];
const VOIDABLE = ['DRAFT', 'AWAITING_REVIEW', 'APPROVED'];

const load = (c) => api(`/consultations/${encodeURIComponent(c.id)}/prescriptions`);
const newestFirst = (list) => [...list].sort((a, b) => (b.createdAt || '').localeCompare(a.createdAt || '') || b.version - a.version);

/**
 * The "Prescription" section of consultation c (spec: its specialty, with the formulary), or null when
 * the prescription bundle is not installed (404), or when there is nothing to list and nothing to write.
 */
export async function prescriptionSection(c, spec) {
  let list;
  try {
    list = await load(c);
  } catch (e) {
    if (e.status === 404) return null;
    const box = h('div');
    showError(box, e);
    return h('section', { class: 'card rx', 'aria-labelledby': 'rx-h', dataset: { testid: 'rx-section' } }, h('h2', { id: 'rx-h' }, t('rxTitle')), box);
  }
  const editable = EDITABLE.includes(c.state);
  if (!editable && !list.length) return null;
  const sec = h('section', { class: 'card rx', 'aria-labelledby': 'rx-h', dataset: { testid: 'rx-section' } });
  const versions = h('div', { class: 'rx-list' });
  const ctx = { c, spec, editable, sec, versions, errors: h('div', { hidden: true }) };
  ctx.refreshList = async () => renderList(ctx, await load(c));
  ctx.reload = async () => {
    render(ctx, await load(c));
    sec.querySelector('#rx-h').focus();
  };
  render(ctx, list);
  return sec;
}

function render(ctx, list) {
  const draft = newestFirst(list).find((p) => p.state === 'DRAFT');
  clear(ctx.sec).append(h('h2', { id: 'rx-h', tabindex: '-1' }, t('rxTitle')), ctx.errors, ctx.versions);
  ctx.errors.hidden = true;
  renderList(ctx, list);
  if (!ctx.editable) return;
  if (draft || !list.length) { ctx.sec.append(draftEditor(ctx, draft || null)); return; }
  const start = h('button', { type: 'button', class: 'secondary', dataset: { testid: 'rx-new' }, onclick: () => {
    const editor = draftEditor(ctx, null);
    start.replaceWith(editor);
    editor.querySelector('select, input')?.focus();
  } }, t('rxNew'));
  ctx.sec.append(h('div', { class: 'actions' }, start));
}

function renderList(ctx, list) {
  const sorted = newestFirst(list);
  const hasDraft = sorted.some((p) => p.state === 'DRAFT');
  const revised = new Set(list.map((p) => p.previousId).filter(Boolean));
  ctx.versions.replaceChildren(sorted.length
    ? h('ul', { class: 'plain rx-versions' }, sorted.map((p) => version(p, ctx, ctx.editable && !hasDraft && !revised.has(p.id))))
    : h('p', { class: 'muted' }, t('rxNone')));
}

function version(p, ctx, canRevise) {
  return h('li', { class: 'rx-version', dataset: { testid: 'rx-version', prescription: p.id, state: p.state } },
    h('p', {}, h('strong', {}, t('rxVersion', { v: p.version })), ' ', stateBadge(p.state),
      p.emergency ? [' ', h('span', { class: 'badge' }, t('rxEmergency'))] : null),
    p.items?.length ? h('ul', { class: 'rx-lines' }, p.items.map((it) => h('li', {}, itemSummary(it, entryOf(ctx.spec, it.code))))) : null,
    meta(p),
    p.state === 'REJECTED' ? h('p', { class: 'field-error', dataset: { testid: 'rx-rejection' } }, t('rxRejectedBecause', { reason: p.rejectionReason || '' })) : null,
    p.state === 'VOIDED' && p.voidReason ? h('p', { class: 'muted' }, t('rxVoidedBecause', { reason: p.voidReason })) : null,
    p.state === 'REJECTED' && canRevise ? h('div', { class: 'actions' }, reviseButton(p, ctx)) : null,
    VOIDABLE.includes(p.state) ? voidForm(p, ctx) : null);
}

function meta(p) {
  const bits = [
    p.signedAt ? t('rxSignedAt', { t: fmtDateTime(p.signedAt) }) : null,
    p.validUntil && ['AWAITING_REVIEW', 'APPROVED'].includes(p.state) ? validityText(p) : null,
    p.reviewedBy ? t('rxReviewedBy', { who: p.reviewedBy, t: fmtDateTime(p.reviewedAt) }) : null].filter(Boolean);
  return bits.length ? h('p', { class: 'muted' }, bits.join(' · ')) : null;
}

function reviseButton(p, ctx) {
  const b = h('button', { type: 'button', dataset: { testid: 'rx-revise' }, onclick: async () => {
    const done = busy(b, t('loading'));
    try {
      await api(`/prescriptions/${encodeURIComponent(p.id)}/revision`, { method: 'POST' });
      announce(t('rxRevisionCreated'));
      await ctx.reload();
    } catch (e) { done(); showError(ctx.errors, e); }
  } }, t('rxRevise'));
  return b;
}

/** Void with a reason, folded in a details element so it is not pressed by accident. */
function voidForm(p, ctx) {
  const fields = new Map();
  const reason = h('input', { type: 'text', name: 'reason', maxlength: 500, dataset: { testid: 'rx-void-reason' } });
  const go = h('button', { type: 'submit', class: 'danger', dataset: { testid: 'rx-void-confirm' } }, t('rxVoidConfirm'));
  const form = h('form', { novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (!reason.value.trim()) { showError(ctx.errors, required('reason'), fields); return; }
    const done = busy(go, t('saving'));
    try {
      await api(`/prescriptions/${encodeURIComponent(p.id)}/void`, { method: 'POST', body: { reason: reason.value.trim() } });
      announce(t('rxVoided'));
      await ctx.reload();
    } catch (e) { done(); showError(ctx.errors, e, fields); }
  } }, field(fields, 'reason', t('rxVoidReason'), reason, { required: true }), h('div', { class: 'actions' }, go));
  return h('details', { class: 'rx-void' }, h('summary', { dataset: { testid: 'rx-void' } }, t('rxVoid')), form);
}
