import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ComplaintCaseClosed, ComplaintResolved, SeverityChangeReason, SlaBreached, SlaClock, WorkOrderReopened } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { ComplaintAction, canDoToComplaint } from './complaint-lifecycle';
import { Complaint } from './complaint.entity';
import { upgradeToMajor } from './severity-change';

/** Keeps the intake record in step with what dispatch reports. */
@Injectable()
export class ComplaintEventsConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ComplaintResolved, async (p, _envelope, { em }) => {
        const complaint = await em.findOne(Complaint, { id: p.complaintId, orgId: p.orgId });
        if (!complaint) throw new Error(`complaint ${p.complaintId} is unknown to intake`);
        complaint.resolve(new Date(p.resolvedAt)); // a replay finds it resolved already
      }),
      // seeds/000: the site head closed it with an opinion
      on(ComplaintCaseClosed, async (p, _envelope, { em }) => {
        const complaint = await em.findOne(Complaint, { id: p.complaintId, orgId: p.orgId });
        if (!complaint) throw new Error(`complaint ${p.complaintId} is unknown to intake`);
        complaint.close(); // a replay finds it closed already
      }),
      // domain.md §4: a dissatisfied callback (or the quality department) sends the case back for rework; it is open again
      on(WorkOrderReopened, async (p, _envelope, { em }) => {
        const complaint = await em.findOne(Complaint, { id: p.complaintId, orgId: p.orgId });
        if (!complaint) throw new Error(`complaint ${p.complaintId} is unknown to intake`);
        complaint.reopen(); // a replay finds it open already
      }),
      // domain.md §2 rule D: dispatch's MAJOR_UPGRADE clock ran out (10 days unresolved)
      on(SlaBreached, async (p, _envelope, { em, events }) => {
        if (p.clock !== SlaClock.MAJOR_UPGRADE) return;
        const complaint = await em.findOne(Complaint, { id: p.complaintId, orgId: p.orgId });
        if (!complaint) throw new Error(`complaint ${p.complaintId} is unknown to intake`);
        if (!canDoToComplaint(complaint.status, ComplaintAction.UPGRADE_SEVERITY)) return; // resolved meanwhile: nothing to upgrade
        await upgradeToMajor(em, events, complaint, SeverityChangeReason.UNRESOLVED_10_DAYS, new Date(p.breachedAt));
      }),
    ]);
  }
}
