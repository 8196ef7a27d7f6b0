import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { SlaClock, WorkOrderStep } from '@pc/contracts';
import { AuthUser, conflict, notFound, scopeOf } from '@pc/platform';
import { WorkOrderCommand } from '../work-order/work-order-command';
import { WorkOrder } from '../work-order/work-order.entity';
import { currentClosure } from './closing-access';
import type { ComplaintClosure } from './closing.entity';

export interface HandOverCommand {
  actor: AuthUser;
  complaintId: string;
}

/** The lead work order of a complaint in the caller's scope (its clocks carry the case's). */
export async function leadWorkOrderId(orm: MikroORM, user: AuthUser, complaintId: string): Promise<string> {
  const [lead] = await scopeOf(user).find(
    orm.em.fork(),
    WorkOrder,
    { complaintId },
    { orderBy: [{ lead: 'desc' }, { department: 'asc' }], limit: 1 },
  );
  if (!lead) throw notFound('complaint', complaintId);
  return lead.id;
}

/**
 * Rule "the records reach the quality department within 3 days" (seeds/004: 3天内应将有关记录交到质管部):
 * the site hands over a closed complaint's records; meets QUALITY_HANDOVER (late if after 3 days).
 */
@Injectable()
export class HandOverToQuality {
  constructor(
    private readonly orm: MikroORM,
    private readonly command: WorkOrderCommand,
  ) {}

  async execute(c: HandOverCommand): Promise<ComplaintClosure> {
    let closure!: ComplaintClosure;
    const leadId = await leadWorkOrderId(this.orm, c.actor, c.complaintId);
    await this.command.run(c.actor, leadId, WorkOrderStep.HANDED_TO_QUALITY, async ({ em, book, now }) => {
      closure = await currentClosure(em, c.actor, c.complaintId);
      if (closure.handedOverAt) throw conflict(`the records were handed over at ${closure.handedOverAt.toISOString()}`, 'complaintId');
      closure.handedOverAt = now;
      closure.handedOverBy = c.actor.sub;
      book.meet([SlaClock.QUALITY_HANDOVER], now);
    });
    return closure;
  }
}
