import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { EventWriter, TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock } from '@pc/platform';
import { DeadlineBook } from '../sla/deadline-book';
import type { Deadline } from '../sla/deadline.entity';
import { loadWorkOrder } from './work-order.access';
import type { WorkOrder } from './work-order.entity';

export interface WorkOrderView {
  workOrder: WorkOrder;
  deadlines: Deadline[];
}

export interface CommandContext {
  em: EntityManager;
  events: EventWriter;
  wo: WorkOrder;
  book: DeadlineBook;
  now: Date;
}

/**
 * The shape every command on one work order shares: one transaction, the work order of the caller's
 * organisation and sites locked, its clocks loaded, the injected time, the events written with it.
 */
@Injectable()
export class WorkOrderCommand {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  run(user: AuthUser, workOrderId: string, work: (ctx: CommandContext) => Promise<void> | void): Promise<WorkOrderView> {
    return this.tx.by(user).run(async (em, events) => {
      const wo = await loadWorkOrder(em, user, workOrderId);
      const book = await DeadlineBook.of(em, wo);
      await work({ em, events, wo, book, now: this.clock.now() });
      return { workOrder: wo, deadlines: book.all };
    });
  }
}
