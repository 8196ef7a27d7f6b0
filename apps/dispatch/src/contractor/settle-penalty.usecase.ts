import { Injectable } from '@nestjs/common';
import { Department, Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, scopeOf, conflict, forbidden } from '@pc/platform';
import { ContractorPenalty } from './rectification.entity';
import type { SettlePenaltyCommand } from './commands/contractor.commands';
import { isCoordinator } from './contractor-rules';

/** Marks a fine settled (deducted from the contractor's account); its amount must be set first. */
@Injectable()
export class SettlePenalty {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: SettlePenaltyCommand): Promise<ContractorPenalty> {
    const { actor: user, penaltyId } = c;
    return this.tx.by(user).run(async (em) => {
      if (!isCoordinator(user) && !(user.roles.includes(Role.DEPARTMENT_HEAD) && user.department === Department.FINANCE)) {
        throw forbidden('only the coordinator or the finance head settles a fine');
      }
      const p = await scopeOf(user).load(em, ContractorPenalty, penaltyId, 'contractor penalty');
      if (p.amountYuan === null || p.amountYuan === undefined) throw conflict('the coordinator has not set the amount yet', 'penaltyId');
      if (p.settledAt) throw conflict('the fine is already settled', 'penaltyId');
      p.settledAt = this.clock.now();
      return p;
    });
  }
}
