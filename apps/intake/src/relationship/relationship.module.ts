import { Inject, Injectable, Module } from '@nestjs/common';
import { TimerScheduler, TransactionalOutbox, timerOptionsFrom, type TimerSchedulerOptions } from '@pc/messaging';
import { Clock, ServiceConfig } from '@pc/platform';
import { ComplaintModule } from '../complaint/complaint.module';
import { InquiryModule } from '../inquiry/inquiry.module';
import { Committee, CommitteeMonthlyClock } from './committee.usecase';
import { CommitteeResolver } from './committee.resolver';
import { Notices } from './notices.usecase';
import { NoticesResolver } from './notices.resolver';
import { RelationshipPlans } from './plans';
import { SurveyAnswerNotices } from './survey-answer.consumer';

export const RELATIONSHIP_TIMER_OPTIONS = Symbol('RELATIONSHIP_TIMER_OPTIONS');

/** Intake's durable timers (the shared mechanism): the owners' committee's monthly clock per site. */
@Injectable()
export class RelationshipScheduler extends TimerScheduler {
  constructor(
    tx: TransactionalOutbox,
    clock: Clock,
    @Inject(RELATIONSHIP_TIMER_OPTIONS) options: TimerSchedulerOptions,
    committee: CommitteeMonthlyClock,
  ) {
    super(tx, clock, options, [committee]);
  }
}

/** The relationship with customers (domain.md §7): the owners' committee, notices to residents, relationship plans. */
@Module({
  imports: [ComplaintModule, InquiryModule],
  providers: [
    { provide: RELATIONSHIP_TIMER_OPTIONS, inject: [ServiceConfig], useFactory: timerOptionsFrom },
    CommitteeMonthlyClock,
    RelationshipScheduler,
    Committee,
    CommitteeResolver,
    Notices,
    NoticesResolver,
    RelationshipPlans,
    SurveyAnswerNotices,
  ],
})
export class RelationshipModule {}
