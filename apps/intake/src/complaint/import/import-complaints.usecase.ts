import { Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuthUser, DomainError, scopeOf } from '@pc/platform';
import { Complaint } from '../complaint.entity';
import { FileComplaint } from '../file-complaint.usecase';
import type { ImportComplaintsInput, ImportResultObject, ImportRowInput } from './import-complaints.dto';

/** A record to file, its idempotency key and its place in the batch. */
interface Pending {
  row: ImportRowInput;
  key: string;
  at: number;
}

/** What became of one record: its complaint, or what refused it (nothing of it is stored). */
type RecordOutcome = { ok: true; id: string } | { ok: false; code: string; field: string | null; reason: string };

/** Records filed side by side (of different customers) when a batch goes record by record. */
const IMPORT_CONCURRENCY = 8;

/** The idempotency key of an imported record: its source and its id there. */
export const importKey = (source: string, recordId: string): string => `import:${source}:${recordId}`;

/**
 * Imports historic or paper records (domain.md §1: paper records carry their real received time):
 * every row goes through the same `FileComplaint` as a complaint filed at the desk, so every intake
 * rule applies (validity, severity and rule A, urgency, routing, the reply deadline). A batch is filed
 * in one transaction with its events (`fileMany`: its reads loaded at once, its rows written together);
 * if a record of it was filed meanwhile by another run, the batch goes record by record, each in its
 * own transaction. A record already imported (same source and record id) is reported as a
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
    const toFile: Pending[] = [];
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
    const outcomes = new Map<number, RecordOutcome>();
    try {
      // the whole batch in one transaction, in the file's order (a customer's records in their order: rule A)
      const filed = !toFile.length
        ? []
        : await this.fileComplaint.fileMany(
            user,
            toFile.map(({ row, key }) => ({ ...row.complaint, idempotencyKey: key })),
          );
      toFile.forEach(({ at }, i) => {
        const o = filed[i];
        outcomes.set(
          at,
          o.ok ? { ok: true, id: o.complaint.id } : { ok: false, code: o.error.code, field: o.error.field ?? null, reason: o.error.reason },
        );
      });
    } catch (e) {
      // a record of this batch filed meanwhile by another run: each record on its own, as at the desk
      if (!(e instanceof UniqueConstraintViolationException)) throw e;
      await this.fileOneByOne(user, toFile, outcomes);
    }
    for (const { row, at } of toFile) {
      const o = outcomes.get(at)!;
      if (o.ok) {
        result.filed += 1;
        result.imported.push({ recordId: row.recordId, complaintId: o.id, duplicate: false });
      } else result.rejected.push({ recordId: row.recordId, code: o.code, field: o.field, reason: o.reason });
    }
    return result;
  }

  /** Each record in its own transaction; one customer's records in their order, different customers side by side. */
  private async fileOneByOne(user: AuthUser, toFile: Pending[], outcomes: Map<number, RecordOutcome>): Promise<void> {
    const byCustomer = new Map<string, Pending[]>();
    for (const item of toFile) {
      const c = item.row.complaint;
      const who = c.customerId ?? c.customerPhone ?? `record:${item.key}`;
      byCustomer.set(who, [...(byCustomer.get(who) ?? []), item]);
    }
    const queues = [...byCustomer.values()];
    const worker = async () => {
      for (let q = queues.shift(); q; q = queues.shift()) {
        for (const { row, key, at } of q) outcomes.set(at, await this.fileOne(user, row, key));
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMPORT_CONCURRENCY, queues.length) }, worker));
  }

  private async fileOne(user: AuthUser, row: ImportRowInput, key: string): Promise<RecordOutcome> {
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
