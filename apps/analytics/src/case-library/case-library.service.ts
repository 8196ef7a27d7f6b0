import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuthUser, Clock, conflict, containsContactDetails, invalidInput, notFound, scopeOf } from '@pc/platform';
import { decodeCursor, encodeCursor } from '@pc/subgraph';
import { afterKeyset } from '../keyset';
import { knexOf } from '../projection/projection.consumer';
import { ComplaintFact } from '../projection/read-model.entities';
import { CaseEntry } from './case-entry.entity';
import type { AddToCaseLibraryInput, CaseEntryConnection, CaseEntryObject, CaseLibraryArgs } from './case-library.dto';

const toObject = (e: CaseEntry): CaseEntryObject => ({
  id: e.id,
  complaintId: e.complaintId,
  siteId: e.siteId,
  severity: e.severity,
  category: e.category,
  cause: e.cause ?? null,
  title: e.title,
  summary: e.summary,
  lessons: e.lessons,
  tags: e.tags.split('|').filter(Boolean),
  createdBy: e.createdBy,
  createdAt: e.createdAt,
});

/** LIKE pattern of literal text (its own % and _ escaped). */
const like = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The case library (案例库): typical major and minor cases the quality department writes up from
 * resolved complaints. The customer never appears: only the complaint's id, and free text carrying
 * a phone number or e-mail address is refused.
 */
@Injectable()
export class CaseLibrary {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async add(user: AuthUser, input: AddToCaseLibraryInput): Promise<CaseEntryObject> {
    for (const field of ['title', 'summary', 'lessons'] as const) {
      if (containsContactDetails(input[field])) {
        throw invalidInput(field, 'must not contain a phone number or e-mail address (the customer never appears in the case library)');
      }
    }
    const tags = [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))];
    if (tags.some((t) => t.includes('|') || containsContactDetails(t))) {
      throw invalidInput('tags', 'a tag must not contain "|", a phone number or an e-mail address');
    }
    const em = this.orm.em.fork();
    const complaint = await scopeOf(user).findOne(em, ComplaintFact, { complaintId: input.complaintId });
    if (!complaint) throw notFound('complaint', input.complaintId);
    if (!complaint.valid) throw invalidInput('complaintId', 'an invalid complaint is not a case for the library');
    if (!complaint.resolvedAt) throw invalidInput('complaintId', 'only a resolved complaint can be added to the case library');
    const customer = complaint.customerId;
    for (const field of ['title', 'summary', 'lessons'] as const) {
      if (customer && input[field].includes(customer)) throw invalidInput(field, 'must not name the customer');
    }
    const entry = em.create(CaseEntry, {
      id: randomUUID(),
      orgId: complaint.orgId,
      siteId: complaint.siteId,
      complaintId: complaint.complaintId,
      severity: input.severity ?? complaint.severity,
      category: complaint.category,
      cause: complaint.cause ?? null,
      title: input.title.trim(),
      summary: input.summary.trim(),
      lessons: input.lessons.trim(),
      tags: tags.length ? `|${tags.join('|')}|` : '',
      searchText: [input.title, input.summary, input.lessons, ...tags].join('\n').toLowerCase(),
      createdBy: user.sub,
      createdAt: this.clock.now().toISOString(),
    });
    try {
      await em.persistAndFlush(entry);
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw conflict('this complaint is already in the case library', 'complaintId');
      throw e;
    }
    return toObject(entry);
  }

  async search(user: AuthUser, args: CaseLibraryArgs): Promise<CaseEntryConnection> {
    const db = knexOf(this.orm);
    const sites = scopeOf(user).siteIds();
    const first = args.first ?? 20;
    const q = db('case_entry').where('org_id', user.org);
    if (sites) q.whereIn('site_id', [...sites]);
    if (args.category) q.where('category', args.category);
    if (args.severity) q.where('severity', args.severity);
    if (args.search?.trim()) q.whereRaw(`search_text like ? escape '\\'`, [like(args.search.trim().toLowerCase())]);
    for (const tag of args.tags ?? []) q.whereRaw(`tags like ? escape '\\'`, [like(`|${tag}|`)]);
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      afterKeyset(q, ['created_at', 'id'], [at, id], true);
    }
    const rows = (await q
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(first + 1)) as Record<string, string>[];
    const edges = rows.slice(0, first).map((r) => {
      const node = toObject({
        id: r.id,
        orgId: r.org_id,
        siteId: r.site_id,
        complaintId: r.complaint_id,
        severity: r.severity,
        category: r.category,
        cause: r.cause,
        title: r.title,
        summary: r.summary,
        lessons: r.lessons,
        tags: r.tags,
        searchText: r.search_text,
        createdBy: r.created_by,
        createdAt: r.created_at,
      });
      return { cursor: encodeCursor(node.createdAt, node.id), node };
    });
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
