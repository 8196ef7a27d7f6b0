// The predicates passed to waitForFunction run in the page, hence the DOM types.
/// <reference lib="dom" />
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWK } from 'jose';
import { chromium, type Browser } from 'playwright-core';
import { DEMO_DATASET } from '@pc/intake';
import { System, eventually, freePort } from '@pc/system';
import { ensureConsoleBuilt } from '../tools/console-build';

/**
 * Issue 28, "OpenID for real": a real OpenID provider (oidc-provider 8, e2e/oidc/issuer.mjs, its own
 * process) beside the whole system; the console signs in through it with the authorization code flow
 * and PKCE in chromium; the gateway and every subgraph verify the provider's tokens by its JWKS, with
 * issuer and audience checked. Real: the provider, the subgraph processes, the gateway, PostgreSQL,
 * NATS, chromium. Mocked: nothing.
 */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const rsaJwk = (kid: string) => ({
  ...(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as Record<string, string>),
  kid,
  alg: 'RS256',
  use: 'sig',
});
const KEY = rsaJwk('pc-test-1');

let system: System;
let issuerProcess: ChildProcess;
let browser: Browser;
let issuer: string;
let origin: string;

/** Starts (or restarts) the provider with these keys, the first signing; it registers the console's origin as the client's redirect. */
async function startIssuer(keys: Record<string, string>[]): Promise<void> {
  if (issuerProcess) {
    const gone = new Promise((r) => issuerProcess.once('exit', r));
    issuerProcess.kill();
    await gone;
  }
  issuerProcess = spawn(process.execPath, [join(__dirname, 'oidc/issuer.mjs'), new URL(issuer).port, origin], {
    env: { ...process.env, OIDC_TEST_JWKS: JSON.stringify(keys) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  issuerProcess.stdout!.on('data', (d: Buffer) => (said += d.toString()));
  issuerProcess.stderr!.on('data', (d: Buffer) => (said += d.toString()));
  await eventually(() => Promise.resolve(said.includes('ready')), 20_000, `the OpenID provider (${said})`);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`);
  ensureConsoleBuilt();
  issuer = `http://127.0.0.1:${await freePort()}`;
  system = await System.start({
    env: {
      ...process.env,
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: 'pc-console',
      CONSOLE_OIDC_ISSUER: issuer,
      CONSOLE_OIDC_CLIENT_ID: 'pc-console',
      CONSOLE_OIDC_SCOPE: 'openid pc',
    },
  });
  await system.seedRegistry(DEMO_DATASET);
  origin = system.gatewayUrl.replace(/\/graphql$/, '');
  await startIssuer([KEY]);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  issuerProcess?.kill();
  await system?.close();
});

const sign = async (key: Record<string, string>, claims: { iss: string; aud: string }) =>
  new SignJWT({ org: 'demo-org', sites: ['*'], roles: ['DEPARTMENT_HEAD'], department: 'ENGINEERING' })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setSubject('oidc-head')
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importJWK(key as unknown as JWK, 'RS256'));

const sites = (token: string) => system.graphql<{ sites: { id: string }[] }>(token, '{ sites { id } }');

it('the console signs in through the provider (code + PKCE) and its ID token reads the organisation through the gateway', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${origin}/`);
  await page.click('[data-testid="sign-in-oidc"]');
  await page.waitForURL((u) => u.toString().startsWith(issuer));
  // the provider's own sign-in page, then its consent page
  await page.fill('input[name="login"]', 'oidc-head');
  await page.fill('input[name="password"]', 'any');
  await page.click('button[type="submit"]');
  // the consent to this client's first grant
  await page.waitForSelector('button[type="submit"]:has-text("Continue")');
  await page.click('button[type="submit"]:has-text("Continue")');
  await page.waitForURL((u) => u.toString().startsWith(origin));
  await page.waitForSelector('[data-testid="whoami"]', { timeout: 30_000 });
  expect(await page.textContent('[data-testid="whoami"]')).toContain('oidc-head');
  // the session the console keeps: the bearer token itself
  const jwt: string = await page.evaluate(() => localStorage.getItem('pc.session') ?? '');
  const [header, payload] = jwt
    .split('.')
    .slice(0, 2)
    .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>);
  expect(header).toMatchObject({ alg: 'RS256', kid: 'pc-test-1' });
  expect(payload).toMatchObject({ iss: issuer, aud: 'pc-console', sub: 'oidc-head', org: 'demo-org', roles: ['DEPARTMENT_HEAD'] });
  expect((await sites(jwt)).data?.sites.map((s) => s.id).sort()).toEqual(['demo-site-1', 'demo-site-2']);
  // the queue page, as the department head sees it, straight after the return from the provider
  await page.waitForSelector('.ant-menu');
  expect(await page.textContent('.ant-menu')).toContain('Department queue');
}, 120_000);

it("tokens of the provider's key are refused with another audience or issuer, and a key the provider does not publish is refused", async () => {
  const ok = await sites(await sign(KEY, { iss: issuer, aud: 'pc-console' }));
  expect(ok.data?.sites).toHaveLength(2); // the control: the same signing path is accepted when all is right
  for (const bad of [
    await sign(KEY, { iss: issuer, aud: 'another-client' }),
    await sign(KEY, { iss: 'http://127.0.0.1:1/evil', aud: 'pc-console' }),
    await sign(rsaJwk('not-published'), { iss: issuer, aud: 'pc-console' }),
  ]) {
    const r = await sites(bad);
    expect(r.data?.sites).toBeUndefined();
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }
});

it('a key rotated while the system runs: tokens of the new key are accepted without a restart (once the verifier may fetch the set again), the old key still works while published', async () => {
  const next = rsaJwk('pc-test-2');
  await startIssuer([next, KEY]);
  const fresh = await sign(next, { iss: issuer, aud: 'pc-console' });
  // an unknown kid fetches the provider's key set again, at most every 30 s (jose's cooldown)
  await eventually(async () => Boolean((await sites(fresh)).data?.sites), 60_000, 'the new key to be accepted');
  expect((await sites(await sign(KEY, { iss: issuer, aud: 'pc-console' }))).data?.sites).toHaveLength(2);
}, 90_000);
