import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { GATEWAY_SECRET_HEADER } from '@pc/platform';

export const ATTACHMENT_SETTINGS = Symbol('ATTACHMENT_SETTINGS');

export interface AttachmentSettings {
  /** Intake's GraphQL URL; its `/attachments` routes sit beside it. */
  intakeUrl: string;
  gatewaySecret?: string;
  /** ATTACHMENT_MAX_BYTES: a body declared larger (plus the multipart envelope) is refused here, before intake. */
  maxBytes: number;
  timeoutMs: number;
}

const MULTIPART_OVERHEAD = 64 * 1024;
const PASSED_REQUEST = ['authorization', 'content-type', 'content-length', 'transfer-encoding', 'traceparent'];
const PASSED_RESPONSE = ['content-type', 'content-length', 'cache-control', 'x-content-type-options', 'content-security-policy'];

function jsonError(res: ServerResponse, status: number, code: string, message: string, field?: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...(field ? { field, reason: message } : {}) } }] }));
}

/**
 * `POST /attachments?siteId=` (one file, multipart field `file`) and `GET /attachments/file?…` (a
 * signed link of the local store) on the gateway's port: streamed through to intake, which owns the
 * store, with the gateway's secret; nothing is buffered here.
 */
@Controller('attachments')
export class AttachmentsController {
  constructor(@Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings) {}

  @Post()
  upload(@Req() req: IncomingMessage, @Res() res: ServerResponse): void {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.settings.maxBytes + MULTIPART_OVERHEAD) {
      // read and dropped: the client gets the answer rather than a reset connection
      req.resume();
      return jsonError(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `the file is larger than ${this.settings.maxBytes} bytes (ATTACHMENT_MAX_BYTES): nothing was stored`,
        'file',
      );
    }
    this.pass(req, res);
  }

  @Get('file')
  file(@Req() req: IncomingMessage, @Res() res: ServerResponse): void {
    this.pass(req, res);
  }

  private pass(req: IncomingMessage, res: ServerResponse): void {
    const base = new URL(this.settings.intakeUrl);
    const target = new URL(req.url ?? '/attachments', base);
    const headers: Record<string, string> = {};
    for (const h of PASSED_REQUEST) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    if (this.settings.gatewaySecret) headers[GATEWAY_SECRET_HEADER] = this.settings.gatewaySecret;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(target, { method: req.method, headers, timeout: this.settings.timeoutMs }, (answer) => {
      const pass: Record<string, string> = {};
      for (const h of PASSED_RESPONSE) {
        const v = answer.headers[h];
        if (typeof v === 'string') pass[h] = v;
      }
      res.writeHead(answer.statusCode ?? 502, pass);
      answer.pipe(res);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', () => {
      req.resume();
      jsonError(res, 503, 'SERVICE_UNAVAILABLE', 'intake is not reachable');
    });
    req.pipe(upstream);
  }
}
