import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { ComplaintStatus } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, scopeOf } from '@pc/platform';
import { CONTACT_ROLES } from '../contact-log/contact-log.resolver';
import { Complaint } from '../complaint/complaint.entity';
import { Inquiry, InquiryStatus } from '../inquiry/inquiry.entity';
import { Committee } from './committee.usecase';
import { CommitteeMeetingObject, CommitteeMemberObject, RecordCommitteeMeetingInput, SaveCommitteeMemberInput } from './committee.dto';
import { CommitteeMeeting, CommitteeMember } from './relationship.entities';

const ANSWERED = [ComplaintStatus.RESOLVED, ComplaintStatus.RESOLVED_AT_INTAKE, ComplaintStatus.CLOSED];

/** The owners' committee (业委会, domain.md §7): members, monthly meetings, the points raised tracked to their answers. */
@Resolver()
export class CommitteeResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly committee: Committee,
  ) {}

  @Mutation(() => CommitteeMemberObject, {
    description: "Lists a customer of the site on its owners' committee (or changes the seat, or records leaving); tags COMMITTEE_MEMBER.",
  })
  async saveCommitteeMember(@CurrentUser() user: AuthUser, @Args('input') input: SaveCommitteeMemberInput): Promise<CommitteeMemberObject> {
    return CommitteeMemberObject.from(await this.committee.saveMember(user, input));
  }

  @Query(() => [CommitteeMemberObject], { description: "A site's owners' committee, present and past members." })
  @Roles(...CONTACT_ROLES)
  async committeeMembers(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID }) siteId: string,
  ): Promise<CommitteeMemberObject[]> {
    const rows = await scopeOf(user).rows(
      this.orm.em.fork(),
      CommitteeMember,
      {},
      { orderBy: [{ position: 'asc' }, { since: 'asc' }] },
      siteId,
    );
    return rows.map(CommitteeMemberObject.from);
  }

  @Mutation(() => CommitteeMeetingObject, {
    description: 'Records a committee meeting once (attendance, minutes); each point raised becomes a case (channel OWNERS_COMMITTEE).',
  })
  async recordCommitteeMeeting(
    @CurrentUser() user: AuthUser,
    @Args('input') input: RecordCommitteeMeetingInput,
  ): Promise<CommitteeMeetingObject> {
    const meeting = await this.committee.recordMeeting(user, input);
    return CommitteeMeetingObject.from(meeting, await this.answers([meeting]));
  }

  @Query(() => [CommitteeMeetingObject], {
    description: "A site's committee meetings (of a year), newest first, with their items' answers.",
  })
  @Roles(...CONTACT_ROLES)
  async committeeMeetings(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID }) siteId: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<CommitteeMeetingObject[]> {
    const where = year ? { month: { $like: `${year}-%` } } : {};
    const rows = await scopeOf(user).rows(
      this.orm.em.fork(),
      CommitteeMeeting,
      where,
      { orderBy: [{ heldAt: 'desc' }], limit: 120 },
      siteId,
    );
    const answers = await this.answers(rows);
    return rows.map((m) => CommitteeMeetingObject.from(m, answers));
  }

  /** When each item's case was answered (resolved, closed, inquiry answered): absent while it is open. */
  private async answers(meetings: CommitteeMeeting[]): Promise<Map<string, Date | null>> {
    const items = meetings.flatMap((m) => m.items.map((i) => ({ ...i, orgId: m.orgId })));
    const em = this.orm.em.fork();
    const complaintIds = items.filter((i) => i.kind === 'COMPLAINT').map((i) => i.id);
    const inquiryIds = items.filter((i) => i.kind !== 'COMPLAINT').map((i) => i.id);
    const [complaints, inquiries] = await Promise.all([
      complaintIds.length ? em.find(Complaint, { id: { $in: complaintIds }, status: { $in: ANSWERED } }) : Promise.resolve([]),
      inquiryIds.length ? em.find(Inquiry, { id: { $in: inquiryIds }, status: InquiryStatus.ANSWERED }) : Promise.resolve([]),
    ]);
    return new Map<string, Date | null>([
      ...complaints.map((c) => [c.id, c.resolvedAt ?? c.closedAt ?? null] as [string, Date | null]),
      ...inquiries.map((q) => [q.id, q.answeredAt ?? null] as [string, Date | null]),
    ]);
  }
}
