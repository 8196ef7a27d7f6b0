import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles } from '@pc/platform';
import { ComplaintRef, WorkOrderObject } from '../work-order/work-order.object';
import { ApproveLetterReply } from './approve-letter-reply.usecase';
import { CloseComplaint } from './close-complaint.usecase';
import { latestClosure } from './closing-access';
import { ApproveLetterReplyInput, CloseComplaintInput, ComplaintClosureObject, VerifyHandlingInput } from './closing.object';
import { HandOverToQuality } from './hand-over-to-quality.usecase';
import { VerifyHandling } from './verify-handling.usecase';

/** Closing a valid complaint (seeds/000, 004): the site head's opinion, the handover to quality, its verification; a letter's approved reply. */
@Resolver(() => ComplaintRef)
export class ClosingResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly close: CloseComplaint,
    private readonly handOver: HandOverToQuality,
    private readonly verify: VerifyHandling,
    private readonly approve: ApproveLetterReply,
  ) {}

  @ResolveField(() => ComplaintClosureObject, {
    nullable: true,
    description: 'The newest closing of the complaint (null while it is open).',
  })
  async closure(@Parent() complaint: ComplaintRef, @CurrentUser() user: AuthUser): Promise<ComplaintClosureObject | null> {
    const closure = await latestClosure(this.orm.em.fork(), user, complaint.id);
    return closure ? ComplaintClosureObject.from(closure) : null;
  }

  @Mutation(() => ComplaintClosureObject, {
    description:
      "The site's head closes a valid complaint with an opinion, after the customer confirmed and a callback that was not dissatisfied; starts QUALITY_HANDOVER (3 days).",
  })
  @Roles(Role.SITE_HEAD)
  async closeComplaint(@CurrentUser() actor: AuthUser, @Args('input') input: CloseComplaintInput): Promise<ComplaintClosureObject> {
    return ComplaintClosureObject.from(await this.close.execute({ actor, complaintId: input.complaintId, opinion: input.opinion }));
  }

  @Mutation(() => ComplaintClosureObject, {
    description: "A closed complaint's records handed to the quality department (meets QUALITY_HANDOVER).",
  })
  @Roles(Role.SITE_HEAD, Role.COMPLAINT_REP)
  async handOverToQuality(
    @CurrentUser() actor: AuthUser,
    @Args('complaintId', { type: () => ID }) complaintId: string,
  ): Promise<ComplaintClosureObject> {
    return ComplaintClosureObject.from(await this.handOver.execute({ actor, complaintId }));
  }

  @Mutation(() => ComplaintClosureObject, {
    description: "The quality department's verification of a closed complaint's handling; FALLS_SHORT sends the case back for rework.",
  })
  @Roles(Role.QUALITY)
  async verifyHandling(@CurrentUser() actor: AuthUser, @Args('input') input: VerifyHandlingInput): Promise<ComplaintClosureObject> {
    return ComplaintClosureObject.from(
      await this.verify.execute({ actor, complaintId: input.complaintId, result: input.result, findings: input.findings }),
    );
  }

  @Mutation(() => WorkOrderObject, {
    description: 'Company leadership approves the reply to a complaint that came as a letter; until then it cannot be answered.',
  })
  @Roles(Role.LEADERSHIP)
  async approveLetterReply(@CurrentUser() actor: AuthUser, @Args('input') input: ApproveLetterReplyInput): Promise<WorkOrderObject> {
    return WorkOrderObject.from(await this.approve.execute({ actor, workOrderId: input.workOrderId, reply: input.reply }));
  }
}
