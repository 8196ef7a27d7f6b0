import { Injectable } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/core';
import { ReportSubmitted } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, conflict, invalidInput, isPostgres, scopeOf } from '@pc/platform';
import { DEFAULT_TIME_ZONE, localMonth } from '@pc/calendar';
import { knexOf } from '../projection/projection.consumer';
import type { SubmitMonthlyReportInput } from './dto/report.args';
import { ReportSubmission } from './report-submission.entity';
import { ReportReader } from './report.reader';

/**
 * The quality department submits a month's report with its commentary (domain.md §5: due before month
 * end). Each site's figures are frozen as they stand (late events no longer change them) and the
 * submission is announced (`report.submitted`, the audit trail). A site already submitted is a
 * CONFLICT when named; without a site, the caller's sites not yet submitted are.
 */
@Injectable()
export class SubmitMonthlyReport {
  constructor(
    private readonly orm: MikroORM,
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthUser, input: SubmitMonthlyReportInput): Promise<void> {
    const now = this.clock.now();
    if (input.month > localMonth(now, DEFAULT_TIME_ZONE)) throw invalidInput('month', 'a month that has not begun cannot be submitted');
    const sites = scopeOf(user).siteIds(input.siteId);
    await this.tx.by(user).run(async (em, events) => {
      const rows = await em.find(
        ReportSubmission,
        { orgId: user.org, month: input.month, ...(sites ? { siteId: { $in: [...sites] } } : {}) },
        { orderBy: { siteId: 'asc' }, lockMode: isPostgres(em) ? LockMode.PESSIMISTIC_WRITE : undefined },
      );
      if (!rows.length) throw invalidInput(input.siteId ? 'siteId' : 'month', `no figures for ${input.month} in the sites you may submit`);
      const open = rows.filter((r) => !r.submittedAt);
      if (!open.length) throw conflict(`the report for ${input.month} is already submitted`, input.siteId ? 'siteId' : 'month');
      const reader = new ReportReader(knexOf(this.orm));
      for (const r of open) {
        const frozen = await reader.live({ orgId: user.org }, input.month, now, [r.siteId]);
        em.assign(r, {
          submittedAt: now.toISOString(),
          submittedBy: user.sub,
          commentary: input.commentary,
          snapshot: JSON.stringify(frozen),
        });
        events.publish(ReportSubmitted, { orgId: user.org, siteId: r.siteId, month: input.month, submittedAt: now.toISOString() });
      }
    });
  }
}
