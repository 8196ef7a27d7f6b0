import { ServiceConfig, loadConfig } from '@pc/platform';
import { consoleCsp, filesOriginOf } from './console.controller';

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

  it("loads photos only from its own origin, and from the S3 store's public origin when it keeps them (issue 29)", () => {
    expect(directive(consoleCsp(null), 'img-src')).toBe("img-src 'self' data: blob:");
    const config = (env: Record<string, string>) => loadConfig(ServiceConfig, { AUTH_JWT_SECRET: 'a-secret-of-16-chars', ...env });
    expect(filesOriginOf(config({}))).toBeUndefined();
    const minio = filesOriginOf(
      config({
        ATTACHMENT_STORE: 's3',
        S3_BUCKET: 'b',
        S3_ENDPOINT: 'http://minio:9000',
        S3_PUBLIC_ENDPOINT: 'https://files.example.com/x',
      }),
    );
    expect(minio).toBe('https://files.example.com');
    expect(directive(consoleCsp(null, minio), 'img-src')).toBe("img-src 'self' data: blob: https://files.example.com");
    expect(filesOriginOf(config({ ATTACHMENT_STORE: 's3', S3_BUCKET: 'pc', S3_REGION: 'cn-north-1' }))).toBe(
      'https://pc.s3.cn-north-1.amazonaws.com',
    );
  });
});
