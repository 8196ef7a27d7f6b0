import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { AuthUser, CurrentUser, Roles, scopeOf } from '@pc/platform';
import { decodeCursor, encodeCursor } from '@pc/subgraph';
import { CONTACT_ROLES } from '../contact-log/contact-log.resolver';
import { NoticeConnection, NoticeObject, NoticesArgs, PublishNoticeInput } from './notices.dto';
import { Notices } from './notices.usecase';
import { ResidentNotice } from './relationship.entities';

/** Notices to residents (domain.md §7). */
@Resolver()
export class NoticesResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly noticeDesk: Notices,
  ) {}

  @Mutation(() => NoticeObject, {
    description: "Publishes a notice to a site, areas, buildings or units: on the residents' pages, by SMS and to the site's group robots.",
  })
  async publishNotice(@CurrentUser() user: AuthUser, @Args('input') input: PublishNoticeInput): Promise<NoticeObject> {
    return NoticeObject.from(await this.noticeDesk.publish(user, input));
  }

  @Query(() => NoticeConnection, { description: "A site's notices, newest first." })
  @Roles(...CONTACT_ROLES)
  async notices(@CurrentUser() user: AuthUser, @Args() args: NoticesArgs): Promise<NoticeConnection> {
    const first = args.first ?? 50;
    const where: FilterQuery<ResidentNotice> = {};
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      where.$or = [{ publishedAt: { $lt: new Date(at) } }, { publishedAt: new Date(at), id: { $lt: id } }];
    }
    const rows = await scopeOf(user).rows(
      this.orm.em.fork(),
      ResidentNotice,
      where,
      { orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], limit: first + 1 },
      args.siteId,
    );
    const edges = rows
      .slice(0, first)
      .map((n) => ({ cursor: encodeCursor(n.publishedAt.toISOString(), n.id), node: NoticeObject.from(n) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
