import { Injectable } from '@nestjs/common';
import { SlaClock } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, conflict, forbidden, notInFuture } from '@pc/platform';
import { DeadlineBook } from '../sla/deadline-book';
import { loadWorkOrder } from '../work-order/work-order.access';
import { recordContractorFailure } from './contractor-failure';
import { ContractorResponse } from './dto/contractor.inputs';
import { RectificationNotice } from './rectification.entity';
import type { RecordContractorResponseCommand } from './commands/contractor.commands';
import { isEngineering, FAILURE_OF, loadNotice } from './contractor-rules';

/**
 * What the contractor did: ARRIVED meets the 4-hour arrival clock; RETURNED (the signed notice came
 * back) and COMPLETED (the work passed inspection) are kept; REFUSED, SUBSTANDARD and NOT_RETURNED
 * fine the contractor and start the emergency repair team.
 */
@Injectable()
export class RecordContractorResponse {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: RecordContractorResponseCommand): Promise<RectificationNotice> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em, events) => {
      if (!isEngineering(user)) throw forbidden('only engineering staff or the site head record contractor responses');
      const notice = await loadNotice(em, user, input.noticeId);
      const now = this.clock.now();
      const at = notInFuture('at', input.at, now);
      if (notice.completedAt) throw conflict('the rectification is already completed', 'noticeId');
      const failure = FAILURE_OF[input.response];
      const book = await DeadlineBook.of(em, await loadWorkOrder(em, user, notice.workOrderId));
      if (failure) {
        if (notice.failure) throw conflict(`the contractor already failed this notice (${notice.failure})`, 'noticeId');
        recordContractorFailure(em, events, notice, failure, at);
        book.cancel([SlaClock.CONTRACTOR_ARRIVAL], now, { evenIfBreached: true, ref: notice.id });
        return notice;
      }
      if (input.response === ContractorResponse.ARRIVED) {
        if (notice.arrivedAt) throw conflict('arrival is already recorded', 'response');
        notice.arrivedAt = at;
        book.meet([SlaClock.CONTRACTOR_ARRIVAL], at, notice.id);
      } else if (input.response === ContractorResponse.RETURNED) {
        notice.returnedAt ??= at;
      } else {
        notice.completedAt = at;
      }
      return notice;
    });
  }
}
