import { Injectable } from '@nestjs/common';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, scopeOf, conflict } from '@pc/platform';
import { EmergencyEvent } from './emergency.entity';
import type { RecordEmergencyReviewCommand } from './commands/emergency.commands';

/** The site's managers record cause, remedy and prevention once the emergency is contained. */
@Injectable()
export class RecordEmergencyReview {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: RecordEmergencyReviewCommand): Promise<EmergencyEvent> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em) => {
      const e = await scopeOf(user).load(em, EmergencyEvent, input.emergencyId, 'emergency event');
      if (e.reviewedAt) throw conflict('the emergency-event record is already complete', 'emergencyId');
      em.assign(e, {
        cause: input.cause,
        remedy: input.remedy,
        prevention: input.prevention,
        reviewedBy: user.sub,
        reviewedAt: this.clock.now(),
      });
      return e;
    });
  }
}
