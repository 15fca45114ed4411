// Entry point: hash routing, the header (language switch, log out, navigation), login.
import { api, login, signOut, session } from './api.js';
import { t, lang, setLang } from './i18n.js';
import { h, page, showError, busy, field, clear } from './ui.js';
import * as guardian from './guardian.js';
import * as physician from './physician.js';
import { operations } from './ops.js';
import * as accounts from './accounts.js';
import * as pharmacy from './pharmacy.js';
import * as dispensing from './dispensing.js';
import * as courier from './courier.js';
import * as billing from './billing.js';
import { report } from './report.js';
import { call } from './call.js';
import { watchIdle } from './idle.js';

const main = document.getElementById('main');
const IDLE_NOTICE = 'pediconsult.idleLogout';
const leaveHooks = [];
/**
 * The server's mode from GET /api/health ("demo" or "production"); a banner on every page in demo mode. The last
 * answer is kept for the tab, so the banner is drawn with the page at once instead of after the health check.
 */
const MODE = 'pediconsult.mode';
let mode = sessionStorage.getItem(MODE);
const route = {
  current: '',
  onLeave(fn) { leaveHooks.push(fn); },
  render: () => render(),
};

function homeFor(s) {
  if (!s) return '#/login';
  if (s.mustChangePassword) return '#/password';
  if (s.roles.includes('PHYSICIAN')) return '#/queue';
  if (s.roles.includes('GUARDIAN')) return '#/home';
  if (s.roles.includes('PHARMACIST')) return '#/pharmacy';
  if (s.roles.includes('COURIER')) return '#/courier';
  if (s.roles.includes('FRONT_DESK')) return '#/desk';
  if (s.roles.includes('BILLING')) return '#/billing';
  if (s.roles.includes('INTEGRATION_ADMIN') || s.roles.includes('AUDITOR')) return '#/ops';
  return '#/home';
}

/** Pages open without a session. */
const PUBLIC = new Set(['login', 'signup', 'reset']);

function header() {
  const s = session();
  document.getElementById('skip-link').textContent = t('skip');
  const sw = document.getElementById('lang-switch');
  sw.textContent = t('switchTo');
  sw.setAttribute('aria-label', t('switchLabel'));
  sw.lang = lang() === 'en' ? 'zh-CN' : 'en';
  const demo = document.getElementById('demo-notice');
  demo.textContent = t('demoNotice') + ' ' + t('demoInboxNotice');
  demo.hidden = mode !== 'demo';
  const out = document.getElementById('logout');
  out.textContent = s ? `${t('logout')} (${s.username})` : t('logout');
  out.hidden = !s;
  const nav = clear(document.getElementById('nav'));
  if (!s) return;
  const link = (href, text) => h('a', { href, 'aria-current': location.hash.startsWith(href) ? 'page' : null }, text);
  if (s.roles.includes('GUARDIAN')) nav.append(link('#/home', t('navHome')));
  if (s.roles.includes('PHYSICIAN')) nav.append(link('#/queue', t('navQueue')));
  if (s.roles.includes('PHARMACIST')) nav.append(link('#/pharmacy', t('navPharmacy')));
  if (s.roles.includes('COURIER')) nav.append(link('#/courier', t('navCourier')));
  if (s.roles.includes('FRONT_DESK') || s.roles.includes('INTEGRATION_ADMIN')) nav.append(link('#/desk', t('navDesk')));
  if (s.roles.includes('BILLING') || s.roles.includes('AUDITOR')) nav.append(link('#/billing', t('navBilling')));
  if (s.roles.includes('INTEGRATION_ADMIN')) nav.append(link('#/ops', t('navOps')), link('#/accounts', t('navAccounts')));
  else if (s.roles.includes('AUDITOR')) nav.append(link('#/ops', t('navOps')));
  if (s.roles.includes('INTEGRATION_ADMIN') || s.roles.includes('AUDITOR')) nav.append(link('#/report', t('navReport')));
  nav.append(link('#/password', t('navPassword')));
}

async function render() {
  while (leaveHooks.length) { try { leaveHooks.pop()(); } catch (e) { /* ignore */ } }
  route.current = location.hash;
  const s = session();
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  header();
  if (!s && !PUBLIC.has(parts[0])) { location.replace('#/login'); return; }
  if (s?.mustChangePassword && parts[0] !== 'password') { location.replace('#/password'); return; }
  try {
    switch (parts[0]) {
      case 'login': return loginPage();
      case 'signup': return accounts.signUp(main, homeFor);
      case 'reset': return accounts.reset(main, homeFor);
      case 'password': return accounts.changePassword(main, homeFor);
      case 'addchild': return accounts.addChild(main);
      case 'desk': return await accounts.desk(main);
      case 'accounts': return await accounts.accounts(main);
      case 'home': return await guardian.home(main);
      case 'new': return await guardian.newConsultation(main, params);
      case 'consult': return await guardian.consultation(main, parts[1]);
      case 'waiting': return await guardian.waiting(main, parts[1], route);
      case 'queue': return await physician.queue(main);
      case 'pconsult': return await physician.consultView(main, parts[1]);
      case 'pharmacy':
        if (parts[1] === 'dispense') return await dispensing.dispenseQueue(main);
        if (parts[1] === 'quarantine') return await dispensing.returns(main);
        return await pharmacy.queue(main, params);
      case 'courier': return await courier.deliveries(main);
      case 'billing': return await billing.claims(main, params);
      case 'ops': return await operations(main);
      case 'report': return await report(main);
      case 'call': return await call(main, parts[1], route);
      default: location.replace(homeFor(s));
    }
  } catch (e) {
    const box = h('div');
    page(main, t('errorTitle'), box);
    showError(box, e);
  }
}

function loginPage() {
  const fields = new Map();
  const errors = h('div', { hidden: true });
  const user = h('input', { type: 'text', name: 'username', autocomplete: 'username', autocapitalize: 'none' });
  const pass = h('input', { type: 'password', name: 'password', autocomplete: 'current-password' });
  const submit = h('button', { type: 'submit' }, t('login'));
  const idle = sessionStorage.getItem(IDLE_NOTICE);
  sessionStorage.removeItem(IDLE_NOTICE);
  const notice = idle ? h('p', { class: 'card', role: 'status' }, t('idleLoggedOut')) : null;
  const form = h('form', { class: 'card login', novalidate: true }, notice, errors,
    field(fields, 'username', t('username'), user, { required: true, hint: t('usernameHint') }),
    field(fields, 'password', t('password'), pass, { required: true }),
    h('div', { class: 'actions' }, submit, h('a', { href: '#/reset' }, t('forgotPassword'))),
    h('p', {}, t('newFamily'), ' ', h('a', { href: '#/signup', class: 'button secondary' }, t('signUp'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const done = busy(submit, t('loggingIn'));
    try {
      const s = await login(user.value.trim(), pass.value);
      location.hash = homeFor(s);
    } catch (e) { done(); showError(errors, e, fields); }
  });
  page(main, t('loginTitle'), form);
  user.focus();
}

document.getElementById('lang-switch').addEventListener('click', () => {
  setLang(lang() === 'en' ? 'zh' : 'en');
  main.dataset.route = '';
  render().then(() => document.getElementById('lang-switch').focus());
});
document.getElementById('logout').addEventListener('click', async () => { await signOut(); location.hash = '#/login'; });
watchIdle({
  target: window,
  active: () => !!session(),
  busy: () => /^#\/(call|waiting)\//.test(location.hash),
  onIdle: async () => {
    await signOut();
    sessionStorage.setItem(IDLE_NOTICE, '1');
    if (location.hash === '#/login') render(); else location.hash = '#/login';
  },
});
window.addEventListener('hashchange', render);
setLang(lang());
render();
// the health answers 503 with the same body when something is down: the mode is there either way
fetch('/api/health', { headers: { Accept: 'application/json' } })
  .then((r) => r.json()).then((h) => {
    mode = h.mode || null;
    if (mode) sessionStorage.setItem(MODE, mode); else sessionStorage.removeItem(MODE);
    header();
  }).catch(() => {});
