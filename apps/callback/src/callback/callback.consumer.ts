import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  CallbackKind,
  ComplaintResolved,
  ComplaintResolvedAtIntake,
  ResidentFeedbackGiven,
  Satisfaction,
  ServiceCompleted,
  Severity,
} from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { Callback, CallbackMethod, CallbackStatus } from './callback.entity';
import { completeCallback } from './record-callback.usecase';
import { ScheduleCallback } from './schedule-callback.usecase';

@Injectable()
export class CallbackConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly schedule: ScheduleCallback,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(
        ComplaintResolved,
        async (p, _e, ctx) => void (await this.schedule.execute({ ...p, caseId: p.complaintId, kind: CallbackKind.COMPLAINT }, ctx)),
      ),
      // domain.md §1: answered on the spot still gets its callback, owed by whoever took the case
      on(ComplaintResolvedAtIntake, async (p, _e, ctx) => {
        await this.schedule.execute({ ...p, caseId: p.complaintId, kind: CallbackKind.COMPLAINT, takenBy: p.receivedBy }, ctx);
      }),
      /**
       * Issue 30: the customer rated the resolution on the resident page before the call. The callback
       * still owed for the case is done with that answer (method APP, by `resident`); a DISSATISFIED answer
       * sends the case back for rework exactly as a dissatisfied callback does. A rating of a resolution
       * whose callback was done already (or a confirmation alone) leaves the callbacks as they are.
       */
      on(ResidentFeedbackGiven, async (p, _e, { em, events }) => {
        if (!p.satisfaction) return;
        const owed = await em.findOne(
          Callback,
          { orgId: p.orgId, caseId: p.complaintId, status: CallbackStatus.OPEN },
          { orderBy: { round: 'desc' } },
        );
        if (!owed) return;
        const dissatisfied = p.satisfaction === Satisfaction.DISSATISFIED;
        completeCallback(
          events,
          owed,
          {
            method: CallbackMethod.APP,
            reached: 'the customer (resident page)',
            satisfaction: p.satisfaction,
            shortcomings: dissatisfied ? (p.comment ?? 'dissatisfied (resident page, no comment)') : null,
            suggestions: dissatisfied ? null : (p.comment ?? null),
            by: 'resident',
          },
          new Date(p.at),
        );
      }),
      // domain.md §4: repairs and paid services are called back too, by whoever took the request
      on(ServiceCompleted, async (p, _e, ctx) => {
        await this.schedule.execute({ ...p, caseId: p.serviceId, severity: Severity.MINOR, resolvedAt: p.completedAt }, ctx);
      }),
    ]);
  }
}
