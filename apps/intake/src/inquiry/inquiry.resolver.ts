import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, scopeOf } from '@pc/platform';
import { decodeCursor, encodeCursor } from '@pc/subgraph';
import { INTAKE_ROLES } from '../complaint/complaint.resolver';
import { CONTACT_ROLES } from '../contact-log/contact-log.resolver';
import { AnswerInquiryInput, InquiriesArgs, InquiryConnection, InquiryObject, RecordInquiryInput } from './inquiry.dto';
import { Inquiry } from './inquiry.entity';
import { InquiryDesk } from './inquiry.usecases';

@Resolver(() => InquiryObject)
export class InquiryResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly desk: InquiryDesk,
  ) {}

  @Mutation(() => InquiryObject, {
    description: 'An inquiry or suggestion from any channel: answered on the spot, passed to a department, or left open.',
  })
  @Roles(...INTAKE_ROLES)
  async recordInquiry(@CurrentUser() actor: AuthUser, @Args('input') input: RecordInquiryInput): Promise<InquiryObject> {
    return InquiryObject.from(await this.desk.record({ actor, ...input }));
  }

  @Mutation(() => InquiryObject, {
    description: 'The answer to an inquiry or suggestion (the front desk, or the department it was passed to).',
  })
  @Roles(...INTAKE_ROLES, Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD)
  async answerInquiry(@CurrentUser() actor: AuthUser, @Args('input') input: AnswerInquiryInput): Promise<InquiryObject> {
    return InquiryObject.from(await this.desk.answer({ actor, ...input }));
  }

  @Query(() => InquiryConnection, {
    description: "Inquiries and suggestions of the caller's sites, oldest first (the open ones are the worklist).",
  })
  @Roles(...CONTACT_ROLES)
  async inquiries(@CurrentUser() user: AuthUser, @Args() args: InquiriesArgs): Promise<InquiryConnection> {
    const where: FilterQuery<Inquiry>[] = [];
    if (args.status) where.push({ status: args.status });
    if (args.kind) where.push({ kind: args.kind });
    if (args.routedTo) where.push({ routedTo: args.routedTo });
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      const t = new Date(at);
      where.push({ $or: [{ receivedAt: { $gt: t } }, { receivedAt: t, id: { $gt: id } }] });
    }
    const first = args.first ?? 50;
    const rows = await scopeOf(user).find(
      this.orm.em.fork(),
      Inquiry,
      { $and: where },
      { orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], limit: first + 1 },
      args.siteId,
    );
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      edges: page.map((i) => ({ node: InquiryObject.from(i), cursor: encodeCursor(i.receivedAt.toISOString(), i.id) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.receivedAt.toISOString(), last.id) : null },
    };
  }
}
