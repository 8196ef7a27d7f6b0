import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Response } from 'express';
import { Role } from '@pc/contracts';
import { ServiceConfig, signToken, type AuthUser } from '@pc/platform';

export const CONSOLE_SETTINGS = Symbol('CONSOLE_SETTINGS');

/** What the gateway needs to serve the web console, its sign-in and the sandbox. */
export interface ConsoleSettings {
  /** The built console (index.html, sandbox.html, assets/). */
  dir: string;
  /** Demo users the sign-in page offers (demo mode only); empty in production. */
  demoUsers: AuthUser[];
  /** Signs a demo user's token; only with demo users. */
  secret?: string;
  oidc: { issuer: string; clientId: string; scope: string } | null;
  sandbox: boolean;
  /** Where the pages load photos from besides this origin: the S3 store's public origin (ATTACHMENT_STORE=s3). */
  filesOrigin?: string;
}

/** The origin of the S3 store's signed links (S3_PUBLIC_ENDPOINT, else S3_ENDPOINT, else AWS's host of the bucket). */
export function filesOriginOf(config: ServiceConfig): string | undefined {
  if (config.ATTACHMENT_STORE !== 's3') return undefined;
  const endpoint = config.S3_PUBLIC_ENDPOINT ?? config.S3_ENDPOINT;
  return endpoint ? new URL(endpoint).origin : `https://${config.S3_BUCKET}.s3.${config.S3_REGION}.amazonaws.com`;
}

/** The console settings from the configuration: CONSOLE_DIR, CONSOLE_DEMO_USERS_FILE, CONSOLE_OIDC_*, GRAPHQL_SANDBOX. */
export function consoleSettings(config: ServiceConfig, demoUsers?: AuthUser[]): ConsoleSettings {
  const users = demoUsers ?? (config.CONSOLE_DEMO_USERS_FILE ? readDemoUsers(config.CONSOLE_DEMO_USERS_FILE) : []);
  if (users.length && !config.AUTH_JWT_SECRET) throw new Error('CONSOLE_DEMO_USERS_FILE needs AUTH_JWT_SECRET to sign the demo tokens');
  if (config.CONSOLE_OIDC_ISSUER && !config.CONSOLE_OIDC_CLIENT_ID) throw new Error('CONSOLE_OIDC_ISSUER needs CONSOLE_OIDC_CLIENT_ID');
  return {
    dir: resolve(config.CONSOLE_DIR ?? join(process.cwd(), 'dist/apps/console')),
    demoUsers: users,
    secret: users.length ? config.AUTH_JWT_SECRET : undefined,
    oidc: config.CONSOLE_OIDC_ISSUER
      ? { issuer: config.CONSOLE_OIDC_ISSUER, clientId: config.CONSOLE_OIDC_CLIENT_ID!, scope: config.CONSOLE_OIDC_SCOPE }
      : null,
    sandbox: config.GRAPHQL_SANDBOX === 'true',
    filesOrigin: filesOriginOf(config),
  };
}

function readDemoUsers(file: string): AuthUser[] {
  const users = JSON.parse(readFileSync(file, 'utf8')) as AuthUser[];
  if (!Array.isArray(users) || users.some((u) => typeof u.sub !== 'string' || !Array.isArray(u.roles) || !Array.isArray(u.sites))) {
    throw new Error(`${file}: expected a JSON array of users with sub, org, sites and roles`);
  }
  return users;
}

/**
 * The console's pages run only their own bundles and talk only to this origin (and, with OIDC, to
 * the issuer for its discovery document and the token exchange): a script injected through data
 * (an XSS) neither loads nor sends the stored token elsewhere. Ant Design writes its styles at run
 * time, hence inline styles.
 */
export function consoleCsp(oidc: ConsoleSettings['oidc'], filesOrigin?: string): string {
  const connect = ["'self'", ...(oidc ? [new URL(oidc.issuer).origin] : [])].join(' ');
  // photos' thumbnails: this origin (the local store's links), and the S3 store's when it keeps them
  const img = ["'self'", 'data:', 'blob:', ...(filesOrigin ? [filesOrigin] : [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${img}`,
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Property Care</title>
<p>The web console is not built. Run <code>npm run console:build</code> (npm start does it), then reload.</p>
<p>控制台尚未构建：请运行 <code>npm run console:build</code>（npm start 会自动构建），然后刷新。</p>`;

/**
 * The web console on the gateway's origin: `GET /` (the app), `/assets/*` (its bundles, cached for a
 * year: their names carry a content hash), `/sandbox` (GraphiQL, when enabled), `/console/config`
 * (how to sign in) and, in demo mode only, `POST /console/demo-token`.
 */
@Controller()
export class ConsoleController {
  constructor(@Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings) {}

  @Get()
  index(@Res() res: Response): void {
    this.page('index.html', res);
  }

  @Get('sandbox')
  sandbox(@Res() res: Response): void {
    if (!this.settings.sandbox) throw new NotFoundException('the GraphQL sandbox is off (GRAPHQL_SANDBOX=true turns it on)');
    this.page('sandbox.html', res);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Headers('accept-encoding') encodings: string | undefined, @Res() res: Response): void {
    if (!/^[\w.-]+$/.test(file)) throw new NotFoundException();
    // scripts and styles gzipped once (their names carry a content hash, so the bytes never change): a phone
    // on a slow line loads the resident page's ~50 KB instead of ~150 KB
    if (/\.(js|css|svg)$/.test(file) && /\bgzip\b/.test(encodings ?? '')) {
      const gz = this.gzipped(file);
      if (gz) {
        res.setHeader('content-encoding', 'gzip');
        res.setHeader('vary', 'accept-encoding');
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        res.type(file.slice(file.lastIndexOf('.'))).send(gz);
        return;
      }
    }
    res.sendFile(file, { root: join(this.settings.dir, 'assets'), maxAge: '365d', immutable: true }, (e?: Error) => {
      if (e && !res.headersSent) res.status(404).json({ message: `no asset ${file}` });
    });
  }

  private readonly gz = new Map<string, Buffer>();
  private gzipped(file: string): Buffer | undefined {
    let body = this.gz.get(file);
    if (!body) {
      const path = join(this.settings.dir, 'assets', file);
      if (!existsSync(path)) return undefined;
      body = gzipSync(readFileSync(path), { level: 9 });
      this.gz.set(file, body);
    }
    return body;
  }

  @Get('console/config')
  config(): {
    demoUsers: { id: string; roles: Role[]; department?: string; sites: string[] }[];
    oidc: ConsoleSettings['oidc'];
    sandbox: boolean;
  } {
    return {
      demoUsers: this.settings.demoUsers.map((u) => ({ id: u.sub, roles: u.roles, department: u.department, sites: u.sites })),
      oidc: this.settings.oidc,
      sandbox: this.settings.sandbox,
    };
  }

  @Post('console/demo-token')
  @HttpCode(200)
  demoToken(@Body() body: { userId?: unknown }): { token: string } {
    const user = this.settings.demoUsers.find((u) => u.sub === body?.userId);
    if (!this.settings.secret || !this.settings.demoUsers.length) throw new NotFoundException('demo sign-in is off');
    if (!user) throw new NotFoundException(`no demo user ${String(body?.userId)}`);
    return { token: signToken(user, this.settings.secret) };
  }

  private page(name: string, res: Response, cache = 'no-cache'): void {
    const file = join(this.settings.dir, name);
    if (!existsSync(file)) {
      if (name === 'index.html') {
        res.status(503).type('html').send(NOT_BUILT);
        return;
      }
      throw new ServiceUnavailableException('the console is not built (npm run console:build)');
    }
    res.setHeader('cache-control', cache);
    res.setHeader('content-security-policy', consoleCsp(this.settings.oidc, this.settings.filesOrigin));
    res.setHeader('x-content-type-options', 'nosniff');
    if (!res.getHeader('referrer-policy')) res.setHeader('referrer-policy', 'same-origin');
    res.sendFile(file);
  }
}
