import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CallbackKind, ComplaintResolved, ComplaintResolvedAtIntake, ServiceCompleted, Severity } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
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
      // domain.md §4: repairs and paid services are called back too, by whoever took the request
      on(ServiceCompleted, async (p, _e, ctx) => {
        await this.schedule.execute({ ...p, caseId: p.serviceId, severity: Severity.MINOR, resolvedAt: p.completedAt }, ctx);
      }),
    ]);
  }
}
