import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { ComplaintVerified, SlaClock, VerificationResult, WorkOrderStep } from '@pc/contracts';
import { AuthUser, conflict, invalidInput } from '@pc/platform';
import { reopenForRework } from '../rework/rework';
import { WorkOrderCommand } from '../work-order/work-order-command';
import { currentClosure } from './closing-access';
import type { ComplaintClosure } from './closing.entity';
import { leadWorkOrderId } from './hand-over-to-quality.usecase';

export interface VerifyHandlingCommand {
  actor: AuthUser;
  complaintId: string;
  result: VerificationResult;
  findings?: string | null;
}

/**
 * Rule "the quality department verifies the handling" (seeds/004: 质管部在检查中要对处理顾客意见结果进行验证):
 * a closed complaint's handling is VERIFIED, or FALLS_SHORT with findings, which sends the lead work
 * order back for rework (a new round, a liaison letter) and opens the complaint again. Verifying
 * means the records are in the quality department's hands: an open QUALITY_HANDOVER clock is met.
 */
@Injectable()
export class VerifyHandling {
  constructor(
    private readonly orm: MikroORM,
    private readonly command: WorkOrderCommand,
  ) {}

  async execute(c: VerifyHandlingCommand): Promise<ComplaintClosure> {
    if (c.result === VerificationResult.FALLS_SHORT && !c.findings) {
      throw invalidInput('findings', 'say where the handling falls short: the department reworks it from the findings');
    }
    let closure!: ComplaintClosure;
    const leadId = await leadWorkOrderId(this.orm, c.actor, c.complaintId);
    await this.command.run(c.actor, leadId, WorkOrderStep.VERIFIED, async ({ em, events, wo, book, now }) => {
      closure = await currentClosure(em, c.actor, c.complaintId);
      if (closure.verifiedAt) throw conflict(`the handling was verified at ${closure.verifiedAt.toISOString()}`, 'complaintId');
      em.assign(closure, { result: c.result, findings: c.findings ?? null, verifiedBy: c.actor.sub, verifiedAt: now });
      book.meet([SlaClock.QUALITY_HANDOVER], now);
      if (!closure.handedOverAt) Object.assign(closure, { handedOverAt: now, handedOverBy: c.actor.sub });
      events.publish(ComplaintVerified, {
        orgId: wo.orgId,
        siteId: wo.siteId,
        complaintId: c.complaintId,
        result: c.result,
        verifiedBy: c.actor.sub,
        verifiedAt: now.toISOString(),
        findings: c.findings ?? undefined,
      });
      if (c.result === VerificationResult.FALLS_SHORT) {
        await reopenForRework(
          em,
          events,
          wo,
          {
            endedBy: `quality verification by ${c.actor.sub}`,
            note: `Round ${wo.round} sent back by the quality department: ${c.findings}`,
            letter: `Rework after the quality department's verification: ${c.findings}`,
            sentBy: c.actor.sub,
            at: now,
          },
          book,
        );
      }
    });
    return closure;
  }
}
