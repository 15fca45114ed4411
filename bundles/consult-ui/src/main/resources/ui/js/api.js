// REST calls to /api with the bearer token; failures become ApiError carrying the problem+json body.
const TOKEN = 'pediconsult.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export function session() {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) return null;
  try {
    const claims = JSON.parse(decodeURIComponent(escape(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
    if (claims.exp && claims.exp * 1000 < Date.now()) { sessionStorage.removeItem(TOKEN); return null; }
    return { token, username: claims.sub, roles: claims.roles || [], mustChangePassword: claims.pwc === true };
  } catch (e) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
}

export async function login(username, password) {
  const r = await api('/auth/token', { method: 'POST', body: { username, password }, anonymous: true });
  return adopt(r.access_token);
}

/** Keeps a token the server answered (a login, a password change) as this tab's session. */
export function adopt(token) {
  sessionStorage.setItem(TOKEN, token);
  return session();
}

export function logout() {
  sessionStorage.removeItem(TOKEN);
}

/** Logs out on the server too (POST /api/auth/logout revokes the token), then forgets it; never fails. */
export async function signOut() {
  const s = session();
  if (s) {
    try { await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + s.token } }); } catch (e) { /* offline: the token expires by itself */ }
  }
  logout();
}

/** fetch('/api' + path): JSON in and out; {raw: Blob|File, contentType} sends bytes; {blob: true} answers a Blob. */
export async function api(path, opts = {}) {
  const headers = { Accept: opts.blob ? '*/*' : 'application/json' };
  const s = session();
  if (s && !opts.anonymous) headers.Authorization = 'Bearer ' + s.token;
  let body;
  if (opts.raw) { body = opts.raw; headers['Content-Type'] = opts.contentType || 'application/octet-stream'; }
  else if (opts.body !== undefined) { body = JSON.stringify(opts.body); headers['Content-Type'] = 'application/json'; }
  let r;
  try {
    r = await fetch('/api' + path, { method: opts.method || 'GET', headers, body });
  } catch (e) {
    throw new ApiError(0, { code: 'network' });
  }
  if (r.status === 401 && !opts.anonymous) {
    logout();
    location.hash = '#/login';
  }
  if (!r.ok) {
    let problem = {};
    try { problem = await r.json(); } catch (e) { problem = { title: r.statusText }; }
    throw new ApiError(r.status, problem);
  }
  if (opts.blob) return r.blob();
  if (r.status === 204) return null;
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}
