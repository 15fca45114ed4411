// Insurance as the family sees it. On #/consult/{id} once the consultation ended (completed, referred,
// cancelled, no-show): the "医保" card of its newest claim version (`GET /api/consultations/{id}/claims`): the
// state in plain words, what is claimed and what is self-pay (and what the insurer paid), the self-pay items
// and, when the visit is not claimable, the server's reasons. On #/home, per child: the insurance coverage
// (`GET/PUT /api/children/{id}/coverage`), shown and edited. Neither is shown without the claim bundle (404).
import { api } from './api.js';
import { t, fmtDate } from './i18n.js';
import { h, field, showError, clearFieldErrors, busy, announce } from './ui.js';
import { reasonList, amounts, money, relationshipText, quantity, unitText } from './claim-format.js';

// ---- the consultation's card

/** The "医保 / Insurance" card of consultation c; null without the claim bundle (404) or before any claim exists. */
export async function guardianClaim(c) {
  let versions;
  try {
    versions = await api(`/consultations/${encodeURIComponent(c.id)}/claims`);
  } catch (e) {
    return e.status === 404 ? null : h('p', { class: 'muted', dataset: { testid: 'claim-guardian-unavailable' } }, t('clCannotShow'));
  }
  if (!versions?.length) return null;
  const newest = [...versions].sort((a, b) => (b.version || 0) - (a.version || 0));
  // the visit's card: the newest version that is not a drug version (a drug version's lines are all drugs)
  const drugOnly = (v) => (v.lines || []).length > 0 && v.lines.every((l) => l.dispenseId);
  const k = newest.find((v) => !drugOnly(v)) || newest[0];
  // the drugs: the drug lines of every version not replaced by a resubmission
  const replaced = new Set(versions.filter((v) => v.previousId && versions.some((x) => x.id === v.previousId && x.state === 'REJECTED'))
    .map((v) => v.previousId));
  const drugVersions = [...versions].sort((a, b) => (a.version || 0) - (b.version || 0)).filter((v) => !replaced.has(v.id));
  const drugs = drugVersions.flatMap((v) => (v.lines || []).filter((l) => l.dispenseId).map((l) => ({ l, v })));
  const self = (k.lines || []).filter((l) => l.selfPay && !l.dispenseId);
  const why = k.state === 'INELIGIBLE';
  return h('section', { class: 'card cl-guardian', 'aria-labelledby': 'cl-g-h',
    dataset: { testid: 'claim-guardian', claim: k.id, state: k.state, version: String(k.version ?? '') } },
  h('h2', { id: 'cl-g-h' }, t('clGuardianTitle')),
  h('p', { class: 'cl-plain' + (why ? ' cl-plain-no' : ''), dataset: { testid: 'claim-g-state' } }, t('clPlain_' + k.state)),
  amounts(k, 'claim-g'),
  self.length ? [h('h3', {}, t('clSelfPayItems')), h('ul', { class: 'cl-self-items', dataset: { testid: 'claim-g-selfpay-lines' } },
    self.map((l) => h('li', {}, h('span', {}, l.description || l.itemCode || ''), ' ', h('strong', {}, money(l.amount)),
      l.reason ? h('span', { class: 'muted' }, ` · ${l.reason}`) : null)))] : null,
  drugs.length ? [h('h3', {}, t('clDrugs')), h('ul', { class: 'cl-drug-items', dataset: { testid: 'claim-g-drug-lines' } },
    drugs.map(({ l, v }) => h('li', { dataset: { testid: 'claim-g-drug-line', state: v.state, selfpay: String(!!l.selfPay) } },
      h('span', {}, l.description || l.drugCode || ''), ' ',
      h('span', { class: 'muted' }, `${quantity(l.quantity)} ${unitText(l.quantityUnit)}`.trim() + (l.unitAmount != null ? ` × ${money(l.unitAmount)}` : '')), ' · ',
      h('strong', {}, `${l.selfPay ? t('clDrugSelf') : t('clDrugClaimed')} ${money(l.amount)}`),
      l.selfPay && l.reason ? h('span', { class: 'muted' }, ` · ${l.reason}`) : null,
      !l.selfPay ? h('span', { class: 'muted' }, ` · ${t('cl_' + v.state)}`) : null)))] : null,
  k.reasons?.length ? h('div', { class: why ? 'alert IN_PERSON cl-why' : 'cl-notes', dataset: { testid: 'claim-g-reasons-box' } },
    h('h3', {}, why ? t('clGuardianWhy') : t('clNotes')), reasonList(k.reasons, { testid: 'claim-g-reasons' })) : null,
  k.version > 1 ? h('p', { class: 'muted' }, t('clGuardianVersion', { v: k.version })) : null,
  h('p', { class: 'muted' }, t('clGuardianHelp')));
}

// ---- a child's coverage on #/home

const RELATIONSHIPS = ['MTH', 'FTH', 'GRD', 'OTH'];
const FIELDS = ['payer', 'plan', 'insuredId', 'region', 'relationship', 'companyId', 'policyNumber', 'validFrom', 'validTo'];

/**
 * Whether a 404 means "no coverage recorded yet" (the claim bundle's "coverage not found") rather than "no claim
 * bundle" ("there is no resource at this path") or "not your child".
 */
const noCoverageYet = (e) => e.status === 404 && /coverage/i.test(`${e.problem?.detail || ''} ${e.problem?.code || ''}`);

/** The child's coverage, or undefined without the claim bundle; null when none is recorded yet. */
async function readCoverage(childId) {
  try {
    return (await api(`/children/${encodeURIComponent(childId)}/coverage`)) || null;
  } catch (e) {
    if (noCoverageYet(e)) return null;
    if (e.status === 404) return undefined;
    throw e;
  }
}

/** The "医保信息" part of a child's card on #/home: what is recorded, and a form to record or change it. */
export async function coverageSection(child) {
  let cov;
  try {
    cov = await readCoverage(child.id);
  } catch (e) {
    const box = h('div');
    showError(box, e);
    return h('div', { class: 'cov', dataset: { testid: 'cov-card', child: child.id } }, h('h3', {}, t('covTitle')), box);
  }
  if (cov === undefined) return null;
  const sec = h('div', { class: 'cov', dataset: { testid: 'cov-card', child: child.id } });
  const render = (current, focus) => {
    const known = !!current;
    sec.dataset.known = String(known);
    const editor = h('details', { class: 'cov-edit', open: false }, h('summary', { dataset: { testid: 'cov-edit-toggle' } }, known ? t('covChange') : t('covAdd')),
      coverageForm(child, current, (saved) => render(saved, true)));
    sec.replaceChildren(h('h3', { tabindex: '-1' }, t('covTitle')),
      known ? coverageView(current) : h('p', { class: 'muted', dataset: { testid: 'cov-none' } }, t('covNone')),
      editor);
    if (focus) sec.querySelector('h3').focus();
  };
  render(cov, false);
  return sec;
}

function coverageView(c) {
  const kv = (k, v) => (v ? [h('dt', {}, k), h('dd', {}, v)] : null);
  const valid = c.validFrom || c.validTo ? t('covValidRange', { from: c.validFrom ? fmtDate(c.validFrom) : '…', to: c.validTo ? fmtDate(c.validTo) : '…' }) : '';
  return h('dl', { class: 'kv cov-view', dataset: { testid: 'cov-view' } },
    kv(t('covPayer'), c.payer), kv(t('covPlan'), c.plan), kv(t('covInsuredId'), c.insuredId), kv(t('covRegion'), c.region),
    kv(t('covRelationship'), relationshipText(c.relationship)), kv(t('covCompanyId'), c.companyId), kv(t('covPolicyNumber'), c.policyNumber),
    kv(t('covValid'), valid),
    c.source && c.source !== 'GUARDIAN' ? kv(t('covSource'), t('covFromHospital')) : null);
}

/** The coverage form (PUT /api/children/{id}/coverage); onSaved(coverage) after the server took it. */
function coverageForm(child, c, onSaved) {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const text = (name, attrs = {}) => h('input', { type: 'text', name, value: c?.[name] || '', maxlength: 64, autocomplete: 'off',
    spellcheck: 'false', dataset: { testid: 'cov-' + name }, ...attrs });
  const rels = c?.relationship && !RELATIONSHIPS.includes(c.relationship) ? [...RELATIONSHIPS, c.relationship] : RELATIONSHIPS;
  const inputs = {
    payer: text('payer', { maxlength: 100 }),
    plan: text('plan', { maxlength: 100 }),
    insuredId: text('insuredId'),
    region: text('region', { inputmode: 'numeric' }),
    relationship: h('select', { name: 'relationship', dataset: { testid: 'cov-relationship' } }, h('option', { value: '' }, '—'),
      rels.map((r) => h('option', { value: r, selected: r === c?.relationship }, relationshipText(r)))),
    companyId: text('companyId'),
    policyNumber: text('policyNumber'),
    validFrom: h('input', { type: 'date', name: 'validFrom', value: c?.validFrom || '', dataset: { testid: 'cov-validFrom' } }),
    validTo: h('input', { type: 'date', name: 'validTo', value: c?.validTo || '', dataset: { testid: 'cov-validTo' } }),
  };
  const save = h('button', { type: 'submit', dataset: { testid: 'cov-save' } }, t('covSave'));
  const f = (k, opts) => field(fields, k, t('cov' + k[0].toUpperCase() + k.slice(1)), inputs[k], opts);
  return h('form', { class: 'cov-form', novalidate: true, dataset: { testid: 'cov-form' }, onsubmit: async (ev) => {
    ev.preventDefault();
    const body = Object.fromEntries(FIELDS.map((k) => [k, inputs[k].value.trim() || null]));
    const done = busy(save, t('saving'));
    let saved;
    try {
      saved = await api(`/children/${encodeURIComponent(child.id)}/coverage`, { method: 'PUT', body });
    } catch (e) { done(); showError(errors, e, fields); return; }
    done();
    clearFieldErrors(fields);
    errors.hidden = true;
    announce(t('covSaved'));
    onSaved(saved || body);
  } },
  errors,
  h('p', { class: 'muted' }, t('covIntro')),
  f('payer', { required: true, hint: t('covPayerHint') }),
  f('plan', { required: true, hint: t('covPlanHint') }),
  f('insuredId', { required: true, hint: t('covInsuredIdHint') }),
  f('region', { required: true, hint: t('covRegionHint') }),
  f('relationship', { required: true }),
  h('div', { class: 'rx-pair' }, f('validFrom'), f('validTo', { hint: t('covValidToHint') })),
  h('details', { class: 'cov-more' }, h('summary', {}, t('covMore')), f('companyId'), f('policyNumber')),
  h('div', { class: 'actions' }, save));
}
