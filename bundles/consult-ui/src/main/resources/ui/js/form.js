// Renders a specialty's questionnaire from its description (GET /api/specialties/{id}) and
// collects the answers as the server expects them (see specialty-api Question).
import { api } from './api.js';
import { t, loc } from './i18n.js';
import { h, field, uid, announce } from './ui.js';
import { holds, inBand } from './conditions.js';

export { ageInMonths } from './conditions.js';

/**
 * Builds the form body for the questions. Answers are read with the returned collect();
 * errors are placed by path ("measurements[0].date") through fields. Since SPI 1.4 a question may
 * have an age band (ctx.ageMonths: the child's completed months; a question outside its band is not
 * drawn), a condition on earlier answers (shown only while it holds; hidden answers are not sent),
 * help text and an item code.
 */
export function questionnaire(questions, fields, ctx) {
  const root = h('div', { class: 'questionnaire' });
  const wired = conditional(questions, 'answers', fields, ctx, root);
  return { el: root, collect: wired.collect };
}

/**
 * Draws one level of questions (the top level, or one entry of a group) and keeps each conditional
 * one shown only while its condition holds, in order, as the server decides (Question.askedOf).
 */
function conditional(questions, base, fields, ctx, root) {
  const rows = questions.filter((q) => inBand(q, ctx?.ageMonths)).map((q) => {
    const path = base === 'answers' ? q.id : `${base}.${q.id}`;
    const r = question(q, path, fields, ctx);
    const wrap = h('div', { class: 'question', dataset: { question: q.id, code: q.code?.code || undefined } }, r.el);
    root.append(wrap);
    return { q, wrap, read: r.read };
  });
  const evaluate = () => {
    const answers = {};
    const asked = {};
    for (const row of rows) {
      const shown = !row.q.shownWhen || holds(row.q.shownWhen, answers, (id) => asked[id] === true);
      asked[row.q.id] = shown;
      row.wrap.hidden = !shown;
      if (shown) { const v = row.read(); if (v !== undefined) answers[row.q.id] = v; }
    }
    return answers;
  };
  if (rows.some((r) => r.q.shownWhen)) {
    root.addEventListener('change', evaluate);
    root.addEventListener('input', evaluate);
  }
  evaluate();
  return { collect: evaluate };
}

function question(q, path, fields, ctx) {
  const label = loc(q.label);
  const unit = q.unit || undefined;
  const opts = { required: q.required, unit, hint: q.help ? loc(q.help) : undefined };
  switch (q.type) {
    case 'NUMBER':
    case 'INTEGER': {
      const input = h('input', { type: 'number', inputmode: q.type === 'INTEGER' ? 'numeric' : 'decimal',
        step: q.type === 'INTEGER' ? '1' : 'any', min: q.min ?? undefined, max: q.max ?? undefined, name: path });
      return { el: field(fields, path, label, input, opts), read: () => (input.value === '' ? undefined : Number(input.value)) };
    }
    case 'DATE': {
      const input = h('input', { type: 'date', name: path });
      return { el: field(fields, path, label, input, opts), read: () => input.value || undefined };
    }
    case 'TEXT': {
      const long = !q.max || q.max > 120;
      const input = long ? h('textarea', { name: path, maxlength: q.max ?? undefined, rows: 3 })
        : h('input', { type: 'text', name: path, maxlength: q.max ?? undefined });
      return { el: field(fields, path, label, input, opts), read: () => (input.value.trim() === '' ? undefined : input.value.trim()) };
    }
    case 'CHOICE': {
      const select = h('select', { name: path },
        h('option', { value: '' }, q.required ? '—' : t('none')),
        q.options.map((o) => h('option', { value: o.value }, loc(o.label))));
      return { el: field(fields, path, label, select, opts), read: () => select.value || undefined };
    }
    case 'BOOLEAN':
      return choices(q, path, fields, 'radio', [{ value: 'true', label: t('yes') }, { value: 'false', label: t('no') }],
        (checked) => (checked.length ? checked[0] === 'true' : undefined));
    case 'MULTI_CHOICE':
      return choices(q, path, fields, 'checkbox', q.options.map((o) => ({ value: o.value, label: loc(o.label) })),
        (checked) => (checked.length ? checked : undefined));
    case 'GROUP_LIST':
      return groupList(q, path, fields, ctx);
    case 'PHOTOS':
      return photos(q, path, fields, ctx);
    default: {
      const input = h('input', { type: 'text', name: path });
      return { el: field(fields, path, label, input, opts), read: () => input.value || undefined };
    }
  }
}

function choices(q, path, fields, type, options, toValue) {
  const name = uid('c');
  const legendId = name + '-legend';
  const slot = h('p', { class: 'field-error', id: name + '-error', hidden: true });
  const inputs = options.map((o) => h('input', { type, name, value: o.value, 'aria-describedby': slot.id,
    required: type === 'radio' && q.required ? true : undefined }));
  const set = h('fieldset', { class: 'choices', 'aria-describedby': slot.id, dataset: { field: path } },
    h('legend', { id: legendId }, loc(q.label), q.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    q.help ? h('p', { class: 'muted help' }, loc(q.help)) : null,
    options.map((o, i) => h('label', {}, inputs[i], o.label)), slot);
  fields.set(path, { input: inputs[0], slot, label: loc(q.label) });
  return { el: set, read: () => toValue(inputs.filter((i) => i.checked).map((i) => i.value)) };
}

function groupList(q, path, fields, ctx) {
  const list = h('div', { class: 'entries' });
  const entries = [];
  const slot = h('p', { class: 'field-error', hidden: true });
  fields.set(path, { input: null, slot, label: loc(q.label) });
  const add = (focus) => {
    const i = entries.length;
    const box = h('fieldset', { class: 'entry' }, h('legend', {}, t('entry', { n: i + 1 })));
    const wired = conditional(q.items, `${path}[${i}]`, fields, ctx, box);
    entries.push(() => wired.collect());
    list.append(box);
    if (focus === true) box.querySelector('input,select,textarea')?.focus();
  };
  add();
  const addButton = h('button', { type: 'button', class: 'secondary', onclick: () => add(true) }, t('addEntry'));
  const el = h('fieldset', { class: 'group' }, h('legend', {}, loc(q.label), q.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    list, slot, addButton);
  return { el, read: () => { const v = entries.map((e) => e()).filter((o) => Object.keys(o).length); return v.length ? v : undefined; } };
}

/** PHOTOS: uploaded one by one to the specialty's own endpoint /api/{specialtyId}/photos; the answer is the ids. */
function photos(q, path, fields, ctx) {
  const ids = [];
  const thumbs = h('div', { class: 'thumbs', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted' });
  const input = h('input', { type: 'file', accept: 'image/jpeg,image/png', multiple: true, name: path });
  const wrap = field(fields, path, `${loc(q.label)}${q.max ? ` (≤ ${q.max})` : ''}`, input, { required: false, hint: t('uploadPhotos') });
  if (q.required) wrap.querySelector('label').append(h('span', { class: 'req', 'aria-hidden': 'true' }, ' *'));
  input.setAttribute('aria-required', q.required ? 'true' : 'false');
  const f = fields.get(path);
  input.addEventListener('change', async () => {
    f.slot.hidden = true;
    input.removeAttribute('aria-invalid');
    for (const file of input.files) {
      status.textContent = t('uploading');
      try {
        const r = await api(`/${encodeURIComponent(ctx.specialtyId)}/photos?child=${encodeURIComponent(ctx.childId)}&filename=${encodeURIComponent(file.name)}`,
          { method: 'POST', raw: file, contentType: file.type || 'application/octet-stream' });
        ids.push(r.id);
        const url = URL.createObjectURL(file);
        const item = h('figure', { class: 'thumb', dataset: { photo: r.id } },
          h('img', { src: url, alt: `${t('photos')} ${ids.length}: ${file.name}` }),
          h('button', { type: 'button', class: 'secondary', onclick: () => { ids.splice(ids.indexOf(r.id), 1); item.remove(); status.textContent = t('uploaded', { n: ids.length }); } }, t('remove')));
        thumbs.append(item);
      } catch (e) {
        f.slot.textContent = `${file.name}: ${e.problem?.detail || e.problem?.title || e.message}`;
        f.slot.hidden = false;
        input.setAttribute('aria-invalid', 'true');
      }
    }
    status.textContent = t('uploaded', { n: ids.length });
    announce(status.textContent);
    input.value = '';
  });
  wrap.append(status, thumbs);
  return { el: wrap, read: () => (ids.length ? [...ids] : undefined) };
}

