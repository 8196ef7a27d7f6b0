import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SurveyOpened } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Directory } from '@pc/subgraph';
import { Clock, invalidInput } from '@pc/platform';
import { Survey, SurveyStatus, itemsOf } from './survey.entity';
import type { CreateSurveyCommand } from './commands/survey.commands';
import { PERIOD } from './survey-rules';

/** A periodic satisfaction survey (客户意见调查): monthly visits, quarterly questionnaires, the annual survey. */
@Injectable()
export class CreateSurvey {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly directory: Directory,
  ) {}

  execute(c: CreateSurveyCommand): Promise<Survey> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em, events) => {
      await this.directory.site(em, user, input.siteId);
      if (!PERIOD[input.kind].test(input.period)) {
        throw invalidInput(
          'period',
          `a ${input.kind} period looks like ${{ MONTHLY_VISIT: '2026-11', QUARTERLY_QUESTIONNAIRE: '2026-Q4', ANNUAL_SURVEY: '2026' }[input.kind]}`,
        );
      }
      const s = em.create(Survey, {
        id: randomUUID(),
        orgId: user.org,
        siteId: input.siteId,
        kind: input.kind,
        period: input.period,
        questions: input.questions.map((q) => q.trim()),
        status: SurveyStatus.OPEN,
        createdBy: user.sub,
        createdAt: this.clock.now(),
      });
      em.persist(s);
      events.publish(SurveyOpened, {
        orgId: s.orgId,
        siteId: s.siteId,
        surveyId: s.id,
        kind: s.kind,
        period: s.period,
        questions: itemsOf(s),
        openedAt: s.createdAt.toISOString(),
      });
      return s;
    });
  }
}
