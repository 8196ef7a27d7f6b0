import { consoleCsp } from './console.controller';

describe('the console content security policy', () => {
  const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('lets the pages run only their own scripts and talk only to their own origin', () => {
    const csp = consoleCsp(null);
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('adds the OIDC issuer origin (discovery and token exchange) and nothing else of its URL', () => {
    const csp = consoleCsp({ issuer: 'https://id.example.com/realms/property', clientId: 'console', scope: 'openid' });
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://id.example.com");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
  });
});
