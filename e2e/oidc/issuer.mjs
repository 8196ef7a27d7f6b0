// A real OpenID provider for the OIDC test (oidc-provider 8: the last major that supports Node 20; 9
// warns "Unsupported runtime" on it). ESM, so it runs as its own process: node issuer.mjs <port> <console origin>.
// Its keys come from OIDC_TEST_JWKS, the first signs (the test signs forged tokens with them, and rotates them); any login is accepted
// (the provider's development sign-in and consent pages), and the accounts below carry the claims the
// gateway needs.
import Provider from 'oidc-provider';

const [port, consoleOrigin] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const ACCOUNTS = {
  'oidc-head': { org: 'demo-org', sites: ['*'], roles: ['DEPARTMENT_HEAD'], department: 'ENGINEERING' },
};
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'pc-console',
      token_endpoint_auth_method: 'none',
      redirect_uris: [`${consoleOrigin}/`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: JSON.parse(process.env.OIDC_TEST_JWKS) },
  pkce: { required: () => true, methods: ['S256'] },
  scopes: ['openid', 'pc'],
  claims: { openid: ['sub'], pc: ['org', 'sites', 'roles', 'department'] },
  conformIdTokenClaims: false,
  clientBasedCORS: () => true,
  findAccount: (_ctx, sub) => (ACCOUNTS[sub] ? { accountId: sub, claims: () => ({ sub, ...ACCOUNTS[sub] }) } : undefined),
  features: { devInteractions: { enabled: true } },
  ttl: { IdToken: 600 },
});
provider.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
