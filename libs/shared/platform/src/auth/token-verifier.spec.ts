import { createServer, type Server } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';
import { Role } from '@pc/contracts';
import { TokenVerifier } from './token-verifier';
import { maskPhones, safeError } from '../errors/log-safety';
import { formatEdgeError, parseStrictDateTime } from '../graphql/graphql-limits';

/** Real: jose, a JWKS served over HTTP on 127.0.0.1. Mocked: nothing (pure token logic). */
const SECRET = 'a-test-secret-of-32-characters!!';
const claims = { org: 'o', sites: ['s1'], roles: [Role.FRONT_DESK] };
const now = () => Math.floor(Date.now() / 1000);

const hs = (payload: Record<string, unknown>, exp: number | null = now() + 3600, extra: (j: SignJWT) => SignJWT = (j) => j) => {
  let jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuedAt();
  if (exp !== null) jwt = jwt.setExpirationTime(exp);
  return extra(jwt).sign(new TextEncoder().encode(SECRET));
};

const hsVerifier = (more: Partial<ConstructorParameters<typeof TokenVerifier>[0]> = {}) =>
  new TokenVerifier({ secret: SECRET, maxTtlSeconds: 86_400, ...more });

describe('tokens mean what they say (api.md auth claims)', () => {
  it('accepts a well-formed HS256 token and reads its claims', async () => {
    await expect(hsVerifier().verify(await hs(claims))).resolves.toEqual({
      sub: 'u1',
      org: 'o',
      sites: ['s1'],
      roles: [Role.FRONT_DESK],
      department: undefined,
    });
  });

  it('verifies a token once and remembers it: the same answer again, a copy the caller may change, never a refused token', async () => {
    const v = hsVerifier();
    const checks = jest.spyOn(v as unknown as { verifyNow: (t: string) => Promise<unknown> }, 'verifyNow');
    const token = await hs(claims);
    const first = await v.verify(token);
    first.sites.push('s2');
    await expect(v.verify(token)).resolves.toMatchObject({ sub: 'u1', sites: ['s1'] });
    expect(checks).toHaveBeenCalledTimes(1);
    const expired = await hs(claims, now() - 3600);
    await expect(v.verify(expired)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(v.verify(expired)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(checks).toHaveBeenCalledTimes(3);
  });

  it('refuses a token without exp', async () => {
    await expect(hsVerifier().verify(await hs(claims, null))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token that expires in the year 9999 (lifetime above the configured maximum)', async () => {
    await expect(hsVerifier().verify(await hs(claims, 253_402_300_000))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: expect.stringMatching(/too far ahead/),
    });
  });

  it('refuses a token with no roles, or an unknown role', async () => {
    await expect(hsVerifier().verify(await hs({ ...claims, roles: [] }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(hsVerifier().verify(await hs({ ...claims, roles: ['ROOT'] }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('issue 29 (finding 2): refuses DEPARTMENT_STAFF and DEPARTMENT_HEAD tokens without a department, with a clear reason', async () => {
    for (const role of [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) {
      await expect(hsVerifier().verify(await hs({ ...claims, roles: [role] }))).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: `claim "department" is required with role ${role}`,
      });
      await expect(hsVerifier().verify(await hs({ ...claims, roles: [role], department: 'ENGINEERING' }))).resolves.toMatchObject({
        department: 'ENGINEERING',
      });
    }
    await expect(
      hsVerifier().verify(await hs({ ...claims, roles: [Role.DEPARTMENT_STAFF], department: 'PLUMBING' })),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses an expired token, a wrong signature and an unsigned token', async () => {
    await expect(hsVerifier().verify(await hs(claims, now() - 3600))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const other = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-of-32-characters!'));
    await expect(hsVerifier().verify(other)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, sub: 'u1', exp: now() + 60 })).toString('base64url')}.`;
    await expect(hsVerifier().verify(unsigned)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('checks iss and aud when they are configured', async () => {
    const v = hsVerifier({ issuer: 'https://idp.example', audience: 'property-care' });
    await expect(v.verify(await hs(claims))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      v.verify(await hs(claims, now() + 600, (j) => j.setIssuer('https://evil.example').setAudience('property-care'))),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      v.verify(await hs(claims, now() + 600, (j) => j.setIssuer('https://idp.example').setAudience('property-care'))),
    ).resolves.toMatchObject({ sub: 'u1' });
  });
});

describe('RS256 and ES256 tokens against an OIDC issuer JWKS, with key rotation', () => {
  let server: Server;
  let keys: JWK[] = [];
  let url = '';

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const keyPair = async (alg: 'RS256' | 'ES256', kid: string) => {
    const { publicKey, privateKey } = await generateKeyPair(alg);
    return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
  };
  const sign = (k: { alg: string; kid: string; privateKey: KeyLike }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: k.alg, kid: k.kid })
      .setSubject('u1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(k.privateKey);

  it('verifies RS256 and ES256 tokens by kid, follows a rotation, and refuses a key that was withdrawn', async () => {
    const rsa = await keyPair('RS256', 'rsa-1');
    const ec = await keyPair('ES256', 'ec-1');
    keys = [rsa.jwk, ec.jwk];
    const v = new TokenVerifier({ jwksUrl: url, maxTtlSeconds: 86_400, jwksCooldownMs: 0 });
    await expect(v.verify(await sign(rsa))).resolves.toMatchObject({ sub: 'u1', org: 'o' });
    await expect(v.verify(await sign(ec))).resolves.toMatchObject({ sub: 'u1' });

    // the issuer rotates: a new key appears, the old one is withdrawn
    const next = await keyPair('RS256', 'rsa-2');
    keys = [next.jwk];
    await expect(v.verify(await sign(next))).resolves.toMatchObject({ sub: 'u1' });
    // a forged token under an unknown kid is refused
    const forged = await keyPair('RS256', 'rsa-3');
    await expect(v.verify(await sign(forged))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses HS256 tokens when only a JWKS is configured (no algorithm confusion)', async () => {
    const v = new TokenVerifier({ jwksUrl: url, maxTtlSeconds: 86_400 });
    await expect(v.verify(await hs(claims))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('errors and logs leak nothing', () => {
  it('logs a database error without its SQL and bound values', () => {
    const e = Object.assign(
      new Error(
        `insert into "customer" ("name", "phone") values ('Li Wei', '13800000001') - invalid byte sequence for encoding "UTF8": 0x00`,
      ),
      { name: 'DriverException', code: '22021' },
    );
    const logged = JSON.stringify(safeError(e));
    expect(logged).not.toMatch(/Li Wei|13800000001|insert into/);
    expect(logged).toMatch(/invalid byte sequence/);
  });

  it('masks phone numbers in logged text', () => {
    expect(maskPhones('call 13800000001 now')).toBe('call 138******01 now');
  });

  it('shows no internal URL or address in an error that reaches a client', () => {
    const out = formatEdgeError({
      message: 'request to http://10.0.3.7:4002/graphql failed, reason: connect ECONNREFUSED 10.0.3.7:4002',
      extensions: { code: 'INTERNAL_SERVER_ERROR', response: { url: 'http://10.0.3.7:4002/graphql', body: 'x' } },
    });
    expect(JSON.stringify(out)).not.toMatch(/10\.0\.3\.7|4002|http:/);
  });

  it('reads only real calendar date-times within 2000–2099 (2026-02-30 is not rolled into March)', () => {
    expect(parseStrictDateTime('2026-03-02T10:00:00Z').toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(parseStrictDateTime('2026-11-29T09:30:00+08:00').toISOString()).toBe('2026-11-29T01:30:00.000Z');
    for (const bad of [
      '2026-02-30T10:00:00Z',
      '9999-12-31T00:00:00Z',
      '1900-01-01T00:00:00Z',
      'yesterday',
      '2026-11-29',
      '2026-11-29T25:00:00Z',
    ]) {
      expect(Number.isNaN(parseStrictDateTime(bad).getTime())).toBe(true);
    }
  });
});
