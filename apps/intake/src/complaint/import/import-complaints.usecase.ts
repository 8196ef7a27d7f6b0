import { Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuthUser, DomainError, scopeOf } from '@pc/platform';
import { Complaint } from '../complaint.entity';
import { FileComplaint } from '../file-complaint.usecase';
import type { ImportComplaintsInput, ImportResultObject } from './import-complaints.dto';

/** The idempotency key of an imported record: its source and its id there. */
export const importKey = (source: string, recordId: string): string => `import:${source}:${recordId}`;

/**
 * Imports historic or paper records (domain.md §1: paper records carry their real received time):
 * every row goes through the same `FileComplaint` as a complaint filed at the desk, so every intake
 * rule applies (validity, severity and rule A, urgency, routing, the reply deadline), each in its own
 * transaction with its events. A record already imported (same source and record id) is reported as a
 * duplicate and not filed again, so a re-run or a resumed run never duplicates; a row the rules refuse
 * is reported with its code, field and reason, and nothing of it is stored.
 */
@Injectable()
export class ImportComplaints {
  constructor(
    private readonly orm: MikroORM,
    private readonly fileComplaint: FileComplaint,
  ) {}

  async execute(user: AuthUser, input: ImportComplaintsInput): Promise<ImportResultObject> {
    const keys = input.rows.map((r) => importKey(input.source, r.recordId));
    const seen = new Set<string>();
    const known = new Map(
      (await scopeOf(user).find(this.orm.em.fork(), Complaint, { idempotencyKey: { $in: keys } })).map((c) => [c.idempotencyKey!, c.id]),
    );
    const result: ImportResultObject = { filed: 0, duplicates: 0, imported: [], rejected: [] };
    for (const row of input.rows) {
      const key = importKey(input.source, row.recordId);
      if (seen.has(key)) {
        result.rejected.push({
          recordId: row.recordId,
          code: 'BAD_USER_INPUT',
          field: 'recordId',
          reason: 'the same record id twice in one batch',
        });
        continue;
      }
      seen.add(key);
      const existing = known.get(key);
      if (existing) {
        result.duplicates += 1;
        result.imported.push({ recordId: row.recordId, complaintId: existing, duplicate: true });
        continue;
      }
      try {
        const complaint = await this.fileComplaint.execute({ actor: user, ...row.complaint, idempotencyKey: key });
        result.filed += 1;
        result.imported.push({ recordId: row.recordId, complaintId: complaint.id, duplicate: false });
      } catch (e) {
        if (e instanceof UniqueConstraintViolationException) {
          // imported before at a site this caller may not see: never its complaint, never twice
          result.rejected.push({ recordId: row.recordId, code: 'CONFLICT', field: 'recordId', reason: 'this record was already imported' });
          continue;
        }
        if (!(e instanceof DomainError)) throw e; // the database or the bus: the caller retries the batch (it is idempotent)
        result.rejected.push({ recordId: row.recordId, code: e.code, field: e.field ?? null, reason: e.reason });
      }
    }
    return result;
  }
}
