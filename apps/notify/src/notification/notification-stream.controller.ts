import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { ServiceConfig, TokenVerifier, bearerToken, safeError, type AuthUser } from '@pc/platform';
import { Clock } from '@pc/platform';
import { tokenVerifierFor } from '@pc/subgraph';
import { AcknowledgeNotification } from './acknowledge-notification.usecase';
import { DeliveryWorker } from '../delivery/delivery.worker';
import { Delivery, Notification } from './notification.entity';
import { NotificationObject } from './notification.object';

interface StreamResponse {
  status(code: number): StreamResponse;
  setHeader(name: string, value: string): void;
  flushHeaders(): void;
  write(chunk: string): boolean;
  end(chunk?: string): void;
  on(event: 'close', cb: () => void): void;
  type?(t: string): StreamResponse;
  send?(body: string): void;
}

/** How often an open stream looks for new messages, and how far back a resume looks again (commits may land late). */
const POLL_MS = 1000;
const OVERLAP_MS = 5000;

/**
 * `GET /notifications/stream` (served through the gateway with the caller's token): one
 * `event: notification` per new notification of the caller, `id:` its creation time in ms. A client
 * that reconnects with `Last-Event-ID` gets everything created since (a few seconds' overlap, so that
 * nothing committed late is lost; a client drops ids it has seen). `GET /notifications/ack?t=` is
 * the one-click acknowledge link of an e-mail.
 */
@Controller('notifications')
export class NotificationStreamController {
  private readonly verifier: TokenVerifier;

  constructor(
    private readonly orm: MikroORM,
    config: ServiceConfig,
    private readonly clock: Clock,
    private readonly acknowledge: AcknowledgeNotification,
    private readonly worker: DeliveryWorker,
  ) {
    this.verifier = tokenVerifierFor(config);
  }

  @Get('stream')
  async stream(
    @Headers('authorization') auth: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: StreamResponse,
  ): Promise<void> {
    let user: AuthUser;
    try {
      user = await this.verifier.verify(bearerToken(auth));
    } catch (e) {
      res.status(401).setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errors: [{ message: (e as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] }));
      return;
    }
    res.status(200);
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('cache-control', 'no-cache, no-transform');
    res.setHeader('x-accel-buffering', 'no');
    res.flushHeaders();
    const resumeMs = Number(lastEventId);
    // a fresh stream shows what comes after it opened; a resumed one what came since its last event (with the overlap)
    let since = Number.isFinite(resumeMs) && resumeMs > 0 ? new Date(resumeMs - OVERLAP_MS) : new Date(this.clock.now().getTime() + 1);
    const sent = new Set<string>();
    let closed = false;
    res.write('retry: 2000\n: connected\n\n');
    const poll = async () => {
      if (closed) return;
      try {
        const em = this.orm.em.fork();
        const rows = await em.find(
          Notification,
          { orgId: user.org, recipientId: user.sub, createdAt: { $gte: since } },
          { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 },
        );
        const fresh = rows.filter((n) => !sent.has(n.id));
        const deliveries = fresh.length ? await em.find(Delivery, { notificationId: { $in: fresh.map((n) => n.id) } }) : [];
        for (const n of fresh) {
          sent.add(n.id);
          res.write(
            `id: ${n.createdAt.getTime()}\nevent: notification\ndata: ${JSON.stringify(NotificationObject.from(n, deliveries))}\n\n`,
          );
        }
        // keep the overlap window's ids only
        const horizon = this.clock.now().getTime() - OVERLAP_MS;
        if (rows.length) since = new Date(Math.min(horizon, rows.at(-1)!.createdAt.getTime()));
        else since = new Date(Math.max(since.getTime(), Math.min(horizon, since.getTime())));
        if (!fresh.length) res.write(': ping\n\n');
      } catch (e) {
        res.write(`: error ${String(safeError(e).message)}\n\n`);
      }
      if (!closed) timer = setTimeout(() => void poll(), POLL_MS);
    };
    let timer = setTimeout(() => void poll(), 0);
    res.on('close', () => {
      closed = true;
      clearTimeout(timer);
    });
  }

  @Get('ack')
  async ack(@Query('t') token: string | undefined, @Res() res: StreamResponse): Promise<void> {
    const page = (status: number, text: string) => {
      res.status(status).setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${text}</title><p style="font:16px sans-serif;margin:2em">${text}</p>`,
      );
    };
    const v = this.worker.ackLinks.verify(token ?? '', this.clock.now());
    if ('error' in v) return page(400, v.error);
    const n = await this.orm.em.fork().findOne(Notification, { id: v.notificationId, recipientId: v.recipientId });
    if (!n) return page(404, 'This notification no longer exists.');
    try {
      await this.acknowledge.execute({ actor: { sub: n.recipientId, org: n.orgId }, id: n.id, viaLink: true });
    } catch (e) {
      return page(400, (e as Error).message);
    }
    page(200, `Acknowledged 已确认: ${n.title}`);
  }
}
