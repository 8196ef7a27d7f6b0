import { Injectable } from '@nestjs/common';
import { ContractorPenaltyAmountSet } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, scopeOf, conflict, forbidden, invalidInput } from '@pc/platform';
import { ContractorPenalty } from './rectification.entity';
import type { SetPenaltyAmountCommand } from './commands/contractor.commands';
import { MIN_CONTRACTOR_PENALTY_YUAN, isCoordinator } from './contractor-rules';

/** The coordinator sets a fine's amount: whole yuan, at least 5,000 (domain.md §3); announced for the monthly report. */
@Injectable()
export class SetPenaltyAmount {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: SetPenaltyAmountCommand): Promise<ContractorPenalty> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em, events) => {
      if (!isCoordinator(user)) throw forbidden('only the coordinator (engineering head or site head) sets a fine');
      const p = await scopeOf(user).load(em, ContractorPenalty, input.penaltyId, 'contractor penalty');
      if (p.settledAt) throw conflict('the fine is already settled', 'penaltyId');
      if (input.amountYuan < MIN_CONTRACTOR_PENALTY_YUAN) {
        throw invalidInput('amountYuan', `a contractor fine is at least ${MIN_CONTRACTOR_PENALTY_YUAN} yuan`);
      }
      em.assign(p, { amountYuan: input.amountYuan, amountSetBy: user.sub });
      events.publish(ContractorPenaltyAmountSet, {
        orgId: p.orgId,
        siteId: p.siteId,
        penaltyId: p.id,
        amountYuan: input.amountYuan,
        at: this.clock.now().toISOString(),
      });
      return p;
    });
  }
}
