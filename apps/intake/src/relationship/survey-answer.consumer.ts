import { createHash } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DeliveryChannel, Role, SurveyAnswerPublished } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { Site } from '../registry/registry.entities';
import { Notices } from './notices.usecase';
import { NoticeKind, ResidentNotice } from './relationship.entities';

/** The notice id of an answer at a site: the same on a redelivery. */
const noticeIdOf = (answerId: string, siteId: string): string =>
  createHash('sha256').update(`survey-answer:${answerId}:${siteId}`).digest('hex').slice(0, 32);

/**
 * Rule (issue 31, the public answer): the quality department's answer to the annual survey is posted
 * to the residents of every site of the campaign — a notice to the whole site (kind SURVEY_ANSWER) on
 * the residents' pages, sent through notify on the channels chosen — once per site.
 */
@Injectable()
export class SurveyAnswerNotices implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly notices: Notices,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(SurveyAnswerPublished, async (p, envelope, { em, events }) => {
        const publisher = { sub: envelope.actor ?? 'system', org: p.orgId, sites: ['*'], roles: [Role.QUALITY] };
        for (const siteId of p.siteIds) {
          // one after the other: a transaction's statements share its connection
          if (!(await em.count(Site, { id: siteId, orgId: p.orgId }))) continue;
          const id = noticeIdOf(p.answerId, siteId);
          if (await em.count(ResidentNotice, { id })) continue;
          await this.notices.publishIn(
            em,
            events,
            publisher,
            {
              siteId,
              audience: { wholeSite: true },
              kind: NoticeKind.SURVEY_ANSWER,
              title: p.title,
              body: p.body,
              startsAt: new Date(p.publishedAt),
              channels: p.channels as DeliveryChannel[],
            },
            id,
          );
        }
      }),
    ]);
  }
}
