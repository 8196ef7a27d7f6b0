import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import {
  CallbackDissatisfied,
  CallbackScheduled,
  CommitteeMeetingOverdue,
  SurveyFollowUpOverdue,
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
  type EventContract,
} from '@pc/contracts';
import { EventConsumers, on, onBatch, type EventHandler } from '@pc/messaging';
import { Clock } from '@pc/platform';
import { KnownSite } from '@pc/subgraph';
import { watchesOf } from './deadline-warnings';
import { CaseFile, DeadlineWatch } from './notification.entity';
import { Notifier, describe, type Announcement } from './notifier';

/** An announcement before its text (title and body are written from the kind, case, site and deadline). */
type Draft = Omit<Announcement, 'title' | 'body'> & { dueAt?: string; extra?: string };

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

  /** Announcements of a batch of events: site names read once, the messages written together (Notifier.announceMany). */
  private async announceAll(em: EntityManager, drafts: Draft[]): Promise<void> {
    if (!drafts.length) return;
    const sites = await em.find(KnownSite, { siteId: { $in: [...new Set(drafts.map((a) => a.siteId))] } });
    const names = new Map(sites.map((s) => [s.siteId, s.name]));
    await this.notifier.announceMany(
      em,
      drafts.map((a) => ({
        ...a,
        ...describe(a.kind, {
          complaintId: a.complaintId,
          siteName: names.get(a.siteId) ?? a.siteId,
          clock: a.clock,
          dueAt: a.dueAt,
          extra: a.extra,
        }),
      })),
    );
  }

  /**
   * A handler whose events become announcements: one at a time, or a consumer's batch at once (their
   * case files read in one statement, their messages written together).
   */
  private announcing<T extends { orgId: string; siteId: string; complaintId?: string | null }>(
    contract: EventContract<T>,
    draft: (p: T, file: CaseFile | undefined, at: Date) => Draft | undefined,
    before?: (em: EntityManager, payloads: T[]) => Promise<void>,
  ): EventHandler<T> {
    const run = async (em: EntityManager, payloads: T[]) => {
      await before?.(em, payloads);
      const at = this.clock.now();
      const ids = [...new Set(payloads.map((p) => p.complaintId).filter((c): c is string => Boolean(c)))];
      const files = new Map((ids.length ? await em.find(CaseFile, { complaintId: { $in: ids } }) : []).map((f) => [f.complaintId, f]));
      const drafts = payloads.map((p) => draft(p, p.complaintId ? files.get(p.complaintId) : undefined, at));
      await this.announceAll(
        em,
        drafts.filter((d): d is Draft => Boolean(d)),
      );
    };
    return onBatch(
      contract,
      (p, _e, { em }) => run(em, [p]),
      (items, { em }) =>
        run(
          em,
          items.map((i) => i.payload),
        ),
    );
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
      this.announcing(
        ComplaintFiled,
        (p, _file, at) =>
          p.severity === Severity.MAJOR
            ? {
                kind: NotificationKind.MAJOR_COMPLAINT,
                orgId: p.orgId,
                siteId: p.siteId,
                complaintId: p.complaintId,
                category: p.category,
                sourceKey: `major:${p.complaintId}`,
                at,
                extra: `filed ${p.receivedAt}; report to the asset-management head within 10 minutes`,
              }
            : undefined,
        // what notify keeps of each case first: its messages are addressed from it
        async (em, payloads) => {
          await em.upsertMany(
            CaseFile,
            payloads.map((p) => ({
              complaintId: p.complaintId,
              orgId: p.orgId,
              siteId: p.siteId,
              areaManagerId: p.areaManagerId ?? null,
              category: p.category,
              severity: p.severity,
              timeZone: p.timeZone,
            })),
          );
        },
      ),
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
        await this.announceAll(em, [
          {
            kind: NotificationKind.MAJOR_COMPLAINT,
            orgId: p.orgId,
            siteId: p.siteId,
            complaintId: p.complaintId,
            category: file?.category ?? undefined,
            sourceKey: `major:${p.complaintId}`,
            at: this.clock.now(),
            extra: `upgraded to major (${p.reason})`,
          },
        ]);
      }),
      on(WorkOrderCreated, async (p, _e, { em }) => this.watch(em, p, p.deadlines, p.createdAt)),
      on(WorkOrderReopened, async (p, _e, { em }) => this.watch(em, p, p.deadlines, p.reopenedAt)),
      on(WorkOrderRecorded, async (p, _e, { em }) => this.watch(em, p, p.deadlines, p.at, p.handlerId)),
      this.announcing(SlaBreached, (p, file, at) => ({
        kind: NotificationKind.DEADLINE_BREACHED,
        orgId: p.orgId,
        siteId: p.siteId,
        complaintId: p.complaintId,
        workOrderId: p.workOrderId,
        department: p.department,
        clock: p.clock,
        category: file?.category ?? undefined,
        sourceKey: `breach:${p.workOrderId}:${p.clock}:${p.dueAt}`,
        at,
        dueAt: p.dueAt,
      })),
      this.announcing(WorkOrderEscalated, (p, file, at) => ({
        kind: NotificationKind.ESCALATED,
        orgId: p.orgId,
        siteId: p.siteId,
        complaintId: p.complaintId,
        workOrderId: p.workOrderId,
        department: p.department,
        escalatedTo: p.to,
        category: file?.category ?? undefined,
        sourceKey: `escalated:${p.workOrderId}:${p.to}:${p.escalatedAt}`,
        at,
        extra: `from ${p.from} to ${p.to}`,
      })),
      this.announcing(EmergencyReported, (p, _file, at) => ({
        kind: NotificationKind.EMERGENCY,
        orgId: p.orgId,
        siteId: p.siteId,
        workOrderId: p.workOrderId ?? null,
        sourceKey: `emergency:${p.emergencyId}`,
        at,
        extra: `emergency ${p.emergencyId}, occurred ${p.occurredAt}`,
      })),
      this.announcing(CallbackScheduled, (p, _file, at) => ({
        kind: NotificationKind.CALLBACK_DUE,
        orgId: p.orgId,
        siteId: p.siteId,
        complaintId: p.complaintId,
        assignee: p.assignee,
        sourceKey: `callback:${p.callbackId}`,
        at,
        dueAt: p.dueAt,
      })),
      this.announcing(CallbackDissatisfied, (p, file, at) => ({
        kind: NotificationKind.DISSATISFIED,
        orgId: p.orgId,
        siteId: p.siteId,
        complaintId: p.complaintId,
        department: p.department,
        category: file?.category ?? undefined,
        sourceKey: `dissatisfied:${p.callbackId}`,
        at,
      })),
      // domain.md §7: a month of a site's owners' committee without a meeting (intake's monthly clock)
      this.announcing(CommitteeMeetingOverdue, (p, _file, at) => ({
        kind: NotificationKind.NOTICE,
        orgId: p.orgId,
        siteId: p.siteId,
        sourceKey: `committee-overdue:${p.siteId}:${p.month}`,
        at,
        extra: `no owners' committee meeting was recorded for ${p.month}: hold it and record it (recordCommitteeMeeting)`,
      })),
      // domain.md §4: a survey follow-up plan past its due date undone (callback's clock): its owner and the site head
      this.announcing(SurveyFollowUpOverdue, (p, _file, at) => ({
        kind: NotificationKind.NOTICE,
        orgId: p.orgId,
        siteId: p.siteId,
        assignee: p.ownerId,
        sourceKey: `survey-follow-up-overdue:${p.followUpId}`,
        at,
        dueAt: p.dueAt,
        extra: `the follow-up plan of a dissatisfied survey answer (question ${p.question + 1}) was due ${p.dueAt} and is not done: do it and mark it done (completeSurveyFollowUp)`,
      })),
      this.announcing(ContractorPenalized, (p, _file, at) =>
        p.failure === ContractorFailure.NO_SHOW
          ? {
              kind: NotificationKind.CONTRACTOR_NO_SHOW,
              orgId: p.orgId,
              siteId: p.siteId,
              workOrderId: p.workOrderId ?? null,
              sourceKey: `no-show:${p.penaltyId}`,
              at,
              extra: `contractor ${p.contractor} did not arrive within 4 hours (notice ${p.noticeId})`,
            }
          : undefined,
      ),
    ]);
  }
}
