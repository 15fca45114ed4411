// Renders a specialty's questionnaire from its description (GET /api/specialties/{id}) and
// collects the answers as the server expects them (see specialty-api Question).
import { api } from './api.js';
import { t, loc } from './i18n.js';
import { h, field, uid, announce } from './ui.js';

/**
 * Builds the form body for the questions. Answers are read with the returned collect();
 * errors are placed by path ("measurements[0].date") through fields.
 */
export function questionnaire(questions, fields, ctx) {
  const root = h('div', { class: 'questionnaire' });
  const readers = questions.map((q) => {
    const r = question(q, q.id, fields, ctx);
    root.append(r.el);
    return [q.id, r.read];
  });
  return {
    el: root,
    collect() {
      const answers = {};
      for (const [id, read] of readers) {
        const v = read();
        if (v !== undefined) answers[id] = v;
      }
      return answers;
    },
  };
}

function question(q, path, fields, ctx) {
  const label = loc(q.label);
  const unit = q.unit || undefined;
  const opts = { required: q.required, unit };
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
    const readers = q.items.map((item) => {
      const r = question(item, `${path}[${i}].${item.id}`, fields, ctx);
      box.append(r.el);
      return [item.id, r.read];
    });
    entries.push(() => {
      const o = {};
      for (const [id, read] of readers) { const v = read(); if (v !== undefined) o[id] = v; }
      return o;
    });
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

