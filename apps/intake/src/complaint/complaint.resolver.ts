import { Args, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, scopeOf, type RequestContext } from '@pc/platform';
import { loadById } from '@pc/subgraph';
import { Complaint } from './complaint.entity';
import { ComplaintObject } from './complaint.object';
import { ComplaintsArgs } from './dto/complaints.args';
import { FileComplaintInput } from './dto/file-complaint.input';
import { RecordInvalidReplyInput } from './dto/record-invalid-reply.input';
import { FileComplaint } from './file-complaint.usecase';
import { ImportComplaintsInput, ImportResultObject, MAX_IMPORT_ROWS } from './import/import-complaints.dto';
import { ImportComplaints } from './import/import-complaints.usecase';
import { RecordInvalidReply } from './record-invalid-reply.usecase';

/** Who may take a complaint at intake. */
export const INTAKE_ROLES = [Role.FRONT_DESK, Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD] as const;

@Resolver(() => ComplaintObject)
export class ComplaintResolver {
  constructor(
    private readonly fileComplaint: FileComplaint,
    private readonly recordInvalidReply: RecordInvalidReply,
    private readonly importComplaintsUseCase: ImportComplaints,
    private readonly orm: MikroORM,
  ) {}

  @Mutation(() => ComplaintObject, {
    name: 'fileComplaint',
    description: 'Records a complaint from any channel, judges, classifies and routes it.',
  })
  @Roles(...INTAKE_ROLES)
  async fileComplaintMutation(@CurrentUser() user: AuthUser, @Args('input') input: FileComplaintInput): Promise<ComplaintObject> {
    return ComplaintObject.from(await this.fileComplaint.execute({ actor: user, ...input }));
  }

  @Mutation(() => ImportResultObject, {
    description: `Imports up to ${MAX_IMPORT_ROWS} historic or paper records through every intake rule; idempotent by source and record id.`,
  })
  @Roles(...INTAKE_ROLES, Role.QUALITY)
  importComplaints(@CurrentUser() user: AuthUser, @Args('input') input: ImportComplaintsInput): Promise<ImportResultObject> {
    return this.importComplaintsUseCase.execute(user, input);
  }

  @Mutation(() => ComplaintObject, {
    name: 'recordInvalidReply',
    description: 'Records the reasoned reply to an invalid complaint (due within 1 working day) and closes it.',
  })
  @Roles(...INTAKE_ROLES, Role.QUALITY)
  async recordInvalidReplyMutation(@CurrentUser() user: AuthUser, @Args('input') input: RecordInvalidReplyInput): Promise<ComplaintObject> {
    return ComplaintObject.from(await this.recordInvalidReply.execute({ actor: user, ...input }));
  }

  @Query(() => ComplaintObject, { nullable: true, description: 'One complaint of a site the caller may see.' })
  async complaint(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ComplaintObject | null> {
    return this.find(user, id);
  }

  @Query(() => [ComplaintObject], {
    description: "Complaints of the caller's sites, newest first: a customer's history, a unit's, a site's.",
  })
  async complaints(@CurrentUser() user: AuthUser, @Args() args: ComplaintsArgs): Promise<ComplaintObject[]> {
    const where: FilterQuery<Complaint> = {};
    if (args.customerId) where.customerId = args.customerId;
    if (args.unitId) where.unitId = args.unitId;
    if (args.status) where.status = args.status;
    const rows = await scopeOf(user).rows(
      this.orm.em.fork(),
      Complaint,
      where,
      { orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }], limit: args.first ?? 50 },
      args.siteId,
    );
    return rows.map(ComplaintObject.from);
  }

  /** Stubs from the gateway (`_entities`): all of one request's ids in one scoped query. */
  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: RequestContext): Promise<ComplaintObject | null> {
    const user = ctx.user;
    if (!user) return null;
    return loadById(ctx, 'complaint', async (ids) =>
      (await scopeOf(user).rows(this.orm.em.fork(), Complaint, { id: { $in: ids } })).map(ComplaintObject.from),
    )(ref.id);
  }

  private async find(user: AuthUser, id: string): Promise<ComplaintObject | null> {
    // read-only rows, not entities: no hydration, no unit of work
    const [complaint] = await scopeOf(user).rows(this.orm.em.fork(), Complaint, { id });
    return complaint ? ComplaintObject.from(complaint) : null;
  }
}
