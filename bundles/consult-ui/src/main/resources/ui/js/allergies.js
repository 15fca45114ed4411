// A child's recorded allergies (GET/POST/DELETE /api/children/{id}/allergies): the list with the reaction,
// who recorded each and when; a small form to add one (an ingredient or a drug class, as the prescription
// checks spell them); remove with a confirm step. After a change the event 'allergies-changed' (bubbling,
// detail {childId}) tells the prescription editor to run its checks again. No <form> element: the section
// may sit inside another form (the new consultation's assessment), so Enter is handled here.
import { api } from './api.js';
import { t, lang, fmtDateTime } from './i18n.js';
import { h, field, showError, clearFieldErrors, busy, announce, uid } from './ui.js';

export const ALLERGIES_CHANGED = 'allergies-changed';

/** Common ingredients and drug classes of the pilot formularies, spelled as the checks compare them. */
export const COMMON_SUBSTANCES = ['paracetamol', 'ibuprofen', 'nsaid', 'cetirizine', 'h1-antihistamine', 'cholecalciferol',
  'iron', 'zinc', 'mometasone', 'clobetasol', 'fluocinolone', 'hydrocortisone', 'topical-corticosteroid', 'penicillins',
  'cephalosporins', 'sulfonamides'];

const url = (childId, id) => `/children/${encodeURIComponent(childId)}/allergies${id ? '/' + encodeURIComponent(id) : ''}`;

/** The substance's name in the chosen language when it is a common one ('' when none or the same). */
function substanceLabel(s) {
  const key = 'alg_' + s;
  const label = t(key);
  return label === key || label.toLowerCase() === s ? '' : label;
}

const named = (s) => {
  const label = substanceLabel(s);
  if (!label) return s;
  return lang() === 'en' ? `${s} (${label})` : `${s}（${label}）`;
};

/**
 * The allergy section of child `childId`, or null when the server has no allergy list (404).
 * editable: with the add form and the remove buttons (the server still decides who may change it).
 */
export async function allergySection(childId, { editable = false } = {}) {
  const headingId = uid('allergy-h');
  const errors = h('div', { hidden: true });
  const list = h('div', { class: 'allergy-list' });
  let allergies;
  try {
    allergies = await api(url(childId));
  } catch (e) {
    if (e.status === 404) return null;
    showError(errors, e);
  }
  const sec = h('section', { class: 'card allergies', 'aria-labelledby': headingId, dataset: { testid: 'allergy-section', child: childId } },
    h('h2', { id: headingId, tabindex: '-1' }, t('allergyTitle')),
    h('p', { class: 'muted' }, t('allergyIntro')),
    errors, list);

  const changed = () => sec.dispatchEvent(new CustomEvent(ALLERGIES_CHANGED, { bubbles: true, detail: { childId } }));

  /** Lists the allergies again from the server; answers false (error shown) when it cannot. */
  async function reload() {
    try {
      render(await api(url(childId)));
      return true;
    } catch (e) { showError(errors, e); return false; }
  }

  function render(items) {
    list.replaceChildren(items?.length
      ? h('ul', { class: 'plain' }, items.map(item))
      : h('p', { class: 'muted allergy-none' }, t('allergyNone')));
  }

  function item(a) {
    const li = h('li', { class: 'allergy', dataset: { testid: 'allergy-item', allergy: a.id, substance: a.substance } },
      h('p', { class: 'allergy-what' }, h('strong', { class: 'allergy-name' }, named(a.substance)),
        a.reaction ? [' · ', h('span', { class: 'allergy-reaction-text' }, `${t('allergyReactionShort')}${lang() === 'en' ? ': ' : '：'}${a.reaction}`)] : null),
      h('p', { class: 'muted allergy-meta' }, t('allergyRecorded', { who: a.recordedBy || '', t: fmtDateTime(a.recordedAt) })));
    if (editable) li.append(removeControl(a));
    return li;
  }

  /** "Remove", then "Remove it?" with confirm and keep: nothing is removed by one stray click. */
  function removeControl(a) {
    const box = h('div', { class: 'actions allergy-actions' });
    const ask = h('button', { type: 'button', class: 'secondary', 'aria-label': t('allergyRemoveNamed', { s: a.substance }),
      dataset: { testid: 'allergy-remove' }, onclick: () => { box.replaceChildren(confirmBox); yes.focus(); } }, t('remove'));
    const yes = h('button', { type: 'button', class: 'danger', dataset: { testid: 'allergy-remove-confirm' }, onclick: async () => {
      const done = busy(yes, t('saving'));
      try {
        await api(url(childId, a.id), { method: 'DELETE' });
      } catch (e) { done(); showError(errors, e); return; }
      errors.hidden = true;
      const shown = await reload();
      changed();
      if (!shown) { done(); return; }
      announce(t('allergyRemoved', { s: a.substance }));
      sec.querySelector('h2').focus();
    } }, t('allergyRemoveConfirm'));
    const keep = h('button', { type: 'button', class: 'secondary', onclick: () => { box.replaceChildren(ask); ask.focus(); } }, t('allergyKeep'));
    const confirmBox = h('div', { class: 'allergy-confirm', role: 'group', 'aria-label': t('allergyRemoveNamed', { s: a.substance }) },
      h('p', {}, t('allergyRemoveQuestion', { s: a.substance })), h('div', { class: 'actions' }, yes, keep));
    box.append(ask);
    return box;
  }

  function addForm() {
    const fields = new Map();
    const listId = uid('allergy-substances');
    const substance = h('input', { type: 'text', name: 'substance', maxlength: 100, list: listId, autocomplete: 'off',
      autocapitalize: 'none', spellcheck: 'false', dataset: { testid: 'allergy-substance' } });
    const reaction = h('input', { type: 'text', name: 'reaction', maxlength: 500, dataset: { testid: 'allergy-reaction' } });
    const suggestions = h('datalist', { id: listId },
      COMMON_SUBSTANCES.map((s) => h('option', { value: s, label: substanceLabel(s) || null })));
    const add = h('button', { type: 'button', dataset: { testid: 'allergy-add' }, onclick: () => submit() }, t('allergyAdd'));
    async function submit() {
      if (add.disabled) return;
      const s = substance.value.trim();
      if (!s) {
        showError(errors, { problem: { title: t('errorTitle'), errors: [{ field: 'substance', detail: t('allergySubstanceRequired') }] } }, fields);
        return;
      }
      const done = busy(add, t('saving'));
      try {
        await api(url(childId), { method: 'POST', body: { substance: s, reaction: reaction.value.trim() || null } });
      } catch (e) { done(); showError(errors, e, fields); return; }
      done();
      errors.hidden = true;
      clearFieldErrors(fields);
      substance.value = '';
      reaction.value = '';
      const shown = await reload();
      changed();
      if (shown) announce(t('allergyAdded', { s: s.toLowerCase() }));
      substance.focus();
    }
    // Enter adds the allergy (and never submits a form around the section); not while an IME composes
    const onEnter = (ev) => {
      if (ev.key === 'Enter' && !ev.isComposing && ev.keyCode !== 229) { ev.preventDefault(); submit(); }
    };
    substance.addEventListener('keydown', onEnter);
    reaction.addEventListener('keydown', onEnter);
    const titleId = uid('allergy-add-h');
    return h('div', { class: 'allergy-add', role: 'group', 'aria-labelledby': titleId },
      h('h3', { id: titleId }, t('allergyAddTitle')),
      field(fields, 'substance', t('allergySubstance'), substance, { required: true, hint: t('allergySubstanceHint') }), suggestions,
      field(fields, 'reaction', t('allergyReaction'), reaction, { hint: t('allergyReactionHint') }),
      h('div', { class: 'actions' }, add));
  }

  if (allergies) render(allergies);
  if (editable && allergies) sec.append(addForm());
  return sec;
}
