import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { GATEWAY_SECRET_HEADER } from '@pc/platform';

export const NOTIFY_SETTINGS = Symbol('NOTIFY_SETTINGS');

export interface NotifySettings {
  /** Notify's GraphQL URL; its `/notifications/*` routes sit beside it. */
  notifyUrl: string;
  gatewaySecret?: string;
}

/**
 * `GET /notifications/stream` (the caller's live notifications, text/event-stream, resumable with
 * `Last-Event-ID`) and `GET /notifications/ack?t=` (an e-mail's one-click acknowledge link), on the
 * gateway's port: passed through to notify with the caller's token, as they come, unbuffered.
 */
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings) {}

  @Get('stream')
  stream(@Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    return this.pass('/notifications/stream', req, res);
  }

  @Get('ack')
  ack(@Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : '';
    return this.pass(`/notifications/ack${query}`, req, res);
  }

  private async pass(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const base = this.settings.notifyUrl.replace(/\/graphql$/, '');
    const headers: Record<string, string> = {};
    for (const h of ['authorization', 'last-event-id', 'accept']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    if (this.settings.gatewaySecret) headers[GATEWAY_SECRET_HEADER] = this.settings.gatewaySecret;
    const abort = new AbortController();
    req.on('close', () => abort.abort());
    let upstream: Response;
    try {
      upstream = await fetch(`${base}${path}`, { headers, signal: abort.signal });
    } catch {
      if (!res.headersSent) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'notify is not reachable', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
      }
      return;
    }
    const pass: Record<string, string> = {};
    for (const h of ['content-type', 'cache-control', 'x-accel-buffering']) {
      const v = upstream.headers.get(h);
      if (v) pass[h] = v;
    }
    res.writeHead(upstream.status, pass);
    res.flushHeaders();
    if (!upstream.body) {
      res.end();
      return;
    }
    // fetch's web stream as node's (the two declarations differ between the typecheck and the linter's project)
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    const body = Readable.fromWeb(upstream.body as unknown as WebReadableStream);
    body.on('error', () => res.end());
    body.pipe(res);
    res.on('close', () => {
      abort.abort();
      body.destroy();
    });
  }
}
