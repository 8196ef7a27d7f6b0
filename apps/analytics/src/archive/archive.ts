import { Injectable } from '@nestjs/common';
import { ArgsType, Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, invalidInput, notFound, scopeOf } from '@pc/platform';
import { PageInfo, decodeCursor, encodeCursor } from '@pc/subgraph';
import { afterKeyset } from '../keyset';
import { knexOf } from '../projection/projection.consumer';
import { ComplaintArchive } from './complaint-archive.entity';

@ObjectType('ComplaintArchive', { description: "A closed complaint's records as one file (kept two years after closing)." })
export class ComplaintArchiveObject {
  @Field(() => ID) complaintId: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) areaId: string | null;
  @Field() closedAt: string;
  @Field({ description: 'When the file is purged (two years after closing).' }) purgeAt: string;
  @Field({
    description:
      'The file as JSON: intake record, work orders with plans, progress, extensions, clocks, resolution and confirmation, escalations, reworks, breaches, fines, emergencies, callbacks and the trail.',
  })
  document: string;
}

@ArgsType()
export class AuditTrailArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) complaintId?: string;
  @Field(() => ID, { nullable: true, description: 'A user id, or "system".' }) @IsOptional() @IsString() @MaxLength(64) actor?: string;
  @Field({ nullable: true, description: 'ISO instant (included).' }) @IsOptional() @IsString() @MaxLength(30) from?: string;
  @Field({ nullable: true, description: 'ISO instant (excluded).' }) @IsOptional() @IsString() @MaxLength(30) to?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ObjectType('AuditEntry', { description: 'Who did what, when, on which channel.' })
export class AuditEntryObject {
  @Field(() => ID) eventId: string;
  @Field({ description: 'What happened: the event (e.g. complaint.filed, workorder.recorded).' }) action: string;
  @Field(() => String, { nullable: true, description: 'The work-order step, for workorder.recorded.' }) step: string | null;
  @Field() actor: string;
  @Field(() => String, { nullable: true }) channel: string | null;
  @Field() at: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { description: 'The complaint or service case (or the record, for fines, emergencies, surveys and reports).' })
  caseId: string;
  @Field(() => ID, { nullable: true }) workOrderId: string | null;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdge {
  @Field() cursor: string;
  @Field(() => AuditEntryObject) node: AuditEntryObject;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

const instant = (field: string, v: string | undefined): string | undefined => {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw invalidInput(field, 'must be an ISO-8601 instant');
  return new Date(t).toISOString();
};

/** The archive of closed complaints and the audit trail, within the caller's organisation and sites. */
@Injectable()
export class ArchiveQueries {
  constructor(private readonly orm: MikroORM) {}

  async archive(user: AuthUser, complaintId: string): Promise<ComplaintArchiveObject> {
    const a = await scopeOf(user).findOne(this.orm.em.fork(), ComplaintArchive, { complaintId });
    if (!a) throw notFound('archive of complaint', complaintId);
    return {
      complaintId: a.complaintId,
      siteId: a.siteId,
      areaId: a.areaId || null,
      closedAt: a.closedAt,
      purgeAt: a.purgeAt,
      document: a.document,
    };
  }

  async trail(user: AuthUser, args: AuditTrailArgs): Promise<AuditEntryConnection> {
    const from = instant('from', args.from);
    const to = instant('to', args.to);
    if (from && to && from >= to) throw invalidInput('to', 'must be after from');
    const db = knexOf(this.orm);
    const sites = scopeOf(user).siteIds();
    const first = args.first ?? 50;
    const q = db('analytics_event')
      .select('event_id', 'subject', 'actor', 'channel', 'occurred_at', 'site_id', 'case_id', 'work_order_id', 'payload')
      .where('org_id', user.org);
    if (sites) q.whereIn('site_id', [...sites]);
    if (args.complaintId) q.where('case_id', args.complaintId);
    // a purged case (its archive's two years are over) shows only the purge entry
    q.where((w) => {
      w.where('subject', 'archive.purged').orWhereNotExists((p) => {
        p.select(db.raw('1'))
          .from('analytics_event as p')
          .whereRaw('p.case_id = analytics_event.case_id')
          .where('p.subject', 'archive.purged');
      });
    });
    if (args.actor) q.where('actor', args.actor);
    if (from) q.where('occurred_at', '>=', from);
    if (to) q.where('occurred_at', '<', to);
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      afterKeyset(q, ['occurred_at', 'event_id'], [at, id]);
    }
    const rows = (await q.orderBy(['occurred_at', 'event_id']).limit(first + 1)) as Record<string, string | null>[];
    const edges = rows.slice(0, first).map((r) => {
      const node: AuditEntryObject = {
        eventId: r.event_id!,
        action: r.subject!,
        step: r.subject === 'workorder.recorded' ? String((JSON.parse(r.payload!) as { step?: string }).step ?? '') || null : null,
        actor: r.actor!,
        channel: r.channel,
        at: r.occurred_at!,
        siteId: r.site_id!,
        caseId: r.case_id!,
        workOrderId: r.work_order_id,
      };
      return { cursor: encodeCursor(node.at, node.eventId), node };
    });
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

const RECORD_KEEPERS = [Role.QUALITY, Role.LEADERSHIP, Role.SITE_HEAD, Role.ADMIN];

@Resolver()
export class ArchiveResolver {
  constructor(private readonly queries: ArchiveQueries) {}

  @Query(() => ComplaintArchiveObject, { description: "A closed complaint's archive file." })
  @Roles(...RECORD_KEEPERS)
  complaintArchive(
    @CurrentUser() user: AuthUser,
    @Args('complaintId', { type: () => ID }) complaintId: string,
  ): Promise<ComplaintArchiveObject> {
    return this.queries.archive(user, complaintId);
  }

  @Query(() => AuditEntryConnection, { description: 'Who did what, when, on which channel: per complaint, per actor, over a period.' })
  @Roles(...RECORD_KEEPERS, Role.ANALYST)
  auditTrail(@CurrentUser() user: AuthUser, @Args() args: AuditTrailArgs): Promise<AuditEntryConnection> {
    return this.queries.trail(user, args);
  }
}
