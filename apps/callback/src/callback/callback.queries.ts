import { Injectable } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Role, coverageOf, coverageRate } from '@pc/contracts';
import { AuthUser, Clock, forbidden, hasAnyRole, invalidInput, scopeOf } from '@pc/platform';
import { localMonth } from '@pc/calendar';
import { Callback, CallbackAttempt, CallbackStatus } from './callback.entity';
import { CallbackAttemptObject, CallbackObject, type CoverageObject } from './callback.object';
import type { CoverageArgs, WorklistArgs } from './dto/callback.args';

const DAY = 86_400_000;
/** Who may read another's or a whole area's worklist. */
const WORKLIST_MANAGERS = [Role.AREA_MANAGER, Role.SITE_HEAD, Role.QUALITY, Role.LEADERSHIP, Role.ANALYST, Role.COMPLAINT_REP];

@Injectable()
export class CallbackQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  /** A worklist: by assignee (default: the caller) or by area, earliest due first — the overdue ones lead. */
  async worklist(user: AuthUser, args: WorklistArgs): Promise<CallbackObject[]> {
    const where: FilterQuery<Callback> = {};
    if (args.areaId) where.areaId = args.areaId;
    const isManager = hasAnyRole(user, WORKLIST_MANAGERS);
    if (args.assignee && args.assignee !== user.sub && !isManager) throw forbidden("only managers may read a colleague's worklist");
    if (args.assignee) where.assignee = args.assignee;
    else if (!args.areaId || !isManager) where.assignee = user.sub;
    if (args.kind) where.kind = args.kind;
    if (!args.includeDone) where.status = CallbackStatus.OPEN;
    const rows = await scopeOf(user).find(
      this.orm.em.fork(),
      Callback,
      where,
      { orderBy: { dueAt: 'asc', id: 'asc' }, limit: 500 },
      args.siteId,
    );
    return rows.map(CallbackObject.from);
  }

  async forComplaint(user: AuthUser, complaintId: string): Promise<CallbackObject[]> {
    return (await scopeOf(user).find(this.orm.em.fork(), Callback, { caseId: complaintId }, { orderBy: { round: 'asc' } })).map(
      CallbackObject.from,
    );
  }

  /** Callbacks of the caller's scope by id, in one query (the `_entities` reference resolver batches its stubs). */
  async findMany(user: AuthUser, ids: string[]): Promise<CallbackObject[]> {
    return (await scopeOf(user).find(this.orm.em.fork(), Callback, { id: { $in: ids } })).map(CallbackObject.from);
  }

  /** Attempts of a callback the caller may see (the parent must lie within the scope). */
  async attempts(user: AuthUser, c: CallbackObject): Promise<CallbackAttemptObject[]> {
    const { id } = scopeOf(user).visible(c, 'callback', c.id);
    return (await this.orm.em.fork().find(CallbackAttempt, { callbackId: id }, { orderBy: { at: 'asc', id: 'asc' } })).map(
      CallbackAttemptObject.from,
    );
  }

  /**
   * Coverage (domain.md §4: 100 % for complaints, repairs and paid services): for the cases resolved
   * in `month` (in the site's time zone), per site, area and kind, how many callbacks were done on
   * time, late, unreachable, missing or still pending. Every resolution has its callback row
   * (created from the resolution event), so a case can only be missing, never absent.
   */
  async coverage(user: AuthUser, args: CoverageArgs): Promise<CoverageObject[]> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(args.month)) throw invalidInput('month', 'must be YYYY-MM');
    const start = new Date(`${args.month}-01T00:00:00Z`);
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const where: FilterQuery<Callback> = { resolvedAt: { $gte: new Date(start.getTime() - DAY), $lt: new Date(end.getTime() + DAY) } };
    if (args.areaId) where.areaId = args.areaId;
    if (args.kind) where.kind = args.kind;
    const rows = (await scopeOf(user).find(this.orm.em.fork(), Callback, where, undefined, args.siteId)).filter(
      (c) => localMonth(c.resolvedAt, c.timeZone) === args.month,
    );
    const buckets = new Map<string, Callback[]>();
    for (const c of rows) {
      const key = `${c.siteId}|${c.areaId ?? ''}|${c.kind}`;
      const bucket = buckets.get(key) ?? [];
      bucket.push(c);
      buckets.set(key, bucket);
    }
    const now = this.clock.now();
    return [...buckets.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => {
        const [siteId, areaId, kind] = key.split('|');
        const counts = coverageOf(list, now);
        return {
          siteId,
          areaId: areaId || null,
          kind: kind as Callback['kind'],
          ...counts,
          coverage: coverageRate(counts),
        };
      });
  }
}
