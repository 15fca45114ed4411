// Accounts: a family signs up on a phone, resets a forgotten password, changes a temporary one; the guardian
// adds a child; the front desk verifies identities and relationships; the administrator manages staff logins
// and reads the development inbox (embedded mode).
import { api, login, adopt, session } from './api.js';
import { t, fmtDateTime, fmtDate } from './i18n.js';
import { h, page, showError, busy, field, announce, clear } from './ui.js';

const ID_TYPES = ['RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_RESIDENT_ID'];
const RELATIONSHIPS = ['MOTHER', 'FATHER', 'GRANDPARENT', 'LEGAL_GUARDIAN'];
const STAFF_ROLES = ['PHARMACIST', 'COURIER', 'FRONT_DESK', 'AUDITOR', 'BILLING', 'INTEGRATION_ADMIN'];

const tel = (name) => h('input', { type: 'tel', name, autocomplete: 'tel', inputmode: 'tel', maxlength: 20 });
const text = (name, attrs = {}) => h('input', { type: 'text', name, ...attrs });
const secret = (name, autocomplete) => h('input', { type: 'password', name, autocomplete, maxlength: 200 });
const code = () => h('input', { type: 'text', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, pattern: '[0-9]{6}' });
const select = (name, values, label) => h('select', { name }, values.map((v) => h('option', { value: v }, label(v))));

/**
 * Asks for a code for the number in `phone` (POST `path`), then counts down 60 s before another may be
 * asked for; `after` gets the answer.
 */
function codeButton(phoneInput, path, errors, fields, after) {
  const b = h('button', { type: 'button', class: 'secondary', name: 'send-code' }, t('sendCode'));
  b.addEventListener('click', async () => {
    const done = busy(b, t('sending'));
    try {
      const r = await api(path, { method: 'POST', body: { phone: phoneInput.value.trim() }, anonymous: true });
      errors.hidden = true;
      announce(t('codeSent'));
      after?.(r);
      let left = 60;
      const tick = setInterval(() => {
        left -= 1;
        b.textContent = t('sendAgainIn', { s: left });
        if (left <= 0) { clearInterval(tick); done(); b.textContent = t('sendAgain'); }
      }, 1000);
      b.textContent = t('sendAgainIn', { s: left });
    } catch (e) { done(); showError(errors, e, fields); }
  });
  return b;
}

/** #/signup: mobile number and code, a password, the guardian's real name and ID document. */
export function signUp(main, homeFor) {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const phone = tel('phone');
  const sent = h('p', { class: 'muted', role: 'status', hidden: true }, t('codeSentHint'));
  const c = code();
  const pass = secret('password', 'new-password');
  const family = text('familyName', { autocomplete: 'family-name', maxlength: 50 });
  const given = text('givenName', { autocomplete: 'given-name', maxlength: 50 });
  const idType = select('idType', ID_TYPES, (v) => t('id_' + v));
  const idValue = text('idValue', { autocapitalize: 'characters', maxlength: 20 });
  const submit = h('button', { type: 'submit' }, t('signUp'));
  const form = h('form', { class: 'card login', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const done = busy(submit, t('submitting'));
    try {
      await api('/signup', { method: 'POST', anonymous: true, body: { phone: phone.value.trim(), code: c.value.trim(),
        password: pass.value, familyName: family.value, givenName: given.value, idType: idType.value, idValue: idValue.value } });
      const s = await login(phone.value.trim(), pass.value);
      location.hash = homeFor(s);
    } catch (e) { done(); showError(errors, e, fields); }
  } },
  errors,
  h('p', {}, t('signUpIntro')),
  field(fields, 'phone', t('mobile'), phone, { required: true, hint: t('mobileHint') }),
  h('div', { class: 'actions' }, codeButton(phone, '/signup/code', errors, fields, () => { sent.hidden = false; c.focus(); })),
  sent,
  field(fields, 'code', t('code'), c, { required: true }),
  field(fields, 'password', t('newPassword'), pass, { required: true, hint: t('passwordHint') }),
  field(fields, 'familyName', t('familyName'), family, { required: true, hint: t('realNameHint') }),
  field(fields, 'givenName', t('givenName'), given, { required: true }),
  field(fields, 'idType', t('idType'), idType, { required: true }),
  field(fields, 'idValue', t('idValue'), idValue, { required: true, hint: t('idHint') }),
  h('p', { class: 'muted' }, t('verifyLater')),
  h('div', { class: 'actions' }, submit, h('a', { href: '#/login' }, t('haveAccount'))));
  page(main, t('signUpTitle'), form);
  phone.focus();
}

/** #/reset: a forgotten password, reset with a code sent to the account's mobile number. */
export function reset(main, homeFor) {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const phone = tel('phone');
  const c = code();
  const pass = secret('newPassword', 'new-password');
  const submit = h('button', { type: 'submit' }, t('resetPassword'));
  const sent = h('p', { class: 'muted', role: 'status', hidden: true }, t('resetCodeSent'));
  const form = h('form', { class: 'card login', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const done = busy(submit, t('submitting'));
    try {
      await api('/auth/password-reset', { method: 'POST', anonymous: true, body: { phone: phone.value.trim(), code: c.value.trim(), newPassword: pass.value } });
      const s = await login(phone.value.trim(), pass.value);
      location.hash = homeFor(s);
    } catch (e) { done(); showError(errors, e, fields); }
  } },
  errors,
  field(fields, 'phone', t('mobile'), phone, { required: true }),
  h('div', { class: 'actions' }, codeButton(phone, '/auth/password-reset/code', errors, fields, () => { sent.hidden = false; c.focus(); })),
  sent,
  field(fields, 'code', t('code'), c, { required: true }),
  field(fields, 'newPassword', t('newPassword'), pass, { required: true, hint: t('passwordHint') }),
  h('div', { class: 'actions' }, submit, h('a', { href: '#/login' }, t('backToLogin'))));
  page(main, t('resetTitle'), form);
  phone.focus();
}

/** #/password: change one's password; the only page a temporary password's token may use. */
export function changePassword(main, homeFor) {
  const s = session();
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const current = secret('currentPassword', 'current-password');
  const next = secret('newPassword', 'new-password');
  const submit = h('button', { type: 'submit' }, t('changePassword'));
  const form = h('form', { class: 'card login', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const done = busy(submit, t('submitting'));
    try {
      const r = await api('/auth/password', { method: 'POST', body: { currentPassword: current.value, newPassword: next.value } });
      location.hash = homeFor(adopt(r.access_token));
    } catch (e) { done(); showError(errors, e, fields); }
  } },
  errors,
  s?.mustChangePassword ? h('p', { class: 'alert IN_PERSON', role: 'note' }, t('temporaryPasswordNote')) : null,
  field(fields, 'currentPassword', t('currentPassword'), current, { required: true }),
  field(fields, 'newPassword', t('newPassword'), next, { required: true, hint: t('passwordHint') }),
  h('div', { class: 'actions' }, submit));
  page(main, t('changePasswordTitle'), form);
  current.focus();
}

/** The guardian's verification status, above the children on the home page. */
export function guardianStatus(me) {
  if (!me || me.identityVerified) return null;
  if (me.refusedReason) {
    // the parent may correct the document's type or number; it then waits for the desk again
    const fields = new Map();
    const errors = h('div', { hidden: true });
    const idType = select('idType', ID_TYPES, (v) => t('id_' + v));
    idType.value = me.idType || 'RESIDENT_ID';
    const idValue = text('idValue', { autocapitalize: 'characters', maxlength: 20, value: me.idValue || '' });
    const save = h('button', { type: 'submit', class: 'secondary' }, t('correctId'));
    const form = h('form', { novalidate: true, onsubmit: async (ev) => {
      ev.preventDefault();
      const done = busy(save, t('saving'));
      try {
        await api('/guardians/me/id-document', { method: 'PUT', body: { idType: idType.value, idValue: idValue.value } });
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (e) { done(); showError(errors, e, fields); }
    } }, errors, field(fields, 'idType', t('idType'), idType), field(fields, 'idValue', t('idValue'), idValue),
    h('div', { class: 'actions' }, save));
    return h('section', { class: 'alert IN_PERSON', role: 'status', dataset: { verification: 'refused' } },
      h('h2', {}, t('identityRefused')), h('p', {}, me.refusedReason), h('p', {}, t('identityRefusedHelp')), form);
  }
  return h('section', { class: 'card', role: 'status', dataset: { verification: 'pending' } },
    h('h2', {}, t('identityPending')), h('p', {}, t('identityPendingHelp')));
}

/** A child's relationship state for the signed-in guardian: verified, pending, or refused with the reason. */
export function relationshipNote(child, guardianId) {
  const mine = (child.guardians || []).find((g) => g.guardianId === guardianId);
  if (!mine || mine.verified) return null;
  return h('p', { class: mine.refusedReason ? 'field-error' : 'muted', dataset: { relationship: mine.refusedReason ? 'refused' : 'pending' } },
    mine.refusedReason ? t('relationshipRefused', { reason: mine.refusedReason }) : t('relationshipPending'));
}

/** #/addchild: the guardian registers a child and their relationship (verified later by the hospital). */
export function addChild(main) {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const family = text('familyName', { maxlength: 50 });
  const given = text('givenName', { maxlength: 50 });
  const sex = select('sex', ['FEMALE', 'MALE'], (v) => t('sex_' + v));
  const birth = h('input', { type: 'date', name: 'birthDate', max: new Date().toISOString().slice(0, 10) });
  const relationship = select('relationship', RELATIONSHIPS, (v) => t('rel_' + v));
  const submit = h('button', { type: 'submit' }, t('addChild'));
  const form = h('form', { class: 'card', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const done = busy(submit, t('submitting'));
    try {
      await api('/children', { method: 'POST', body: { familyName: family.value, givenName: given.value, sex: sex.value,
        birthDate: birth.value || null, relationship: relationship.value } });
      location.hash = '#/home';
    } catch (e) { done(); showError(errors, e, fields); }
  } },
  errors,
  field(fields, 'familyName', t('childFamilyName'), family, { required: true }),
  field(fields, 'givenName', t('childGivenName'), given, { required: true }),
  field(fields, 'sex', t('sex'), sex, { required: true }),
  field(fields, 'birthDate', t('birthDate'), birth, { required: true }),
  field(fields, 'relationship', t('relationship'), relationship, { required: true }),
  h('p', { class: 'muted' }, t('relationshipLater')),
  h('div', { class: 'actions' }, submit, h('a', { href: '#/home' }, t('back'))));
  page(main, t('addChild'), form);
  family.focus();
}

/** #/desk: the front desk's queue of identities and relationships to verify or refuse. */
export async function desk(main) {
  const q = await api('/verifications');
  const errors = h('div', { hidden: true });
  const decide = (path, body, row) => async (ev) => {
    const b = ev.currentTarget;
    const reason = body.decision === 'REFUSED' ? row.querySelector('input[name=reason]').value.trim() : undefined;
    const done = busy(b, t('saving'));
    try {
      await api(path, { method: 'POST', body: { ...body, reason } });
      announce(body.decision === 'REFUSED' ? t('refusedDone') : t('verifiedDone'));
      await desk(main);
    } catch (e) { done(); showError(errors, e); }
  };
  // extra: what both decisions send besides (the guardian's id for a relationship)
  const actions = (path, method, extra = {}) => {
    const row = h('div', { class: 'actions' });
    const reason = h('input', { type: 'text', name: 'reason', maxlength: 500, 'aria-label': t('refuseReason'), placeholder: t('refuseReason') });
    row.append(
      h('button', { type: 'button', name: 'verify', onclick: decide(path, { ...extra, decision: 'VERIFIED', method }, row) }, t('verify')),
      reason,
      h('button', { type: 'button', class: 'secondary', name: 'refuse', onclick: decide(path, { ...extra, decision: 'REFUSED' }, row) }, t('refuse')));
    return row;
  };
  const identities = q.identities.map((g) => h('li', { class: 'card', dataset: { guardian: g.id } },
    h('h3', {}, `${g.familyName}${g.givenName}`),
    h('p', {}, `${t('mobile')}: ${g.phone || '—'} · ${g.idType ? t('id_' + g.idType) : '—'}: ${g.idValue || '—'}`),
    g.refusedReason ? h('p', { class: 'field-error' }, t('refusedBefore', { reason: g.refusedReason })) : null,
    h('p', { class: 'muted' }, t('deskIdentityHelp')),
    actions(`/guardians/${g.id}/verification`, 'ID_CARD_AT_DESK')));
  const relationships = q.relationships.map((p) => h('li', { class: 'card', dataset: { child: p.child.id, guardian: p.guardian.id } },
    h('h3', {}, `${p.guardian.familyName}${p.guardian.givenName} → ${p.child.familyName}${p.child.givenName}`),
    h('p', {}, `${t('rel_' + p.relationship.relationship)} · ${t('sex_' + p.child.sex)} · ${t('born')} ${fmtDate(p.child.birthDate)}`),
    h('p', { class: 'muted' }, p.guardian.identityVerified ? t('guardianVerified') : t('guardianNotVerified')),
    p.relationship.refusedReason ? h('p', { class: 'field-error' }, t('refusedBefore', { reason: p.relationship.refusedReason })) : null,
    actions(`/children/${p.child.id}/guardianship-verification`, 'BIRTH_CERTIFICATE', { guardianId: p.guardian.id })));
  page(main, t('deskTitle'), errors,
    h('section', { 'aria-labelledby': 'd-i' }, h('h2', { id: 'd-i' }, t('pendingIdentities', { n: identities.length })),
      identities.length ? h('ul', { class: 'plain' }, identities) : h('p', { class: 'muted' }, t('nothingPending'))),
    h('section', { 'aria-labelledby': 'd-r' }, h('h2', { id: 'd-r' }, t('pendingRelationships', { n: relationships.length })),
      relationships.length ? h('ul', { class: 'plain' }, relationships) : h('p', { class: 'muted' }, t('nothingPending'))));
}

/** #/accounts: staff logins (create with a temporary password, disable, enable), physician logins, the development inbox. */
export async function accounts(main) {
  const [list, physicians, inbox] = await Promise.all([
    api('/accounts?staff=true&limit=500'), api('/physicians'), api('/dev-inbox?limit=20').catch(() => null)]);
  const errors = h('div', { hidden: true });
  const shown = h('div', { role: 'status' });
  const showPassword = (who, password) => {
    clear(shown).append(h('p', { class: 'card', dataset: { temporaryPassword: who } },
      t('temporaryPasswordShown', { who }), ' ', h('code', {}, password)));
    shown.focus?.();
  };
  const fields = new Map();
  const login = text('username', { autocapitalize: 'none', maxlength: 64 });
  const name = text('displayName', { maxlength: 200 });
  const role = select('role', STAFF_ROLES, (v) => t('role_' + v));
  const phone = tel('phone');
  const create = h('button', { type: 'submit' }, t('createAccount'));
  const form = h('form', { class: 'card', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const done = busy(create, t('saving'));
    try {
      const r = await api('/accounts', { method: 'POST', body: { username: login.value.trim(), displayName: name.value,
        phone: phone.value.trim() || null, roles: [role.value] } });
      await accounts(main);
      showPassword(r.account.username, r.temporaryPassword);
    } catch (e) { done(); showError(errors, e, fields); }
  } },
  field(fields, 'username', t('loginName'), login, { required: true }),
  field(fields, 'displayName', t('personName'), name, { required: true }),
  field(fields, 'roles', t('role'), role, { required: true }),
  field(fields, 'phone', t('mobile'), phone, { hint: t('staffPhoneHint') }),
  h('div', { class: 'actions' }, create));
  const act = (label, path, body, cls) => h('button', { type: 'button', class: cls || 'secondary', onclick: async (ev) => {
    const done = busy(ev.currentTarget, t('saving'));
    try {
      const r = await api(path, { method: 'POST', body: typeof body === 'function' ? body() : body });
      await accounts(main);
      if (r?.temporaryPassword) showPassword(r.account.username, r.temporaryPassword);
    } catch (e) { done(); showError(errors, e); }
  } }, label);
  const rows = list.map((a) => h('tr', { dataset: { account: a.username, state: a.enabled ? 'enabled' : 'disabled' } },
    h('td', {}, a.username), h('td', {}, a.displayName), h('td', {}, a.roles.map((r) => t('role_' + r)).join(', ')),
    h('td', {}, !a.enabled ? `${t('disabled')}: ${a.disabledReason || ''}` : a.passwordChangeRequired ? t('temporaryPassword') : t('active')),
    h('td', {}, a.enabled
      ? [act(t('disable'), `/accounts/${encodeURIComponent(a.username)}/disable`, () => ({ reason: prompt(t('disableReason')) || '' })), ' ',
        act(t('newTemporaryPassword'), `/accounts/${encodeURIComponent(a.username)}/temporary-password`, undefined)]
      : act(t('enable'), `/accounts/${encodeURIComponent(a.username)}/enable`, undefined))));
  const withLogin = new Set(list.map((a) => a.username));
  const physicianRows = physicians.map((p) => h('tr', { dataset: { physician: p.username } },
    h('td', {}, `${p.familyName}${p.givenName}`), h('td', {}, p.username),
    h('td', {}, withLogin.has(p.username) ? t('hasLogin')
      : act(t('createLogin'), `/physicians/${p.id}/account`, {}, 'secondary'))));
  const th = (x) => h('th', { scope: 'col' }, x);
  page(main, t('accountsTitle'), errors, shown,
    h('section', { 'aria-labelledby': 'a-n' }, h('h2', { id: 'a-n' }, t('newStaffAccount')), form),
    h('section', { 'aria-labelledby': 'a-s' }, h('h2', { id: 'a-s' }, t('staffAccounts')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'accounts' },
        h('thead', {}, h('tr', {}, [t('loginName'), t('personName'), t('role'), t('status'), ''].map(th))), h('tbody', {}, rows)))),
    h('section', { 'aria-labelledby': 'a-p' }, h('h2', { id: 'a-p' }, t('physicianLogins')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'physicians' },
        h('thead', {}, h('tr', {}, [t('personName'), t('loginName'), ''].map(th))), h('tbody', {}, physicianRows)))),
    inbox ? h('section', { 'aria-labelledby': 'a-i', id: 'dev-inbox' }, h('h2', { id: 'a-i' }, t('devInbox')),
      h('p', { class: 'muted' }, t('devInboxHelp')),
      inbox.length ? h('ul', { class: 'plain inbox' }, inbox.map((m) => h('li', { class: 'card', dataset: { to: m.to } },
        h('p', { class: 'muted' }, `${fmtDateTime(m.at)} · ${m.to} · ${m.purpose}`), h('p', {}, m.text))))
        : h('p', { class: 'muted' }, t('inboxEmpty'))) : null);
}
