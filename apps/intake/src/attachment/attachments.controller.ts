import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { Controller, Get, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { Clock, DomainError, ServiceConfig, TokenVerifier, bearerToken, safeError, type AuthUser } from '@pc/platform';
import { tokenVerifierFor } from '@pc/subgraph';
import { AttachmentStore, LocalAttachmentStore } from './attachment-store';
import { UploadAttachment, UploadRefused } from './upload-attachment.usecase';

/** Room for the multipart envelope around the file (boundaries, part headers). */
const MULTIPART_OVERHEAD = 64 * 1024;

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // a file that failed half-way through: the answer has begun, it can only be cut short
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const logger = new Logger('Attachments');

function sendError(res: ServerResponse, e: unknown): void {
  let status = 500;
  let code = 'INTERNAL_SERVER_ERROR';
  let message = 'internal error';
  let field: string | undefined;
  if (e instanceof UploadRefused) {
    ({ status, code, reason: message, field } = e);
  } else if (e instanceof DomainError) {
    ({ code, reason: message, field } = e);
    status = STATUS[e.code] ?? 400;
  } else {
    logger.error({ err: safeError(e) }, 'attachment request failed');
  }
  sendJson(res, status, { errors: [{ message, extensions: { code, ...(field ? { field, reason: message } : {}) } }] });
}

const tooLarge = (max: number) =>
  new UploadRefused(413, 'PAYLOAD_TOO_LARGE', `the file is larger than ${max} bytes (ATTACHMENT_MAX_BYTES): nothing was stored`, 'file');

/** The one file of a multipart body's field `file`, at most `max` bytes (busboy stops counting past it). */
function readOneFile(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: max, fields: 10, parts: 12 } });
    } catch {
      reject(new UploadRefused(400, 'BAD_USER_INPUT', 'send the file as multipart/form-data in the field "file"', 'file'));
      return;
    }
    let chunks: Buffer[] = [];
    let found = false;
    let truncated = false;
    parser.on('file', (name, stream) => {
      if (name !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        truncated = true;
        chunks = [];
      });
    });
    parser.on('error', () => reject(new UploadRefused(400, 'BAD_USER_INPUT', 'the multipart body is malformed', 'file')));
    parser.on('close', () => {
      if (truncated) reject(tooLarge(max));
      else if (!found) reject(new UploadRefused(400, 'BAD_USER_INPUT', 'no file in the field "file"', 'file'));
      else resolve(Buffer.concat(chunks));
    });
    req.pipe(parser);
  });
}

/**
 * `POST /attachments?siteId=` (one file, multipart field `file`) and, for the local store, `GET
 * /attachments/file?key&expires&signature` (a signed link): served through the gateway's port, which
 * passes them here with its secret. Answers are JSON, errors `{ errors: [{ message, extensions }] }`.
 */
@Controller('attachments')
export class AttachmentsController {
  private readonly verifier: TokenVerifier;

  constructor(
    private readonly config: ServiceConfig,
    private readonly upload: UploadAttachment,
    private readonly clock: Clock,
    @Inject(AttachmentStore) private readonly store: AttachmentStore,
  ) {
    this.verifier = tokenVerifierFor(config);
  }

  @Post()
  async post(@Req() req: IncomingMessage, @Res() res: ServerResponse, @Query('siteId') siteId?: string): Promise<void> {
    const max = this.config.ATTACHMENT_MAX_BYTES;
    try {
      let user: AuthUser;
      try {
        user = await this.verifier.verify(bearerToken(req.headers.authorization));
      } catch (e) {
        throw new UploadRefused(401, 'UNAUTHENTICATED', (e as Error).message);
      }
      const site = await this.upload.checkSite(user, typeof siteId === 'string' ? siteId : undefined);
      // a declared length past the limit is refused before a byte is read
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > max + MULTIPART_OVERHEAD) throw tooLarge(max);
      const bytes = await readOneFile(req, max);
      sendJson(res, 201, await this.upload.execute(user, site, bytes));
    } catch (e) {
      // the rest of a refused body is read and dropped, so that the client gets the answer, not a reset
      req.resume();
      sendError(res, e);
    }
  }

  @Get('file')
  file(@Query() q: Record<string, unknown>, @Res() res: ServerResponse): void {
    if (!(this.store instanceof LocalAttachmentStore)) {
      return sendError(res, new UploadRefused(404, 'NOT_FOUND', "files are read through the S3 store's own signed links"));
    }
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const opened = this.store.open(text(q.key), text(q.expires), text(q.signature), this.clock.now());
    if ('refused' in opened) return sendError(res, new UploadRefused(403, 'FORBIDDEN', opened.refused));
    opened.stream.once('error', () => sendError(res, new UploadRefused(404, 'NOT_FOUND', 'the file is no longer kept')));
    opened.stream.once('open', () => {
      res.writeHead(200, {
        'content-type': opened.contentType,
        'cache-control': 'private, max-age=60',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
      });
      opened.stream.pipe(res);
    });
  }
}
