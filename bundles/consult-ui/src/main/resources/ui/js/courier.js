// #/courier (COURIER): the parcels assigned to me (GET /api/deliveries) as cards for a phone: state, the
// family's address (recipient, the phone as a tel: link), the cold chain with the last temperature and the
// readings count (a red "do not hand over" on an excursion), and what can be done in the state:
// AWAITING_PICKUP dispatch with the tamper seal's number; IN_TRANSIT hand over with the family's code
// (tries left on a wrong code, "send a new code" when it is used up), refuse with a reason, or a failed
// attempt; FAILED_ATTEMPT try again or return; REFUSED return. Devices post the temperatures themselves.
import { api } from './api.js';
import { t, fmtDateTime } from './i18n.js';
import { h, page, field, showError, clearFieldErrors, busy, announce } from './ui.js';
import { deliveryBadge, coldBadge, addressBlock, coldLine, excursionAlert, lazyTimeline, reasonText, fieldProblem, short,
  REFUSAL_REASONS } from './delivery-format.js';

/** Most urgent first: on the way, to pick up, to try again, to bring back. */
const ORDER = ['IN_TRANSIT', 'AWAITING_PICKUP', 'FAILED_ATTEMPT', 'REFUSED'];

/** flash: {delivery, action, text, bad} shown on top after an action (the card may have left the list). */
export async function deliveries(main, flash = null) {
  let list;
  try {
    list = await api('/deliveries');
  } catch (e) {
    if (e.status !== 404) throw e;
    page(main, t('courierTitle'), h('p', { class: 'muted', dataset: { testid: 'dl-unavailable' } }, t('dlUnavailable')));
    return;
  }
  const reload = (next) => deliveries(main, next || null);
  const rank = (d) => (ORDER.includes(d.state) ? ORDER.indexOf(d.state) : ORDER.length);
  list.sort((a, b) => rank(a) - rank(b) || (a.createdAt || '').localeCompare(b.createdAt || ''));
  const open = list.filter((d) => ORDER.includes(d.state));
  const done = list.filter((d) => !ORDER.includes(d.state));
  const readings = await Promise.all(open.map((d) => (d.coldChain
    ? api(`/deliveries/${encodeURIComponent(d.id)}/readings`).catch(() => null) : null)));
  page(main, t('courierTitle'),
    flash ? h('p', { class: flash.bad ? 'alert EMERGENCY' : 'card cr-flash', role: 'status',
      dataset: { testid: 'cr-flash', delivery: flash.delivery, action: flash.action, kind: flash.bad ? 'bad' : 'ok' } }, flash.text) : null,
    open.length ? h('ul', { class: 'plain cr-list' }, open.map((d, i) => card(d, readings[i], reload)))
      : h('p', { class: 'muted', dataset: { testid: 'cr-empty' } }, t('courierNone')),
    done.length ? h('section', { 'aria-labelledby': 'cr-done-h' }, h('h2', { id: 'cr-done-h' }, `${t('courierDone')} (${done.length})`),
      h('ul', { class: 'plain' }, done.map(doneItem))) : null,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => reload() }, t('refresh'))));
}

function doneItem(d) {
  return h('li', { dataset: { testid: 'cr-card', delivery: d.id, state: d.state } },
    `${t('dlParcel')} ${short(d.id)} `, deliveryBadge(d.state),
    h('span', { class: 'muted' }, ` · ${fmtDateTime(d.deliveredAt || d.updatedAt)}`));
}

function card(d, readings, reload) {
  const errors = h('div', { hidden: true });
  const url = (path) => `/deliveries/${encodeURIComponent(d.id)}/${path}`;
  const ctx = { d, errors, reload, url, api: (path, body) => api(url(path), { method: 'POST', body: body ?? {} }) };
  return h('li', { class: 'card cr-card', dataset: { testid: 'cr-card', delivery: d.id, state: d.state, excursion: String(!!d.excursion) } },
    h('h2', {}, `${t('dlParcel')} ${short(d.id)} `, deliveryBadge(d.state), d.coldChain ? [' ', coldBadge()] : null),
    excursionAlert(d, 'crExcursion'),
    errors,
    d.address ? addressBlock(d.address) : h('p', { class: 'field-error' }, t('dlNoAddress')),
    d.sealNumber ? h('p', { dataset: { testid: 'cr-seal-number' } }, `${t('dlSeal')}: `, h('strong', {}, d.sealNumber)) : null,
    coldLine(d, readings),
    d.attempts ? h('p', { class: 'muted' }, t('crAttempts', { n: d.attempts })) : null,
    d.refusalReason ? h('p', {}, `${t('dlRefusalReason')}: ${reasonText(d.refusalReason)}`) : null,
    actions(ctx),
    lazyTimeline(d.id));
}

function actions(ctx) {
  const { d } = ctx;
  switch (d.state) {
    case 'AWAITING_PICKUP': return dispatchForm(ctx);
    case 'IN_TRANSIT': return [d.excursion ? null : handoverForm(ctx), refusalForm(ctx), d.excursion ? null : failedForm(ctx)];
    case 'FAILED_ATTEMPT': return h('div', { class: 'actions' }, postButton(ctx, 'retry', t('crRetry'), 'cr-retry', t('crRetried')),
      confirmed(ctx, 'return', t('crReturn'), t('crReturnQuestion'), 'cr-return', t('crReturned')));
    case 'REFUSED': return h('div', { class: 'actions' }, confirmed(ctx, 'return', t('crReturn'), t('crReturnQuestion'), 'cr-return', t('crReturned')));
    default: return null;
  }
}

/** POST .../{path} with body, then the page again with `doneText` on top; errors stay on the card. */
async function post(ctx, path, body, button, doneText, fields) {
  const done = busy(button, t('saving'));
  try {
    await ctx.api(path, body);
  } catch (e) {
    done();
    if (e.problem?.code === 'cold_chain_excursion') { await ctx.reload({ delivery: ctx.d.id, action: path, text: t('crExcursionNow'), bad: true }); return false; }
    showError(ctx.errors, e, fields);
    return false;
  }
  announce(doneText);
  await ctx.reload({ delivery: ctx.d.id, action: path, text: doneText });
  return true;
}

function postButton(ctx, path, label, testid, doneText) {
  const b = h('button', { type: 'button', dataset: { testid } }, label);
  b.addEventListener('click', () => post(ctx, path, undefined, b, doneText));
  return b;
}

/** A button asking "are you sure?" first (returning a parcel cannot be undone). */
function confirmed(ctx, path, label, question, testid, doneText) {
  const box = h('div', { class: 'cr-confirm' });
  const ask = h('button', { type: 'button', class: 'secondary', dataset: { testid } }, label);
  const yes = h('button', { type: 'button', class: 'danger', dataset: { testid: testid + '-confirm' } }, label);
  const no = h('button', { type: 'button', class: 'secondary' }, t('rxCancel'));
  const asking = h('div', { role: 'group', 'aria-label': label }, h('p', {}, question), h('div', { class: 'actions' }, yes, no));
  ask.addEventListener('click', () => { box.replaceChildren(asking); yes.focus(); });
  no.addEventListener('click', () => { box.replaceChildren(ask); ask.focus(); });
  yes.addEventListener('click', () => post(ctx, path, undefined, yes, doneText));
  box.append(ask);
  return box;
}

function dispatchForm(ctx) {
  const fields = new Map();
  const seal = h('input', { type: 'text', name: 'sealNumber', maxlength: 50, autocapitalize: 'characters', autocomplete: 'off', spellcheck: 'false',
    dataset: { testid: 'cr-seal' } });
  const go = h('button', { type: 'submit', dataset: { testid: 'cr-dispatch' } }, t('crDispatch'));
  return h('form', { class: 'cr-action', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (!seal.value.trim()) { showError(ctx.errors, fieldProblem('sealNumber', t('crSealRequired')), fields); return; }
    await post(ctx, 'dispatch', { sealNumber: seal.value.trim() }, go, t('crDispatched'), fields);
  } }, field(fields, 'sealNumber', t('crSeal'), seal, { required: true, hint: t('crSealHint') }), h('div', { class: 'actions' }, go));
}

/** The family's 6-digit code, with the seal checked; tries left on a wrong code; a new code when it is used up. */
function handoverForm(ctx) {
  const { d } = ctx;
  const fields = new Map();
  const code = h('input', { type: 'text', name: 'code', inputmode: 'numeric', autocomplete: 'off', maxlength: 6, pattern: '[0-9]{6}',
    class: 'cr-code', dataset: { testid: 'cr-code' } });
  const intact = h('input', { type: 'checkbox', name: 'sealIntact', id: 'seal-' + d.id, dataset: { testid: 'cr-seal-intact' } });
  const go = h('button', { type: 'submit', disabled: true, dataset: { testid: 'cr-handover' } }, t('crHandover'));
  intact.addEventListener('change', () => { go.disabled = !intact.checked; });
  const sent = h('p', { class: 'muted', role: 'status', hidden: true, dataset: { testid: 'cr-code-sent' } }, t('dlCodeSent'));
  const resend = h('button', { type: 'button', class: 'secondary', hidden: true, dataset: { testid: 'cr-resend' } }, t('dlResend'));
  const codeField = field(fields, 'code', t('crCode'), code, { required: true, hint: t('crCodeHint') });
  const slot = fields.get('code').slot;
  slot.dataset.testid = 'cr-code-error';
  const codeError = (text, left) => {
    showError(ctx.errors, fieldProblem('code', text), fields);
    if (left == null) delete slot.dataset.triesLeft; else slot.dataset.triesLeft = String(left);
  };
  resend.addEventListener('click', async () => {
    const done = busy(resend, t('sending'));
    try {
      await ctx.api('code');
      ctx.errors.hidden = true;
      clearFieldErrors(fields);
      delete slot.dataset.triesLeft;
      code.value = '';
      sent.hidden = false;
      resend.hidden = true;
      announce(t('dlCodeSent'));
      code.focus();
    } catch (e) { showError(ctx.errors, e); }
    done();
  });
  const form = h('form', { class: 'cr-action cr-handover', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const value = code.value.trim();
    if (!/^[0-9]{6}$/.test(value)) { codeError(t('crCodeFormat'), null); return; }
    const done = busy(go, t('saving'));
    try {
      await ctx.api('handover', { code: value, sealIntact: intact.checked });
    } catch (e) {
      done();
      const p = e.problem || {};
      if (p.code === 'code_wrong') {
        // the platform's detail counts the tries left ("... 4 more tries ..."); none named: that was the last
        const left = Number((p.detail || '').match(/(\d+)/)?.[1] ?? 0);
        codeError(left > 0 ? t('crCodeWrong', { n: left }) : t('crCodeLast'), left);
        resend.hidden = left > 0;
      } else if (p.code === 'code_invalid' || p.code === 'code_expired') {
        codeError(t(p.code === 'code_expired' ? 'crCodeExpired' : 'crCodeInvalid'), 0);
        resend.hidden = false;
        sent.hidden = true;
      } else if (p.code === 'cold_chain_excursion') {
        await ctx.reload({ delivery: d.id, action: 'handover', text: t('crExcursionNow'), bad: true });
      } else {
        showError(ctx.errors, e, fields);
      }
      return;
    }
    announce(t('crDelivered'));
    await ctx.reload({ delivery: d.id, action: 'handover', text: t('crDelivered') });
  } },
  h('h3', {}, t('crHandoverTitle')),
  h('div', { class: 'field' }, h('label', { for: intact.id, class: 'check-label' }, intact, ' ',
    d.sealNumber ? t('crSealIntactNumbered', { n: d.sealNumber }) : t('crSealIntact'))),
  codeField, sent,
  h('div', { class: 'actions' }, go, resend));
  return form;
}

/** Refuse at the door: a reason (temperature excursion chosen and the box open on an excursion) and a note. */
function refusalForm(ctx) {
  const { d } = ctx;
  const fields = new Map();
  const reason = h('select', { name: 'reason', dataset: { testid: 'cr-refuse-reason' } },
    REFUSAL_REASONS.map((r) => h('option', { value: r, selected: d.excursion && r === 'TEMPERATURE_EXCURSION' }, reasonText(r))));
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 500, dataset: { testid: 'cr-refuse-note' } });
  const go = h('button', { type: 'submit', class: 'danger', dataset: { testid: 'cr-refuse' } }, t('crRefuse'));
  return h('details', { class: 'cr-more', open: !!d.excursion },
    h('summary', { dataset: { testid: 'cr-refuse-toggle' } }, t('crRefuseTitle')),
    h('form', { novalidate: true, onsubmit: async (ev) => {
      ev.preventDefault();
      await post(ctx, 'refusal', { reason: reason.value, note: note.value.trim() || null }, go, t('crRefused'), fields);
    } }, field(fields, 'reason', t('dlRefusalReason'), reason, { required: true }),
    field(fields, 'note', t('dlNote'), note), h('div', { class: 'actions' }, go)));
}

/** Nobody there: a note (what happened), then the parcel waits for a retry. */
function failedForm(ctx) {
  const fields = new Map();
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 500, dataset: { testid: 'cr-failed-note' } });
  const go = h('button', { type: 'submit', class: 'secondary', dataset: { testid: 'cr-failed' } }, t('crFailed'));
  return h('details', { class: 'cr-more' },
    h('summary', { dataset: { testid: 'cr-failed-toggle' } }, t('crFailedTitle')),
    h('form', { novalidate: true, onsubmit: async (ev) => {
      ev.preventDefault();
      if (!note.value.trim()) { showError(ctx.errors, fieldProblem('note', t('crFailedNoteRequired')), fields); return; }
      await post(ctx, 'failed-attempt', { note: note.value.trim() }, go, t('crFailedDone'), fields);
    } }, field(fields, 'note', t('dlNote'), note, { required: true, hint: t('crFailedHint') }), h('div', { class: 'actions' }, go)));
}
