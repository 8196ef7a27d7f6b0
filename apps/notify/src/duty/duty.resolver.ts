import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotificationKind, Role } from '@pc/contracts';
import { AuthUser, Clock, CurrentUser, Roles, conflict, forbidden, hasAnyRole, invalidInput, notFound, scopeOf } from '@pc/platform';
import { Directory, KnownStaffContact, decodeCursor, encodeCursor } from '@pc/subgraph';
import { DeadlineWatch, Notification } from '../notification/notification.entity';
import { Notifier } from '../notification/notifier';
import { checkShifts, isCalendarDate, nextDate, nextShift } from './duty-rules';
import {
  AssignDutyDirectorInput,
  AssignDutyInput,
  DutyRosterArgs,
  HandOverShiftInput,
  ShiftHandoversArgs,
  ShiftInput,
} from './duty.inputs';
import { DutyAssignment, DutyDirector, ShiftHandover, SiteShift, type HandoverItem } from './duty.entity';
import { DutyObject, RosterDayObject, ShiftHandoverConnection, ShiftHandoverObject, ShiftObject } from './duty.object';
import { DutyRoster } from './duty.service';

const ROSTER_KEEPERS = [Role.SITE_HEAD, Role.ADMIN] as const;
/** Deadlines this close (or past) are handed over as open. */
const NEAR_MS = 2 * 3_600_000;

/** The duty roster and shift handover of domain.md §6. */
@Resolver()
export class DutyResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly directory: Directory,
    private readonly roster: DutyRoster,
    private readonly notifier: Notifier,
  ) {}

  private async people(ids: string[]): Promise<{ id: string; name: string | null }[]> {
    if (!ids.length) return [];
    const contacts = await this.orm.em.fork().find(KnownStaffContact, { staffId: { $in: ids } });
    return ids.map((id) => ({ id, name: contacts.find((c) => c.staffId === id)?.name ?? null }));
  }

  @Mutation(() => [ShiftObject], { description: "Sets a site's shifts (SITE_HEAD, ADMIN): they must cover 24 hours with no overlap." })
  @Roles(...ROSTER_KEEPERS)
  async setShifts(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID }) siteId: string,
    @Args('shifts', { type: () => [ShiftInput] }) shifts: ShiftInput[],
  ): Promise<ShiftObject[]> {
    const v = checkShifts(shifts);
    if (v) throw invalidInput(v.field, v.reason);
    return this.orm.em.fork().transactional(async (em) => {
      await this.directory.site(em, user, siteId);
      await em.nativeDelete(SiteShift, { orgId: user.org, siteId });
      for (const s of shifts) {
        em.persist(
          em.create(SiteShift, {
            id: `${siteId}|${s.name.trim()}`,
            orgId: user.org,
            siteId,
            name: s.name.trim(),
            startsAt: s.startsAt,
            endsAt: s.endsAt,
          }),
        );
      }
      return shifts.map((s) => ({ name: s.name.trim(), startsAt: s.startsAt, endsAt: s.endsAt }));
    });
  }

  @Mutation(() => DutyObject, { description: 'Names the duty staff of one shift on one date (SITE_HEAD, ADMIN).' })
  @Roles(...ROSTER_KEEPERS)
  async assignDuty(@CurrentUser() user: AuthUser, @Args('input') input: AssignDutyInput): Promise<DutyObject> {
    if (!isCalendarDate(input.date)) throw invalidInput('date', `${input.date} is not a date`);
    const staffIds = [...new Set(input.staffIds)];
    const shift = await this.orm.em.fork().transactional(async (em) => {
      await this.directory.site(em, user, input.siteId);
      const shifts = await this.roster.shifts(em, input.siteId);
      const s = shifts.find((x) => x.name === input.shift);
      if (!s) {
        throw invalidInput('shift', `site ${input.siteId} has no shift "${input.shift}" (it has ${shifts.map((x) => x.name).join(', ')})`);
      }
      for (const [i, id] of staffIds.entries()) {
        await this.directory.staff(em, user, id, { siteId: input.siteId, as: 'duty staff' }, `staffIds[${i}]`);
      }
      await em.upsert(DutyAssignment, {
        id: `${input.siteId}|${input.date}|${s.name}`,
        orgId: user.org,
        siteId: input.siteId,
        date: input.date,
        shift: s.name,
        staffIds,
        assignedBy: user.sub,
      });
      return s;
    });
    const director = await this.orm.em.fork().findOne(DutyDirector, { id: `${input.siteId}|${input.date}` });
    return {
      date: input.date,
      shift,
      staff: await this.people(staffIds),
      director: director ? (await this.people([director.userId]))[0] : null,
    };
  }

  @Mutation(() => RosterDayObject, { description: 'Names the duty director (值班主任) of a site for one date (SITE_HEAD, ADMIN).' })
  @Roles(...ROSTER_KEEPERS)
  async assignDutyDirector(@CurrentUser() user: AuthUser, @Args('input') input: AssignDutyDirectorInput): Promise<RosterDayObject> {
    if (!isCalendarDate(input.date)) throw invalidInput('date', `${input.date} is not a date`);
    await this.orm.em.fork().transactional(async (em) => {
      await this.directory.site(em, user, input.siteId);
      await this.directory.staff(em, user, input.userId, { siteId: input.siteId, as: 'duty director' }, 'userId');
      await em.upsert(DutyDirector, {
        id: `${input.siteId}|${input.date}`,
        orgId: user.org,
        siteId: input.siteId,
        date: input.date,
        userId: input.userId,
        assignedBy: user.sub,
      });
    });
    return (await this.days(user, input.siteId, input.date, input.date))[0];
  }

  @Query(() => DutyObject, { description: "Who is on duty at a site now (the site's time zone)." })
  async currentDuty(@CurrentUser() user: AuthUser, @Args('siteId', { type: () => ID }) siteId: string): Promise<DutyObject> {
    const em = this.orm.em.fork();
    await this.directory.site(em, user, siteId);
    const duty = await this.roster.at(em, siteId, this.clock.now());
    return {
      date: duty.date,
      shift: duty.shift,
      staff: await this.people(duty.staffIds),
      director: duty.directorId ? (await this.people([duty.directorId]))[0] : null,
    };
  }

  @Query(() => [RosterDayObject], { description: "A site's roster from one date to another (at most 62 days)." })
  async dutyRoster(@CurrentUser() user: AuthUser, @Args() args: DutyRosterArgs): Promise<RosterDayObject[]> {
    if (!isCalendarDate(args.from)) throw invalidInput('from', `${args.from} is not a date`);
    if (!isCalendarDate(args.to)) throw invalidInput('to', `${args.to} is not a date`);
    if (args.to < args.from) throw invalidInput('to', 'to is before from');
    await this.directory.site(this.orm.em.fork(), user, args.siteId);
    return this.days(user, args.siteId, args.from, args.to);
  }

  private async days(user: AuthUser, siteId: string, from: string, to: string): Promise<RosterDayObject[]> {
    const em = this.orm.em.fork();
    const dates: string[] = [];
    for (let d = from; d <= to; d = nextDate(d)) {
      dates.push(d);
      if (dates.length > 62) throw invalidInput('to', 'a roster spans at most 62 days');
    }
    const [shifts, assignments, directors] = await Promise.all([
      this.roster.shifts(em, siteId),
      em.find(DutyAssignment, { orgId: user.org, siteId, date: { $gte: from, $lte: to } }),
      em.find(DutyDirector, { orgId: user.org, siteId, date: { $gte: from, $lte: to } }),
    ]);
    const names = await this.people([...new Set([...assignments.flatMap((a) => a.staffIds), ...directors.map((d) => d.userId)])]);
    const person = (id: string) => names.find((n) => n.id === id) ?? { id, name: null };
    return dates.map((date) => {
      const director = directors.find((d) => d.date === date);
      return {
        date,
        director: director ? person(director.userId) : null,
        shifts: shifts.map((shift) => ({
          date,
          shift,
          staff: (assignments.find((a) => a.date === date && a.shift === shift.name)?.staffIds ?? []).map(person),
          director: director ? person(director.userId) : null,
        })),
      };
    });
  }

  @Mutation(() => ShiftHandoverObject, {
    description: 'Hands the current shift over: lists by itself what is open; the incoming shift is told and acknowledges.',
  })
  async handOverShift(@CurrentUser() user: AuthUser, @Args('input') input: HandOverShiftInput): Promise<ShiftHandoverObject> {
    const now = this.clock.now();
    const handover = await this.orm.em.fork().transactional(async (em) => {
      await this.directory.site(em, user, input.siteId);
      const duty = await this.roster.at(em, input.siteId, now);
      if (!duty.staffIds.includes(user.sub) && !hasAnyRole(user, [Role.SITE_HEAD])) {
        throw forbidden(`only the duty staff of the ${duty.shift.name} shift (or the site head) hand it over`);
      }
      const id = `${input.siteId}|${duty.date}|${duty.shift.name}`;
      if (await em.findOne(ShiftHandover, { siteId: input.siteId, date: duty.date, shift: duty.shift.name })) {
        throw conflict(`the ${duty.shift.name} shift of ${duty.date} was handed over already`);
      }
      const shifts = await this.roster.shifts(em, input.siteId);
      const incoming = nextShift(shifts, { shift: duty.shift, date: duty.date });
      const items = await this.openItems(em, user.org, input.siteId, now);
      const h = em.create(ShiftHandover, {
        id: randomUUID(),
        orgId: user.org,
        siteId: input.siteId,
        date: duty.date,
        shift: duty.shift.name,
        toDate: incoming.date,
        toShift: incoming.shift.name,
        handedOverBy: user.sub,
        note: input.note,
        items,
        createdAt: now,
      });
      em.persist(h);
      const next = await em.findOne(DutyAssignment, { id: `${input.siteId}|${incoming.date}|${incoming.shift.name}` });
      const ctx = await this.notifier.context(em, user.org, input.siteId, null, now);
      const text = `${duty.shift.name} ${duty.date} → ${incoming.shift.name} ${incoming.date}: ${items.length} open item(s)`;
      for (const recipientId of next?.staffIds ?? []) {
        await this.notifier.write(
          em,
          {
            kind: NotificationKind.SHIFT_HANDOVER,
            orgId: user.org,
            siteId: input.siteId,
            sourceKey: `handover:${h.id}`,
            at: now,
            title: `Shift handover: ${text}`,
            body: `Shift handover ${text}. ${id}`,
          },
          recipientId,
          ctx,
          { ackRequired: true, ackWithinMinutes: 30, ladder: [{ of: 'DUTY_DIRECTOR' }], ladderStep: 0 },
        );
      }
      return h;
    });
    return toHandover(handover);
  }

  /** What is open at a site: deadlines near or past, messages not acknowledged, emergencies under way. */
  private async openItems(em: ReturnType<MikroORM['em']['fork']>, orgId: string, siteId: string, now: Date): Promise<HandoverItem[]> {
    const [deadlines, unacknowledged] = await Promise.all([
      em.find(
        DeadlineWatch,
        { orgId, siteId, open: true, dueAt: { $lte: new Date(now.getTime() + NEAR_MS) } },
        { orderBy: { dueAt: 'asc' }, limit: 200 },
      ),
      em.find(Notification, { orgId, siteId, ackRequired: true, acknowledgedAt: null }, { orderBy: { createdAt: 'asc' }, limit: 200 }),
    ]);
    const items: HandoverItem[] = deadlines.map((d) => ({
      kind: 'DEADLINE',
      complaintId: d.complaintId,
      workOrderId: d.workOrderId,
      text: `${d.department} ${d.clock} ${d.dueAt.getTime() < now.getTime() ? 'passed' : 'due'} ${d.dueAt.toISOString()}`,
      dueAt: d.dueAt.toISOString(),
    }));
    const seen = new Set<string>();
    for (const n of unacknowledged) {
      if (seen.has(n.sourceKey)) continue;
      seen.add(n.sourceKey);
      items.push({
        kind: n.kind === NotificationKind.EMERGENCY ? 'EMERGENCY' : 'UNACKNOWLEDGED',
        complaintId: n.complaintId ?? null,
        notificationId: n.id,
        text: n.title,
        dueAt: n.ackDueAt?.toISOString() ?? null,
      });
    }
    return items;
  }

  @Mutation(() => ShiftHandoverObject, { description: 'The incoming shift acknowledges a handover.' })
  async acknowledgeHandover(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ShiftHandoverObject> {
    const now = this.clock.now();
    const h = await this.orm.em.fork().transactional(async (em) => {
      const h = await scopeOf(user).findOne(em, ShiftHandover, { id });
      if (!h) throw notFound('shift handover', id);
      if (h.acknowledgedAt) return h;
      const incoming = await em.findOne(DutyAssignment, { id: `${h.siteId}|${h.toDate}|${h.toShift}` });
      if (!incoming?.staffIds.includes(user.sub) && !hasAnyRole(user, [Role.SITE_HEAD])) {
        throw forbidden(`only the duty staff of the ${h.toShift} shift (or the site head) acknowledge its handover`);
      }
      h.acknowledgedBy = user.sub;
      h.acknowledgedAt = now;
      // the handover's messages are acknowledged with it: the ladder stops
      for (const n of await em.find(Notification, {
        sourceKey: { $in: [`handover:${h.id}`, `handover:${h.id}|ladder:0`] },
        acknowledgedAt: null,
      })) {
        n.acknowledgedAt = now;
        n.readAt ??= now;
      }
      return h;
    });
    return toHandover(h);
  }

  @Query(() => ShiftHandoverConnection, { description: "A site's shift handovers, newest first." })
  async shiftHandovers(@CurrentUser() user: AuthUser, @Args() args: ShiftHandoversArgs): Promise<ShiftHandoverConnection> {
    const em = this.orm.em.fork();
    await this.directory.site(em, user, args.siteId);
    const first = args.first ?? 20;
    const where: Record<string, unknown> = { siteId: args.siteId };
    if (args.after) {
      const [ms, id] = decodeCursor(args.after, 2);
      const at = new Date(Number(ms));
      if (Number.isNaN(at.getTime())) throw invalidInput('after', 'not a cursor of this connection');
      where.$or = [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }];
    }
    const rows = await scopeOf(user).find(em, ShiftHandover, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 });
    const page = rows.slice(0, first);
    const edges = page.map((h) => ({ node: toHandover(h), cursor: encodeCursor(String(h.createdAt.getTime()), h.id) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

const toHandover = (h: ShiftHandover): ShiftHandoverObject => Object.assign(new ShiftHandoverObject(), { ...h, items: h.items });
