import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AttachmentUploaded, Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, forbidden, invalidInput, scopeOf, type AuthUser } from '@pc/platform';
import { Site } from '../registry/registry.entities';
import { Attachment } from './attachment.entity';
import { ACCEPTED_DESCRIPTION, newKeys } from './attachment-keys';
import { detectType, isAccepted, thumbnailOf } from './attachment-inspect';
import { AttachmentStore } from './attachment-store';

/** Who may upload: everyone who records a case or its handling; an analyst only reads. */
export const UPLOAD_ROLES: readonly Role[] = Object.values(Role).filter((r) => r !== Role.ANALYST);

export interface UploadedAttachment {
  key: string;
  contentType: string;
  size: number;
  thumbnailKey: string | null;
}

/** A refusal of the upload endpoint with its HTTP status (the GraphQL codes have none for these). */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason);
  }
}

/** 415: the bytes are not a type the store takes. */
export const unsupportedType = (found: string | undefined): UploadRefused =>
  new UploadRefused(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `${found ? `the file is ${found}` : 'the file is of no recognised type'}: only ${ACCEPTED_DESCRIPTION} are accepted (the type is read from the content, not the name)`,
    'file',
  );

/**
 * One file into the store (issue 29, photos for real): the caller's site checked, its type read from
 * the bytes, a thumbnail made for images, stored under a new random key of the caller's organisation
 * and site, and recorded as issued, so that only this organisation's mutations can attach it.
 */
@Injectable()
export class UploadAttachment {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly tx: TransactionalOutbox,
    @Inject(AttachmentStore) private readonly store: AttachmentStore,
  ) {}

  /** The site check, before a byte of the file is read. */
  async checkSite(user: AuthUser, siteId: string | undefined): Promise<string> {
    if (!user.roles.some((r) => UPLOAD_ROLES.includes(r))) throw forbidden('your roles may not upload files');
    if (!siteId) throw invalidInput('siteId', 'give the site of the case as the query parameter siteId');
    const scope = scopeOf(user);
    if (!scope.canSee(siteId)) throw forbidden(`no access to site ${siteId}`);
    const site = await this.orm.em.fork().findOne(Site, { id: siteId, orgId: user.org }, { fields: ['id'] });
    if (!site) throw invalidInput('siteId', `unknown site ${siteId}`);
    return site.id;
  }

  async execute(user: AuthUser, siteId: string, bytes: Buffer): Promise<UploadedAttachment> {
    if (bytes.length === 0) throw invalidInput('file', 'the file is empty');
    const mime = await detectType(bytes);
    if (!isAccepted(mime)) throw unsupportedType(mime);
    let thumbnail: Buffer | undefined;
    try {
      thumbnail = await thumbnailOf(bytes, mime);
    } catch {
      throw invalidInput('file', `the file starts as ${mime} but cannot be read as one: it is broken or cut short`);
    }
    const keys = newKeys(user.org, siteId, mime);
    if (!keys) throw invalidInput('siteId', `site ${siteId} cannot name a file`);
    await this.store.put(keys.key, bytes, mime);
    if (thumbnail) await this.store.put(keys.thumbnailKey, thumbnail, 'image/webp');
    const row: Attachment = {
      key: keys.key,
      orgId: user.org,
      siteId,
      contentType: mime,
      size: bytes.length,
      thumbnailKey: thumbnail ? keys.thumbnailKey : null,
      uploadedBy: user.sub,
      uploadedAt: this.clock.now(),
      complaintId: null,
    };
    try {
      // the record and its announcement in one transaction (the outbox): dispatch learns the key was issued
      await this.tx.by(user).run(async (em, events) => {
        await em.insert(Attachment, row);
        events.publish(AttachmentUploaded, {
          orgId: row.orgId,
          siteId: row.siteId,
          key: row.key,
          uploadedBy: row.uploadedBy,
          uploadedAt: row.uploadedAt.toISOString(),
        });
      });
    } catch (e) {
      // nothing half-kept: a file whose record failed is deleted again
      await this.store.remove([keys.key, keys.thumbnailKey]).catch(() => undefined);
      throw e;
    }
    return { key: row.key, contentType: mime, size: bytes.length, thumbnailKey: row.thumbnailKey ?? null };
  }
}
