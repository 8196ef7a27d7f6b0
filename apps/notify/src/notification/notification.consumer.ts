import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import {
  CallbackDissatisfied,
  CallbackScheduled,
  ComplaintFiled,
  ComplaintSeverityChanged,
  ContractorFailure,
  ContractorPenalized,
  EmergencyReported,
  NotificationKind,
  Severity,
  SlaBreached,
  WorkOrderCreated,
  WorkOrderEscalated,
  WorkOrderRecorded,
  WorkOrderReopened,
  type DeadlineV1,
  type Department,
} from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { KnownSite } from '@pc/subgraph';
import { watchesOf } from './deadline-warnings';
import { CaseFile, DeadlineWatch } from './notification.entity';
import { Notifier, describe, type Announcement } from './notifier';

/**
 * Events → messages to people (domain.md §6), and what notify must know of a case to address them
 * (its area manager, its work orders' handlers and open deadlines). Each event in its consumer's
 * transaction: the messages and the inbox row commit together, so a redelivery adds nothing.
 */
@Injectable()
export class NotificationConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  private async announce(em: EntityManager, a: Omit<Announcement, 'title' | 'body'> & { dueAt?: string; extra?: string }): Promise<void> {
    const site = await em.findOne(KnownSite, { siteId: a.siteId });
    const text = describe(a.kind, {
      complaintId: a.complaintId,
      siteName: site?.name ?? a.siteId,
      clock: a.clock,
      dueAt: a.dueAt,
      extra: a.extra,
    });
    await this.notifier.announce(em, { ...a, ...text });
  }

  private async watch(
    em: EntityManager,
    p: { orgId: string; siteId: string; complaintId: string; workOrderId: string; department: Department },
    deadlines: DeadlineV1[],
    startAt: string,
    handlerId?: string | null,
  ): Promise<void> {
    const existing = await em.find(DeadlineWatch, { workOrderId: p.workOrderId });
    for (const w of watchesOf(p, deadlines, new Date(startAt), existing)) {
      const row = existing.find((e) => e.id === w.id);
      if (row) em.assign(row, { ...w, handlerId: handlerId ?? row.handlerId ?? null });
      else em.persist(em.create(DeadlineWatch, { ...w, handlerId: handlerId ?? null }));
    }
    if (handlerId) for (const row of existing) row.handlerId = handlerId;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ComplaintFiled, async (p, _e, { em }) => {
        await em.upsert(CaseFile, {
          complaintId: p.complaintId,
          orgId: p.orgId,
          siteId: p.siteId,
          areaManagerId: p.areaManagerId ?? null,
          category: p.category,
          severity: p.severity,
          timeZone: p.timeZone,
        });
        if (p.severity !== Severity.MAJOR) return;
        await this.announce(em, {
          kind: NotificationKind.MAJOR_COMPLAINT,
          orgId: p.orgId,
          siteId: p.siteId,
          complaintId: p.complaintId,
          category: p.category,
          sourceKey: `major:${p.complaintId}`,
          at: this.clock.now(),
          extra: `filed ${p.receivedAt}; report to the asset-management head within 10 minutes`,
        });
      }),
      on(ComplaintSeverityChanged, async (p, _e, { em }) => {
        const file = await em.findOne(CaseFile, { complaintId: p.complaintId });
        if (file) em.assign(file, { severity: p.to, areaManagerId: p.areaManagerId ?? file.areaManagerId ?? null });
        else {
          em.persist(
            em.create(CaseFile, {
              complaintId: p.complaintId,
              orgId: p.orgId,
              siteId: p.siteId,
              areaManagerId: p.areaManagerId ?? null,
              severity: p.to,
            }),
          );
        }
        await em.flush();
        if (p.to !== Severity.MAJOR) return;
        await this.announce(em, {
          kind: NotificationKind.MAJOR_COMPLAINT,
          orgId: p.orgId,
          siteId: p.siteId,
          complaintId: p.complaintId,
          category: file?.category ?? undefined,
          sourceKey: `major:${p.complaintId}`,
          at: this.clock.now(),
          extra: `upgraded to major (${p.reason})`,
        });
      }),
      on(WorkOrderCreated, async (p, _e, { em }) => this.watch(em, p, p.deadlines, p.createdAt)),
      on(WorkOrderReopened, async (p, _e, { em }) => this.watch(em, p, p.deadlines, p.reopenedAt)),
      on(WorkOrderRecorded, async (p, _e, { em }) => this.watch(em, p, p.deadlines, p.at, p.handlerId)),
      on(SlaBreached, async (p, _e, { em }) => {
        const file = await em.findOne(CaseFile, { complaintId: p.complaintId });
        await this.announce(em, {
          kind: NotificationKind.DEADLINE_BREACHED,
          orgId: p.orgId,
          siteId: p.siteId,
          complaintId: p.complaintId,
          workOrderId: p.workOrderId,
          department: p.department,
          clock: p.clock,
          category: file?.category ?? undefined,
          sourceKey: `breach:${p.workOrderId}:${p.clock}:${p.dueAt}`,
          at: this.clock.now(),
          dueAt: p.dueAt,
        });
      }),
      on(WorkOrderEscalated, async (p, _e, { em }) => {
        const file = await em.findOne(CaseFile, { complaintId: p.complaintId });
        await this.announce(em, {
          kind: NotificationKind.ESCALATED,
          orgId: p.orgId,
          siteId: p.siteId,
          complaintId: p.complaintId,
          workOrderId: p.workOrderId,
          department: p.department,
          escalatedTo: p.to,
          category: file?.category ?? undefined,
          sourceKey: `escalated:${p.workOrderId}:${p.to}:${p.escalatedAt}`,
          at: this.clock.now(),
          extra: `from ${p.from} to ${p.to}`,
        });
      }),
      on(EmergencyReported, async (p, _e, { em }) => {
        await this.announce(em, {
          kind: NotificationKind.EMERGENCY,
          orgId: p.orgId,
          siteId: p.siteId,
          workOrderId: p.workOrderId ?? null,
          sourceKey: `emergency:${p.emergencyId}`,
          at: this.clock.now(),
          extra: `emergency ${p.emergencyId}, occurred ${p.occurredAt}`,
        });
      }),
      on(CallbackScheduled, async (p, _e, { em }) => {
        await this.announce(em, {
          kind: NotificationKind.CALLBACK_DUE,
          orgId: p.orgId,
          siteId: p.siteId,
          complaintId: p.complaintId,
          assignee: p.assignee,
          sourceKey: `callback:${p.callbackId}`,
          at: this.clock.now(),
          dueAt: p.dueAt,
        });
      }),
      on(CallbackDissatisfied, async (p, _e, { em }) => {
        const file = await em.findOne(CaseFile, { complaintId: p.complaintId });
        await this.announce(em, {
          kind: NotificationKind.DISSATISFIED,
          orgId: p.orgId,
          siteId: p.siteId,
          complaintId: p.complaintId,
          department: p.department,
          category: file?.category ?? undefined,
          sourceKey: `dissatisfied:${p.callbackId}`,
          at: this.clock.now(),
        });
      }),
      on(ContractorPenalized, async (p, _e, { em }) => {
        if (p.failure !== ContractorFailure.NO_SHOW) return;
        await this.announce(em, {
          kind: NotificationKind.CONTRACTOR_NO_SHOW,
          orgId: p.orgId,
          siteId: p.siteId,
          workOrderId: p.workOrderId ?? null,
          sourceKey: `no-show:${p.penaltyId}`,
          at: this.clock.now(),
          extra: `contractor ${p.contractor} did not arrive within 4 hours (notice ${p.noticeId})`,
        });
      }),
    ]);
  }
}
