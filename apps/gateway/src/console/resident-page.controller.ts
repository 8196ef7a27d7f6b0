import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Controller, Get, Headers, Inject, NotFoundException, Param, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GATEWAY_SECRET_HEADER, PublicEdgeLimits, type ServiceConfig } from '@pc/platform';
import { consoleCsp, type ConsoleSettings } from './console.controller';

export const RESIDENT_PAGE_SETTINGS = Symbol('RESIDENT_PAGE_SETTINGS');

export interface ResidentPageSettings {
  console: ConsoleSettings;
  /** The intake subgraph's GraphQL URL: the page's case is read there. */
  intakeUrl: string;
  gatewaySecret?: string;
  timeoutMs: number;
  limits: Pick<ServiceConfig, 'RESIDENT_RATE_PER_MIN_TOKEN' | 'RESIDENT_RATE_PER_MIN_ADDRESS'>;
}

interface Template {
  /** The page with its script and stylesheet inline, `<!--case-data-->` where the case goes. */
  html: string;
  /** The inline script's CSP hash. */
  scriptHash: string;
  /** The case's fields, as the page itself selects them (resident.html's `case-fields`). */
  fields: string;
}

/** JSON inside `<script type="application/json">`: nothing in it can close the element. */
const inlineJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/**
 * The resident page (`GET /r/<token>`, issue 30) as one response: its script (React included) and
 * stylesheet inline (the CSP admits that script by its hash), and the case itself read from intake
 * with the same selection the page makes, so a phone on a slow line waits for one round trip instead
 * of four. The read counts against the same per-token and per-address minute as the page's GraphQL;
 * when it cannot be made (a link not valid, a budget spent, intake slow) the page is sent without the
 * case and asks for it itself, and shows why. No referrer leaves the page; nothing is cached.
 */
@Controller()
export class ResidentPageController {
  private template?: Template;
  private readonly limits: PublicEdgeLimits;

  constructor(@Inject(RESIDENT_PAGE_SETTINGS) private readonly settings: ResidentPageSettings) {
    this.limits = new PublicEdgeLimits(settings.limits);
  }

  @Get('r/:token')
  async page(
    @Param('token') token: string,
    @Headers('accept-encoding') encodings: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!/^[\w.-]{1,200}$/.test(token)) throw new NotFoundException();
    const t = this.load();
    const data = await this.caseOf(t, token, req.ip ?? req.socket.remoteAddress ?? '?');
    const html = t.html.replace(
      '<!--case-data-->',
      data ? `<script id="case-data" type="application/json">${inlineJson(data)}</script>` : '',
    );
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader(
      'content-security-policy',
      consoleCsp(this.settings.console.oidc, this.settings.console.filesOrigin).replace(
        "script-src 'self'",
        `script-src 'self' 'sha256-${t.scriptHash}'`,
      ),
    );
    res.type('html');
    if (/\bgzip\b/.test(encodings ?? '')) {
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('vary', 'accept-encoding');
      res.send(gzipSync(html, { level: 6 }));
    } else res.send(html);
  }

  private async caseOf(t: Template, token: string, address: string): Promise<unknown> {
    if (!(await this.limits.admitRead(token, address))) return null;
    try {
      const res = await fetch(this.settings.intakeUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.settings.gatewaySecret ? { [GATEWAY_SECRET_HEADER]: this.settings.gatewaySecret } : {}),
        },
        body: JSON.stringify({ query: `query Case($t: String!) { residentCase(token: $t) { ${t.fields} } }`, variables: { t: token } }),
        signal: AbortSignal.timeout(Math.min(this.settings.timeoutMs, 3000)),
      });
      const body = (await res.json()) as { data?: { residentCase?: unknown }; errors?: unknown[] };
      return body.errors?.length || !body.data?.residentCase ? null : body.data;
    } catch {
      return null;
    }
  }

  /** The built page with its script and stylesheet inline, read once. */
  private load(): Template {
    if (this.template) return this.template;
    const dir = join(this.settings.console.dir, 'resident');
    const file = join(dir, 'resident.html');
    if (!existsSync(file)) throw new ServiceUnavailableException('the resident page is not built (npm run console:build)');
    let html = readFileSync(file, 'utf8');
    const asset = (path: string) => readFileSync(join(dir, path.replace(/^\//, '')), 'utf8');
    let script = '';
    html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/, (_, src: string) => {
      script = asset(src).replace(/<\/script/gi, '<\\/script');
      return `<script type="module">${script}</script>`;
    });
    html = html.replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/, (_, href: string) => `<style>${asset(href)}</style>`);
    const fields = /<script id="case-fields" type="text\/plain">([\s\S]*?)<\/script>/.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
    if (!script || !fields) {
      throw new ServiceUnavailableException('the resident page build is not the expected one (npm run console:build)');
    }
    this.template = { html, scriptHash: createHash('sha256').update(script).digest('base64'), fields };
    return this.template;
  }
}
