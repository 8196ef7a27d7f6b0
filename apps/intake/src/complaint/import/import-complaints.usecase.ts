import { Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuthUser, DomainError, scopeOf } from '@pc/platform';
import { Complaint } from '../complaint.entity';
import { FileComplaint } from '../file-complaint.usecase';
import type { ImportComplaintsInput, ImportResultObject, ImportRowInput } from './import-complaints.dto';

/** Records filed side by side (of different customers). */
const IMPORT_CONCURRENCY = 8;

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
    const toFile: { row: ImportRowInput; key: string; at: number }[] = [];
    input.rows.forEach((row, at) => {
      const key = importKey(input.source, row.recordId);
      if (seen.has(key)) {
        result.rejected.push({
          recordId: row.recordId,
          code: 'BAD_USER_INPUT',
          field: 'recordId',
          reason: 'the same record id twice in one batch',
        });
        return;
      }
      seen.add(key);
      const existing = known.get(key);
      if (existing) {
        result.duplicates += 1;
        result.imported.push({ recordId: row.recordId, complaintId: existing, duplicate: true });
      } else toFile.push({ row, key, at });
    });
    // one customer's records in their order (rule A compares a complaint with the customer's earlier
    // ones); different customers side by side, each record in its own transaction
    const byCustomer = new Map<string, typeof toFile>();
    for (const item of toFile) {
      const c = item.row.complaint;
      const who = c.customerId ?? c.customerPhone ?? `record:${item.key}`;
      byCustomer.set(who, [...(byCustomer.get(who) ?? []), item]);
    }
    const outcomes = new Map<number, { ok: true; id: string } | { ok: false; code: string; field: string | null; reason: string }>();
    const queues = [...byCustomer.values()];
    const worker = async () => {
      for (let q = queues.shift(); q; q = queues.shift()) {
        for (const { row, key, at } of q) outcomes.set(at, await this.fileOne(user, row, key));
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMPORT_CONCURRENCY, queues.length) }, worker));
    for (const { row, at } of toFile) {
      const o = outcomes.get(at)!;
      if (o.ok) {
        result.filed += 1;
        result.imported.push({ recordId: row.recordId, complaintId: o.id, duplicate: false });
      } else result.rejected.push({ recordId: row.recordId, code: o.code, field: o.field, reason: o.reason });
    }
    return result;
  }

  private async fileOne(
    user: AuthUser,
    row: ImportRowInput,
    key: string,
  ): Promise<{ ok: true; id: string } | { ok: false; code: string; field: string | null; reason: string }> {
    try {
      return { ok: true, id: (await this.fileComplaint.execute({ actor: user, ...row.complaint, idempotencyKey: key })).id };
    } catch (e) {
      // imported before at a site this caller may not see: never its complaint, never twice
      if (e instanceof UniqueConstraintViolationException) {
        return { ok: false, code: 'CONFLICT', field: 'recordId', reason: 'this record was already imported' };
      }
      if (!(e instanceof DomainError)) throw e; // the database or the bus: the caller retries the batch (it is idempotent)
      return { ok: false, code: e.code, field: e.field ?? null, reason: e.reason };
    }
  }
}
