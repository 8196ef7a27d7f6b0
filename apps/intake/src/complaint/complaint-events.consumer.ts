import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ComplaintResolved, ComplaintStatus } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { Complaint } from './complaint.entity';

/** Keeps the intake record's status in step with what dispatch reports. */
@Injectable()
export class ComplaintEventsConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ComplaintResolved, async (p, _envelope, { em }) => {
        const complaint = await em.findOne(Complaint, { id: p.complaintId, orgId: p.orgId });
        if (!complaint) throw new Error(`complaint ${p.complaintId} is unknown to intake`);
        if (complaint.status === ComplaintStatus.OPEN) {
          complaint.status = ComplaintStatus.RESOLVED;
          complaint.resolvedAt = new Date(p.resolvedAt);
        }
      }),
    ]);
  }
}
