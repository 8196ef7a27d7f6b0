import { Injectable } from '@nestjs/common';
import { Role, SlaClock, WorkOrderStep } from '@pc/contracts';
import { forbidden, hasAnyRole, notInFuture } from '@pc/platform';
import type { ReportToHeadCommand } from './commands/work-order.commands';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';

/** Major: the area manager reports to the asset-management head within 10 minutes (REPORT_TO_HEAD). */
@Injectable()
export class ReportToHead {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(c: ReportToHeadCommand): Promise<WorkOrderView> {
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.REPORTED_TO_HEAD, ({ wo, book, now }) => {
      if (!hasAnyRole(c.actor, [Role.AREA_MANAGER, Role.SITE_HEAD])) {
        throw forbidden('only the area manager reports a major complaint to the asset-management head');
      }
      const at = notInFuture('at', c.at, now);
      wo.reportToHead(c.reportedTo, at);
      book.meet([SlaClock.REPORT_TO_HEAD], at);
    });
  }
}
