import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  ComplaintCaseClosed,
  ComplaintResolved,
  SeverityChangeReason,
  SlaBreached,
  SlaClock,
  WorkOrderReopened,
  type SlaBreachedV1,
} from '@pc/contracts';
import { EventConsumers, on, onBatch, type HandlerContext } from '@pc/messaging';
import { Clock, ServiceConfig } from '@pc/platform';
import { Area } from '../registry/registry.entities';
import { sendCaseLink } from '../resident/resident-messages';
import { ComplaintAction, canDoToComplaint } from './complaint-lifecycle';
import { Complaint } from './complaint.entity';
import { upgradeToMajor } from './severity-change';

/** Keeps the intake record in step with what dispatch reports. */
@Injectable()
export class ComplaintEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly clock: Clock,
    private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ComplaintResolved, async (p, _envelope, { em, events }) => {
        const complaint = await em.findOne(Complaint, { id: p.complaintId, orgId: p.orgId });
        if (!complaint) throw new Error(`complaint ${p.complaintId} is unknown to intake`);
        // a replay finds it resolved already (and sends nothing: the inbox holds the first delivery)
        if (complaint.resolve(new Date(p.resolvedAt))) {
          await sendCaseLink(em, events, this.config, this.clock.now(), p, 'RESOLVED', new Date(p.resolvedAt));
        }
      }),
      // seeds/000: the site head closed it with an opinion
      on(ComplaintCaseClosed, async (p, _envelope, { em }) => {
        const complaint = await em.findOne(Complaint, { id: p.complaintId, orgId: p.orgId });
        if (!complaint) throw new Error(`complaint ${p.complaintId} is unknown to intake`);
        complaint.close(new Date(p.closedAt)); // a replay finds it closed already
      }),
      // domain.md §4: a dissatisfied callback (or the quality department) sends the case back for rework; it is open again
      on(WorkOrderReopened, async (p, _envelope, { em }) => {
        const complaint = await em.findOne(Complaint, { id: p.complaintId, orgId: p.orgId });
        if (!complaint) throw new Error(`complaint ${p.complaintId} is unknown to intake`);
        complaint.reopen(); // a replay finds it open already
      }),
      // domain.md §2 rule D: dispatch's MAJOR_UPGRADE clock ran out (10 days unresolved)
      onBatch(
        SlaBreached,
        async (p, _envelope, ctx) => {
          if (p.clock !== SlaClock.MAJOR_UPGRADE) return;
          await this.upgradeUnresolved(p, await ctx.em.findOne(Complaint, { id: p.complaintId, orgId: p.orgId }), ctx);
        },
        // a batch of breaches: the complaints and their areas read in two queries, the upgrades written together
        async (items, ctx) => {
          const due = items.map((i) => i.payload).filter((p) => p.clock === SlaClock.MAJOR_UPGRADE);
          if (!due.length) return;
          const complaints = await ctx.em.find(Complaint, {
            id: { $in: [...new Set(due.map((p) => p.complaintId))] },
            orgId: { $in: [...new Set(due.map((p) => p.orgId))] },
          });
          const areaIds = [...new Set(complaints.flatMap((c) => (c.areaId ? [c.areaId] : [])))];
          if (areaIds.length) await ctx.em.find(Area, { id: { $in: areaIds } }); // the identity map answers upgradeToMajor's look-up
          for (const p of due) {
            await this.upgradeUnresolved(p, complaints.find((c) => c.id === p.complaintId && c.orgId === p.orgId) ?? null, ctx);
          }
        },
      ),
    ]);
  }

  private async upgradeUnresolved(p: SlaBreachedV1, complaint: Complaint | null, { em, events }: HandlerContext): Promise<void> {
    if (!complaint) throw new Error(`complaint ${p.complaintId} is unknown to intake`);
    if (!canDoToComplaint(complaint.status, ComplaintAction.UPGRADE_SEVERITY)) return; // resolved meanwhile: nothing to upgrade
    await upgradeToMajor(em, events, complaint, SeverityChangeReason.UNRESOLVED_10_DAYS, new Date(p.breachedAt));
  }
}
