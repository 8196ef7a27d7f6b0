import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Channel, ContactSource, Role, type Department } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, conflict, forbidden, hasAnyRole, invalidInput, notInFuture, scopeOf } from '@pc/platform';
import { logContact } from '../contact-log/contact-log';
import { grantedSite } from '../registry/registry-rules';
import { Customer } from '../registry/registry.entities';
import { Inquiry, InquiryKind, InquiryStatus } from './inquiry.entity';

export interface RecordInquiryCommand {
  actor: AuthUser;
  siteId: string;
  customerId?: string | null;
  kind: InquiryKind;
  channel: Channel;
  question: string;
  /** Answered on the spot. */
  answer?: string | null;
  /** Passed to the department that knows. */
  routeTo?: Department | null;
  receivedAt?: Date | null;
}

export interface AnswerInquiryCommand {
  actor: AuthUser;
  inquiryId: string;
  answer: string;
  via: Channel;
  at?: Date | null;
}

/**
 * Inquiries and suggestions through the same intake as complaints (seeds/001: 解答客户咨询,处理客户投诉
 * 和建议; 定期开启意见箱…整理和回复): answered on the spot, or passed to the department that knows, or
 * left for the front desk; a suggestion from the suggestion box may be unsigned. Every answer to a
 * known customer is a line of the contact log.
 */
@Injectable()
export class InquiryDesk {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  record(c: RecordInquiryCommand): Promise<Inquiry> {
    const user = c.actor;
    return this.tx.by(user, { channel: c.channel }).run(async (em) => {
      const site = await grantedSite(em, user, c.siteId);
      if (c.customerId && !(await em.findOne(Customer, { id: c.customerId, orgId: user.org, siteId: site.id }))) {
        throw invalidInput('customerId', `unknown customer ${c.customerId} of site ${site.id}`);
      }
      if (!c.customerId && c.channel !== Channel.SUGGESTION_BOX) {
        throw invalidInput('customerId', 'name the customer (only a note from the suggestion box may be unsigned)');
      }
      if (c.answer && c.routeTo) throw invalidInput('routeTo', 'an inquiry answered on the spot is not passed on');
      const now = this.clock.now();
      const receivedAt = notInFuture('receivedAt', c.receivedAt, now);
      const inquiry = em.create(Inquiry, {
        id: randomUUID(),
        orgId: user.org,
        siteId: site.id,
        customerId: c.customerId ?? null,
        kind: c.kind,
        channel: c.channel,
        question: c.question,
        receivedAt,
        receivedBy: user.sub,
        status: c.answer ? InquiryStatus.ANSWERED : c.routeTo ? InquiryStatus.ROUTED : InquiryStatus.OPEN,
        routedTo: c.routeTo ?? null,
        answer: c.answer ?? null,
        answeredBy: c.answer ? user.sub : null,
        answeredAt: c.answer ? receivedAt : null,
        answeredVia: c.answer ? c.channel : null,
      });
      em.persist(inquiry);
      if (inquiry.customerId && c.channel !== Channel.SUGGESTION_BOX) {
        await logContact(
          em,
          {
            orgId: inquiry.orgId,
            siteId: inquiry.siteId,
            customerId: inquiry.customerId,
            caseId: inquiry.id,
            department: user.department,
            channel: c.channel,
            asked: c.question,
            answered: c.answer ?? (c.routeTo ? `Passed to ${c.routeTo}; they will answer` : 'Recorded; we will answer'),
            by: user.sub,
            at: receivedAt,
            source: ContactSource.INQUIRY,
            sourceId: inquiry.id,
          },
          { fresh: true },
        );
      }
      return inquiry;
    });
  }

  /** The answer, by the front desk or (for a routed one) the department it was passed to. */
  answer(c: AnswerInquiryCommand): Promise<Inquiry> {
    const user = c.actor;
    return this.tx.by(user, { channel: c.via }).run(async (em) => {
      const inquiry = await scopeOf(user).load(em, Inquiry, c.inquiryId, 'inquiry');
      if (inquiry.status === InquiryStatus.ANSWERED) {
        throw conflict(`the inquiry was answered at ${inquiry.answeredAt!.toISOString()}`, 'inquiryId');
      }
      const desk = hasAnyRole(user, [Role.FRONT_DESK, Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD]);
      if (!desk && !(inquiry.routedTo && user.department === inquiry.routedTo)) {
        throw forbidden(`only the front desk${inquiry.routedTo ? ` or ${inquiry.routedTo}` : ''} answers this inquiry`);
      }
      const now = this.clock.now();
      const at = notInFuture('at', c.at, now);
      if (at.getTime() < inquiry.receivedAt.getTime()) throw invalidInput('at', 'must not be before the inquiry was received');
      em.assign(inquiry, { status: InquiryStatus.ANSWERED, answer: c.answer, answeredBy: user.sub, answeredAt: at, answeredVia: c.via });
      if (inquiry.customerId) {
        await logContact(em, {
          orgId: inquiry.orgId,
          siteId: inquiry.siteId,
          customerId: inquiry.customerId,
          caseId: inquiry.id,
          department: user.department,
          channel: c.via,
          asked: inquiry.question,
          answered: c.answer,
          by: user.sub,
          at,
          source: ContactSource.INQUIRY,
          sourceId: `${inquiry.id}:answer`,
        });
      }
      return inquiry;
    });
  }
}
