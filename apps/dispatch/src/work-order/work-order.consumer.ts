import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ComplaintFiled, ComplaintSeverityChanged, NotificationAcknowledged, ResidentFeedbackGiven } from '@pc/contracts';
import { EventConsumers, on, onBatch } from '@pc/messaging';
import { CreateWorkOrders } from './create-work-orders.usecase';
import { ApplySeverityChange } from './apply-severity-change.usecase';
import { MeetReportOnAcknowledgement } from './meet-report-on-acknowledgement.usecase';
import { ResidentConfirmation } from './resident-confirmation.usecase';

@Injectable()
export class WorkOrderConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly createWorkOrders: CreateWorkOrders,
    private readonly severityChange: ApplySeverityChange,
    private readonly headAcknowledged: MeetReportOnAcknowledgement,
    private readonly residentConfirmation: ResidentConfirmation,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      onBatch(
        ComplaintFiled,
        async (p, _e, ctx) => void (await this.createWorkOrders.execute(p, ctx)),
        async (items, ctx) =>
          void (await this.createWorkOrders.executeMany(
            items.map((i) => i.payload),
            ctx,
          )),
      ),
      onBatch(
        ComplaintSeverityChanged,
        async (p, _e, ctx) => this.severityChange.execute(p, ctx),
        async (items, ctx) =>
          this.severityChange.executeMany(
            items.map((i) => i.payload),
            ctx,
          ),
      ),
      // the asset-management head acknowledged a major complaint's message: the report to the head (domain.md §6)
      on(NotificationAcknowledged, async (p, _e, ctx) => this.headAcknowledged.execute(p, ctx)),
      // issue 30: the customer's own confirmation from the resident page
      on(ResidentFeedbackGiven, async (p, _e, ctx) => this.residentConfirmation.execute(p, ctx)),
    ]);
  }
}
