/** The signed-in user: a bearer token for the gateway and the claims the menu needs. */
export interface Session {
  token: string;
  sub: string;
  org: string;
  roles: string[];
  sites: string[];
  department?: string;
  exp?: number;
}

export interface ConsoleConfig {
  demoUsers: { id: string; roles: string[]; department?: string; sites: string[] }[];
  oidc: { issuer: string; clientId: string; scope: string } | null;
  sandbox: boolean;
}

const KEY = 'pc.session';

function base64UrlDecode(part: string): string {
  const b64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  return decodeURIComponent(Array.from(atob(b64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
}

/** The claims of a JWT (not verified here: the gateway verifies every request). */
export function sessionOf(token: string): Session {
  const claims = JSON.parse(base64UrlDecode(token.split('.')[1] ?? '')) as Record<string, unknown>;
  return {
    token,
    sub: typeof claims.sub === 'string' ? claims.sub : '',
    org: typeof claims.org === 'string' ? claims.org : '',
    roles: Array.isArray(claims.roles) ? (claims.roles as string[]) : [],
    sites: Array.isArray(claims.sites) ? (claims.sites as string[]) : [],
    department: typeof claims.department === 'string' ? claims.department : undefined,
    exp: typeof claims.exp === 'number' ? claims.exp : undefined,
  };
}

export function loadSession(now = Date.now()): Session | null {
  const token = localStorage.getItem(KEY);
  if (!token) return null;
  try {
    const s = sessionOf(token);
    return s.exp && s.exp * 1000 <= now ? null : s;
  } catch {
    return null;
  }
}

export function saveSession(token: string): Session {
  localStorage.setItem(KEY, token);
  return sessionOf(token);
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

export async function fetchConsoleConfig(): Promise<ConsoleConfig> {
  const res = await fetch('/console/config');
  if (!res.ok) throw new Error(`GET /console/config: HTTP ${res.status}`);
  return (await res.json()) as ConsoleConfig;
}

export async function demoSignIn(userId: string): Promise<Session> {
  const res = await fetch('/console/demo-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!res.ok) throw new Error(`demo sign-in: HTTP ${res.status}`);
  return saveSession(((await res.json()) as { token: string }).token);
}

// --- OIDC: authorization code with PKCE (a public client; no secret in the browser) ---

const PKCE = 'pc.oidc';

function randomString(bytes = 32): string {
  const a = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...a))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`OIDC discovery at ${issuer}: HTTP ${res.status}`);
  return (await res.json()) as Discovery;
}

const redirectUri = () => `${location.origin}/`;

/** Sends the browser to the issuer's sign-in page. */
export async function startOidc(oidc: NonNullable<ConsoleConfig['oidc']>): Promise<void> {
  const d = await discover(oidc.issuer);
  const verifier = randomString();
  const state = randomString(16);
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const url = new URL(d.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    code_challenge: await pkceChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Back from the issuer (`?code=&state=`): exchanges the code for tokens; null when this is no such return. */
export async function completeOidc(oidc: ConsoleConfig['oidc']): Promise<Session | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!oidc || !code) return null;
  const saved = JSON.parse(sessionStorage.getItem(PKCE) ?? '{}') as { verifier?: string; state?: string };
  sessionStorage.removeItem(PKCE);
  history.replaceState(null, '', `/${location.hash}`);
  if (!saved.verifier || saved.state !== params.get('state')) throw new Error('OIDC: the sign-in answer does not match this browser');
  const d = await discover(oidc.issuer);
  const res = await fetch(d.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
      code_verifier: saved.verifier,
    }),
  });
  if (!res.ok) throw new Error(`OIDC token exchange: HTTP ${res.status}`);
  const tokens = (await res.json()) as { access_token?: string; id_token?: string };
  // the gateway needs a JWT with the org, sites and roles claims: the access token when it is one
  const jwt = tokens.access_token?.split('.').length === 3 ? tokens.access_token : tokens.id_token;
  if (!jwt) throw new Error('OIDC: the issuer returned no JWT');
  return saveSession(jwt);
}

/** Which pages a user's roles open (ADMIN: all); the server checks every call again. */
export const PAGES = {
  frontDesk: ['FRONT_DESK', 'COMPLAINT_REP', 'AREA_MANAGER', 'SITE_HEAD'],
  queue: ['DEPARTMENT_STAFF', 'DEPARTMENT_HEAD', 'SITE_HEAD', 'QUALITY', 'LEADERSHIP'],
  areaManager: ['AREA_MANAGER', 'SITE_HEAD'],
  callbacks: ['FRONT_DESK', 'COMPLAINT_REP', 'AREA_MANAGER', 'SITE_HEAD', 'QUALITY', 'DEPARTMENT_STAFF', 'DEPARTMENT_HEAD'],
  reports: ['ANALYST', 'QUALITY', 'LEADERSHIP', 'SITE_HEAD', 'AREA_MANAGER'],
  handover: ['FRONT_DESK', 'COMPLAINT_REP', 'AREA_MANAGER', 'DEPARTMENT_STAFF', 'DEPARTMENT_HEAD', 'SITE_HEAD', 'QUALITY', 'LEADERSHIP'],
  customers: ['FRONT_DESK', 'COMPLAINT_REP', 'AREA_MANAGER', 'DEPARTMENT_STAFF', 'DEPARTMENT_HEAD', 'SITE_HEAD', 'QUALITY', 'LEADERSHIP'],
  relationship: ['FRONT_DESK', 'COMPLAINT_REP', 'AREA_MANAGER', 'SITE_HEAD', 'QUALITY', 'LEADERSHIP'],
  surveysPage: ['FRONT_DESK', 'COMPLAINT_REP', 'AREA_MANAGER', 'SITE_HEAD', 'QUALITY', 'LEADERSHIP'],
} as const;

export type PageKey = keyof typeof PAGES;

export function pagesFor(roles: readonly string[]): PageKey[] {
  return (Object.keys(PAGES) as PageKey[]).filter((p) => roles.includes('ADMIN') || PAGES[p].some((r: string) => roles.includes(r)));
}
