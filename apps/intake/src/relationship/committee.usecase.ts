import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Channel, CommitteeMeetingOverdue } from '@pc/contracts';
import { TransactionalOutbox, claimLock, type EventWriter, type TimerSource } from '@pc/messaging';
import { AuthUser, Clock, assertRole, conflict, invalidInput, notInFuture } from '@pc/platform';
import { localDate, localMonth } from '@pc/calendar';
import { nextMonth } from '@pc/calendar';
import { FileComplaint } from '../complaint/file-complaint.usecase';
import { InquiryDesk } from '../inquiry/inquiry.usecases';
import { grantedSite } from '../registry/registry-rules';
import { Site } from '../registry/registry.entities';
import { SYSTEM_ACTOR, customerInScope, tagCustomer } from '../customer/customer-file.usecases';
import { KeyCustomerReason, KeyCustomerTag } from '../customer/customer.entities';
import { checkRaised, fileRaised, type RaisedItem } from '../customer/raised-items';
import { VISITORS } from '../customer/visits.usecase';
import { committeeMonthEnds } from './relationship-rules';
import { CommitteeClock, CommitteeMeeting, CommitteeMember, CommitteePosition, type CommitteeItem } from './relationship.entities';

/** Who keeps the committee's list and records its meetings: complaint representatives, area managers, the site head. */
export const COMMITTEE_KEEPERS = VISITORS;

export interface RaisedAtMeeting extends RaisedItem {
  /** The member who raised it (default: the first attendee). */
  raisedBy?: string | null;
}

/**
 * The owners' committee (业委会, domain.md §7): its members per site (each a key customer,
 * COMMITTEE_MEMBER, set by this list itself), a monthly meeting with attendance and minutes, and every
 * point raised tracked as a case with channel OWNERS_COMMITTEE until it is answered.
 */
@Injectable()
export class Committee {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly complaints: FileComplaint,
    private readonly inquiries: InquiryDesk,
  ) {}

  saveMember(
    user: AuthUser,
    input: { siteId: string; customerId: string; position: CommitteePosition; since: string; leftOn?: string | null },
  ): Promise<CommitteeMember> {
    return this.tx.by(user).run(async (em) => {
      assertRole(user, COMMITTEE_KEEPERS);
      const site = await grantedSite(em, user, input.siteId);
      const customer = await customerInScope(em, user, input.customerId);
      if (customer.siteId !== site.id) throw invalidInput('customerId', `customer ${customer.id} is not a customer of site ${site.id}`);
      const now = this.clock.now();
      const today = localDate(now, site.timeZone).date;
      if (input.since > today) throw invalidInput('since', `${input.since} is in the future`);
      if (input.leftOn && input.leftOn < input.since) throw invalidInput('leftOn', 'a member leaves after joining');
      if (input.leftOn && input.leftOn > today) throw invalidInput('leftOn', `${input.leftOn} is in the future`);
      const member =
        (await em.findOne(CommitteeMember, { siteId: site.id, customerId: customer.id })) ??
        em.create(CommitteeMember, {
          id: randomUUID(),
          orgId: user.org,
          siteId: site.id,
          customerId: customer.id,
          position: input.position,
          since: input.since,
          recordedBy: user.sub,
          recordedAt: now,
        });
      em.assign(member, {
        position: input.position,
        since: input.since,
        leftOn: input.leftOn ?? null,
        recordedBy: user.sub,
        recordedAt: now,
      });
      em.persist(member);
      if (member.leftOn) {
        // the list set the tag: leaving the committee takes it away (a tag staff set by hand stays)
        await em.nativeDelete(KeyCustomerTag, {
          customerId: customer.id,
          reason: KeyCustomerReason.COMMITTEE_MEMBER,
          taggedBy: SYSTEM_ACTOR,
        });
      } else {
        await tagCustomer(
          em,
          customer,
          KeyCustomerReason.COMMITTEE_MEMBER,
          SYSTEM_ACTOR,
          now,
          `owners' committee ${member.position.toLowerCase().replace('_', ' ')} since ${member.since}`,
        );
      }
      await this.enrolClock(em, site, now);
      return member;
    });
  }

  /** A site with a committee gets its monthly clock (from this month) the first time a member is listed. */
  private async enrolClock(em: EntityManager, site: Site, now: Date): Promise<void> {
    if (await em.findOne(CommitteeClock, { siteId: site.id })) return;
    const month = localMonth(now, site.timeZone);
    em.persist(em.create(CommitteeClock, { siteId: site.id, orgId: site.orgId, month, dueAt: committeeMonthEnds(month, site.timeZone) }));
  }

  /**
   * A meeting recorded once (the same site and time again: CONFLICT): at least one member present, every
   * attendee a member on that day; each point raised becomes a complaint (channel OWNERS_COMMITTEE, filed
   * once whatever the retries) or an inquiry desk record (suggestion, request), linked on the meeting.
   */
  async recordMeeting(
    user: AuthUser,
    input: {
      siteId: string;
      heldAt: Date;
      attendeeIds: string[];
      staffIds?: string[] | null;
      minutes: string;
      items?: RaisedAtMeeting[] | null;
    },
  ): Promise<CommitteeMeeting> {
    assertRole(user, COMMITTEE_KEEPERS);
    const heldAt = notInFuture('heldAt', input.heldAt, this.clock.now());
    const id = randomUUID();
    const site = await this.tx.by(user).run(async (em) => {
      const site = await grantedSite(em, user, input.siteId);
      if (!input.attendeeIds.length) throw invalidInput('attendeeIds', 'a meeting needs at least one committee member present');
      const day = localDate(heldAt, site.timeZone).date;
      const members = await em.find(CommitteeMember, { siteId: site.id, customerId: { $in: input.attendeeIds } });
      input.attendeeIds.forEach((a, i) => {
        const m = members.find((x) => x.customerId === a);
        if (!m || m.since > day || (m.leftOn && m.leftOn < day)) {
          throw invalidInput(`attendeeIds.${i}`, `${a} was not a member of the site's owners' committee on ${day}`);
        }
      });
      checkRaised(input.items ?? [], 'items');
      (input.items ?? []).forEach((item, i) => {
        if (item.raisedBy && !input.attendeeIds.includes(item.raisedBy)) {
          throw invalidInput(`items.${i}.raisedBy`, 'a point is raised by a member present');
        }
      });
      if (await em.findOne(CommitteeMeeting, { siteId: site.id, heldAt })) {
        throw conflict(`a meeting at ${heldAt.toISOString()} is recorded already`, 'heldAt');
      }
      return site;
    });
    const raised = (input.items ?? []).map((item) => ({ ...item, customerId: item.raisedBy ?? input.attendeeIds[0] }));
    const cases = await fileRaised(
      { complaints: this.complaints, inquiries: this.inquiries },
      {
        actor: user,
        siteId: site.id,
        channel: Channel.OWNERS_COMMITTEE,
        receivedAt: heldAt,
        keyPrefix: `committee:${site.id}:${heldAt.toISOString()}`,
      },
      raised,
    );
    const items: CommitteeItem[] = cases.map((c, i) => ({ ...c, description: raised[i].description, raisedBy: raised[i].customerId }));
    return this.tx.by(user).run((em) => {
      const meeting = em.create(CommitteeMeeting, {
        id,
        orgId: user.org,
        siteId: site.id,
        month: localMonth(heldAt, site.timeZone),
        heldAt,
        attendeeIds: [...new Set(input.attendeeIds)],
        staffIds: [...new Set(input.staffIds ?? [])],
        minutes: input.minutes,
        items,
        recordedBy: user.sub,
        recordedAt: this.clock.now(),
      });
      em.persist(meeting);
      return Promise.resolve(meeting);
    });
  }
}

/**
 * Rule (domain.md §7, one meeting a month; the site head told): each site with a committee has a
 * durable monthly clock; at the end of the month watched (the site's time zone), a month without a
 * recorded meeting is announced once (`committee.meeting_overdue`; notify tells the site head), and
 * the clock moves on to the next month. Claimed with row locks: one replica fires a site's month.
 */
@Injectable()
export class CommitteeMonthlyClock implements TimerSource {
  readonly name = 'committee meetings';

  async fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(CommitteeClock, { dueAt: { $lte: now } }, { orderBy: { dueAt: 'asc' }, limit, lockMode: claimLock(em) });
    if (!due.length) return 0;
    const sites = new Map((await em.find(Site, { id: { $in: due.map((c) => c.siteId) } })).map((s) => [s.id, s]));
    const held = new Set(
      (
        await em.find(CommitteeMeeting, { $or: due.map((c) => ({ siteId: c.siteId, month: c.month })) }, { fields: ['siteId', 'month'] })
      ).map((m) => `${m.siteId}|${m.month}`),
    );
    for (const c of due) {
      if (!held.has(`${c.siteId}|${c.month}`)) {
        events.publish(CommitteeMeetingOverdue, { orgId: c.orgId, siteId: c.siteId, month: c.month, dueAt: c.dueAt.toISOString() });
      }
      c.month = nextMonth(c.month);
      c.dueAt = committeeMonthEnds(c.month, sites.get(c.siteId)?.timeZone ?? 'Asia/Shanghai');
    }
    return due.length;
  }
}
