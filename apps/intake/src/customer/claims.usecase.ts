import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Department, Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, assertRole, conflict, forbidden, hasAnyRole, invalidInput, notInFuture, scopeOf } from '@pc/platform';
import { AttachmentRegister } from '../attachment/attachment-register';
import { Complaint } from '../complaint/complaint.entity';
import { awardedAmount } from './customer-rules';
import { Claim, ClaimDecision } from './customer.entities';
import { FILE_KEEPERS, customerInScope } from './customer-file.usecases';

/** Who decides a claim: the site head or leadership. */
export const CLAIM_DECIDERS = [Role.SITE_HEAD, Role.LEADERSHIP] as const;

export interface RecordClaimFields {
  customerId: string;
  complaintId?: string | null;
  description: string;
  amountClaimedYuan: number;
  evidence?: string[] | null;
  claimedAt?: Date | null;
}

/** Claims for compensation (索赔档案): recorded with evidence, decided once, paid once. */
@Injectable()
export class Claims {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly attachments: AttachmentRegister,
  ) {}

  record(user: AuthUser, input: RecordClaimFields): Promise<Claim> {
    return this.tx.by(user).run(async (em) => {
      assertRole(user, FILE_KEEPERS);
      const customer = await customerInScope(em, user, input.customerId);
      if (input.complaintId) {
        const complaint = await scopeOf(user).findOne(em, Complaint, { id: input.complaintId });
        if (!complaint || complaint.customerId !== customer.id) {
          throw invalidInput('complaintId', `complaint ${input.complaintId} is not one of customer ${customer.id}`);
        }
      }
      const now = this.clock.now();
      const claim = em.create(Claim, {
        id: randomUUID(),
        orgId: user.org,
        siteId: customer.siteId,
        customerId: customer.id,
        complaintId: input.complaintId ?? null,
        description: input.description,
        amountClaimedYuan: input.amountClaimedYuan,
        evidence: input.evidence ?? [],
        claimedAt: notInFuture('claimedAt', input.claimedAt, now),
        recordedBy: user.sub,
      });
      // evidence: keys the store issued for the customer's site, now the claim's (issue 29's rule)
      await this.attachments.attach(em, user, customer.siteId, claim.id, claim.evidence);
      em.persist(claim);
      return claim;
    });
  }

  decide(
    user: AuthUser,
    input: { claimId: string; decision: ClaimDecision; amountAwardedYuan?: number | null; reason: string },
  ): Promise<Claim> {
    return this.tx.by(user).run(async (em) => {
      assertRole(user, CLAIM_DECIDERS);
      const claim = await scopeOf(user).load(em, Claim, input.claimId, 'claim');
      if (claim.decision) {
        throw conflict(`claim ${claim.id} was decided (${claim.decision}) on ${claim.decidedAt?.toISOString()}`, 'claimId');
      }
      claim.amountAwardedYuan = awardedAmount(input.decision, claim.amountClaimedYuan, input.amountAwardedYuan);
      claim.decision = input.decision;
      claim.decisionReason = input.reason;
      claim.decidedBy = user.sub;
      claim.decidedAt = this.clock.now();
      return claim;
    });
  }

  /** The award paid: by finance (department staff or head), the site head or leadership; once. */
  paid(user: AuthUser, input: { claimId: string; paidAt?: Date | null }): Promise<Claim> {
    return this.tx.by(user).run(async (em) => {
      const finance = user.department === Department.FINANCE && hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]);
      if (!finance && !hasAnyRole(user, CLAIM_DECIDERS)) throw forbidden('finance, the site head or leadership records a claim paid');
      const claim = await scopeOf(user).load(em, Claim, input.claimId, 'claim');
      if (!claim.decision || !claim.amountAwardedYuan) {
        throw conflict(`claim ${claim.id} has no award to pay (${claim.decision ?? 'not decided yet'})`, 'claimId');
      }
      if (claim.paidAt) throw conflict(`claim ${claim.id} was paid on ${claim.paidAt.toISOString()}`, 'claimId');
      const now = this.clock.now();
      const paidAt = notInFuture('paidAt', input.paidAt, now);
      if (paidAt < (claim.decidedAt as Date)) throw invalidInput('paidAt', 'a claim is paid after it is decided');
      claim.paidAt = paidAt;
      claim.paidBy = user.sub;
      return claim;
    });
  }
}
