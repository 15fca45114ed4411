// Small DOM helpers: elements built with textContent only (never innerHTML with data), error display.
import { t, loc, lang } from './i18n.js';

/** h('button', {type: 'button', onclick: fn}, 'text', child, ...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

let idSeq = 0;
export function uid(prefix = 'f') { idSeq += 1; return `${prefix}-${idSeq}`; }

/** Announces a short text to screen readers. */
export function announce(text) {
  const s = document.getElementById('status');
  if (s) { s.textContent = ''; setTimeout(() => { s.textContent = text; }, 30); }
}

export function stateBadge(state) {
  return h('span', { class: 'badge state', dataset: { state } }, t('state_' + state));
}

export function triageBadge(triage) {
  if (!triage?.level) return null;
  return h('span', { class: 'badge ' + triage.level, dataset: { level: triage.level } }, t('level_' + triage.level));
}

/**
 * Shows an API error: a summary box (role=alert) with the problem's title and detail, and each
 * field error next to its input when the form knows the field (fields: Map path -> {input, slot}).
 */
export function showError(box, err, fields = new Map()) {
  clearFieldErrors(fields);
  clear(box);
  const p = err?.problem || {};
  const list = [];
  const errors = Array.isArray(p.errors) && p.errors.length ? p.errors : (p.field ? [{ field: p.field, detail: p.detail }] : []);
  let firstInput = null;
  for (const fe of errors) {
    const f = fields.get(normalizeField(fe.field));
    // a check that gave its reason in Chinese too (SPI 1.4 field problems, the questionnaire's checks)
    if (fe.detailZh && lang() === 'zh') fe.detail = fe.detailZh;
    if (f) {
      f.slot.textContent = fe.detail || p.title || '';
      f.slot.hidden = false;
      f.input?.setAttribute('aria-invalid', 'true');
      firstInput = firstInput || f.input;
    }
    list.push(h('li', {}, f?.label ? `${f.label}: ` : (fe.field ? `${fe.field}: ` : ''), fe.detail || ''));
  }
  const title = err?.status === 0 ? t('errorNetwork') : (p.title || t('errorTitle'));
  box.append(h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('h2', {}, title),
    p.detail && !errors.length ? h('p', {}, p.detail) : null,
    list.length ? [h('p', {}, t('errorFields')), h('ul', {}, list)] : null));
  box.hidden = false;
  (firstInput || box.firstChild).focus?.();
}

export function clearFieldErrors(fields) {
  for (const f of fields.values()) {
    f.slot.textContent = '';
    f.slot.hidden = true;
    f.input?.removeAttribute('aria-invalid');
  }
}

/** "answers.measurements[1].weightKg" and "measurements[1].weightKg" both name the same input. */
export function normalizeField(field) {
  return (field || '').replace(/^answers\./, '');
}

/** A labelled field: label, input, optional hint and the field's error slot, registered in fields. */
export function field(fields, key, labelText, input, { hint, required, unit } = {}) {
  const id = input.id || uid('f');
  input.id = id;
  const errId = id + '-error';
  const slot = h('p', { class: 'field-error', id: errId, hidden: true });
  const describedBy = [errId];
  let hintEl = null;
  if (hint) { hintEl = h('p', { class: 'muted', id: id + '-hint' }, hint); describedBy.push(id + '-hint'); }
  input.setAttribute('aria-describedby', describedBy.join(' '));
  if (required) input.required = true;
  fields?.set(key, { input, slot, label: labelText });
  return h('div', { class: 'field' },
    h('label', { for: id }, labelText, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    hintEl, input, unit ? h('span', { class: 'unit' }, unit) : null, slot);
}

export function page(main, title, ...content) {
  clear(main);
  const h1 = h('h1', { tabindex: '-1' }, title);
  main.append(h1, ...content.flat().filter(Boolean));
  document.title = `${title} · PediConsult`;
  // move focus to the heading on a new page, not when the same page refreshes itself
  if (main.dataset.route !== location.hash) { main.dataset.route = location.hash; h1.focus(); }
  return main;
}

export function busy(button, text) {
  const old = button.textContent;
  button.disabled = true;
  button.textContent = text;
  return () => { button.disabled = false; button.textContent = old; };
}

export function triageBox(triage) {
  if (!triage) return null;
  const level = triage.level;
  return h('section', { class: 'alert ' + level, role: level === 'EMERGENCY' ? 'alert' : null, 'aria-labelledby': 'triage-h', dataset: { level } },
    h('h2', { id: 'triage-h' }, t('level_' + level)),
    level === 'EMERGENCY' ? h('p', { class: 'emergency-call' }, h('strong', {}, t('emergencyCall'))) : null,
    triage.advice ? h('p', { class: 'advice' }, h('strong', {}, t('advice') + (lang() === 'en' ? ': ' : '：')), loc(triage.advice)) : null,
    triage.reasons?.length ? [h('h3', {}, t('reasons')), h('ul', { class: 'reasons' }, triage.reasons.map((r) => h('li', {}, loc(r))))] : null,
    triage.destination ? h('p', { class: 'destination', dataset: { type: triage.destination.type } },
      h('strong', {}, t('goTo') + (lang() === 'en' ? ': ' : '：')), loc(triage.destination.facility),
      triage.urgency ? [' · ', h('span', { class: 'urgency', dataset: { urgency: triage.urgency } }, t('urgency_' + triage.urgency))] : null) : null,
    triage.respondent === 'CHILD' ? h('p', { class: 'muted' }, t('answeredByChild')) : null,
    scoreTable(triage.scores));
}

/** A referral's text in the reader's language: a referral from triage has both (SPI 1.4); a physician's has the one typed. */
export function referralText(zh, other) {
  return lang() === 'zh' && zh ? zh : other;
}

/** The instruments' scores (sent to clinicians only): name, score of max, the authors' band, the code. */
function scoreTable(scores) {
  if (!scores?.length) return null;
  return h('section', { class: 'scores', 'aria-labelledby': 'scores-h' }, h('h3', { id: 'scores-h' }, t('scores')),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('instrument')), h('th', { scope: 'col' }, t('score')),
      h('th', { scope: 'col' }, t('interpretation')))),
    h('tbody', {}, scores.map((s) => h('tr', { dataset: { score: s.id } },
      h('td', {}, loc(s.name), s.code ? h('span', { class: 'muted' }, ` (${s.code.system === 'LN' ? 'LOINC ' : ''}${s.code.code})`) : null),
      h('td', { class: 'score-value' }, s.max != null ? `${fmtNum(s.value)} / ${fmtNum(s.max)}` : fmtNum(s.value),
        s.answered < s.items ? h('span', { class: 'muted' }, ' ' + t('itemsAnswered', { n: s.answered, of: s.items })) : null),
      h('td', {}, s.interpretation ? loc(s.interpretation) : '—'))))));
}

const fmtNum = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
