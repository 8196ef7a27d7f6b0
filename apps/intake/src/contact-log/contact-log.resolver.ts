import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, scopeOf } from '@pc/platform';
import { decodeCursor, encodeCursor } from '@pc/subgraph';
import { ContactLogArgs, ContactLogConnection, ContactLogEntryObject, RecordContactInput } from './contact-log.dto';
import { ContactLogEntry } from './contact-log.entity';
import { RecordContact } from './record-contact.usecase';

/** Everyone who talks to customers keeps the log; analysts do not read it (it holds what customers said). */
export const CONTACT_ROLES = [
  Role.FRONT_DESK,
  Role.COMPLAINT_REP,
  Role.AREA_MANAGER,
  Role.DEPARTMENT_STAFF,
  Role.DEPARTMENT_HEAD,
  Role.SITE_HEAD,
  Role.QUALITY,
  Role.LEADERSHIP,
] as const;

@Resolver(() => ContactLogEntryObject)
export class ContactLogResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly record: RecordContact,
  ) {}

  @Mutation(() => ContactLogEntryObject, {
    description: 'A contact with a customer, entered in the contact log of the caller’s department.',
  })
  @Roles(...CONTACT_ROLES)
  async recordContact(@CurrentUser() actor: AuthUser, @Args('input') input: RecordContactInput): Promise<ContactLogEntryObject> {
    return ContactLogEntryObject.from(await this.record.execute({ actor, ...input }));
  }

  @Query(() => ContactLogConnection, {
    description: "The contact log of the caller's sites, newest first: per customer, case, site or department, in a time window.",
  })
  @Roles(...CONTACT_ROLES)
  async contactLog(@CurrentUser() user: AuthUser, @Args() args: ContactLogArgs): Promise<ContactLogConnection> {
    const where: FilterQuery<ContactLogEntry>[] = [];
    if (args.customerId) where.push({ customerId: args.customerId });
    if (args.caseId) where.push({ caseId: args.caseId });
    if (args.department) where.push({ department: args.department });
    if (args.from) where.push({ at: { $gte: args.from } });
    if (args.to) where.push({ at: { $lt: args.to } });
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      const t = new Date(at);
      where.push({ $or: [{ at: { $lt: t } }, { at: t, id: { $lt: id } }] });
    }
    const first = args.first ?? 50;
    const rows = await scopeOf(user).find(
      this.orm.em.fork(),
      ContactLogEntry,
      { $and: where },
      { orderBy: [{ at: 'desc' }, { id: 'desc' }], limit: first + 1 },
      args.siteId,
    );
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      edges: page.map((e) => ({ node: ContactLogEntryObject.from(e), cursor: encodeCursor(e.at.toISOString(), e.id) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.at.toISOString(), last.id) : null },
    };
  }
}
