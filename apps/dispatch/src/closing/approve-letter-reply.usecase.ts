import { Injectable } from '@nestjs/common';
import { WorkOrderStep } from '@pc/contracts';
import type { AuthUser } from '@pc/platform';
import { WorkOrderCommand, type WorkOrderView } from '../work-order/work-order-command';

export interface ApproveLetterReplyCommand {
  actor: AuthUser;
  workOrderId: string;
  reply: string;
}

/**
 * Rule "a letter is answered only after leadership approves the reply" (seeds/004: 若投诉为函件形式的,
 * 经公司分管领导同意后,方可作出答复或复函): company leadership approves the reply to a complaint that
 * came as a letter; until then no contact that answers it (REPLY) is accepted.
 */
@Injectable()
export class ApproveLetterReply {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: ApproveLetterReplyCommand): Promise<WorkOrderView> {
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.LETTER_REPLY_APPROVED, ({ wo, now }) => {
      wo.approveReply(c.reply, c.actor.sub, now);
    });
  }
}
