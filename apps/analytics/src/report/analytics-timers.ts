import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { ArchivePurged, ReportOverdue } from '@pc/contracts';
import {
  TimerScheduler,
  TransactionalOutbox,
  claimLock,
  type EventWriter,
  type TimerSchedulerOptions,
  type TimerSource,
} from '@pc/messaging';
import { Clock } from '@pc/platform';
import { ComplaintArchive } from '../archive/complaint-archive.entity';
import { ReportSubmission } from './report-submission.entity';

export const ANALYTICS_TIMER_OPTIONS = Symbol('ANALYTICS_TIMER_OPTIONS');

/** A site's monthly report still unsubmitted when its month has ended: flagged once and announced. */
@Injectable()
export class OverdueReports implements TimerSource {
  readonly name = 'overdue monthly reports';

  async fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      ReportSubmission,
      { submittedAt: null, flaggedAt: null, dueAt: { $lte: now.toISOString() } },
      { orderBy: { dueAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    for (const r of due) {
      r.flaggedAt = now.toISOString();
      events.publish(ReportOverdue, { orgId: r.orgId, siteId: r.siteId, month: r.month, dueAt: r.dueAt });
    }
    return due.length;
  }
}

/**
 * A closed complaint's archive two years after closing: the purge is announced (`archive.purged`);
 * when it comes back through the read model the file and the case's trail go, except the purge entry.
 */
@Injectable()
export class ExpiredArchives implements TimerSource {
  readonly name = 'expired archives';

  async fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      ComplaintArchive,
      { purgeAt: { $lte: now.toISOString() }, purgeAnnouncedAt: null },
      { orderBy: { purgeAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    for (const a of due) {
      a.purgeAnnouncedAt = now.toISOString();
      events.publish(ArchivePurged, {
        orgId: a.orgId,
        siteId: a.siteId,
        complaintId: a.complaintId,
        closedAt: a.closedAt,
        purgedAt: now.toISOString(),
      });
    }
    return due.length;
  }
}

@Injectable()
export class AnalyticsScheduler extends TimerScheduler {
  constructor(
    tx: TransactionalOutbox,
    clock: Clock,
    @Inject(ANALYTICS_TIMER_OPTIONS) options: TimerSchedulerOptions,
    reports: OverdueReports,
    archives: ExpiredArchives,
  ) {
    super(tx, clock, options, [reports, archives]);
  }
}
