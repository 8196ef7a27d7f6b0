import { Args, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, assertSite } from '@pc/platform';
import { Complaint } from './complaint.entity';
import { ComplaintObject } from './complaint.object';
import { FileComplaintInput } from './dto/file-complaint.input';
import { FileComplaint } from './file-complaint.usecase';

/** Who may take a complaint at intake. */
export const INTAKE_ROLES = [Role.FRONT_DESK, Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD] as const;

@Resolver(() => ComplaintObject)
export class ComplaintResolver {
  constructor(
    private readonly fileComplaint: FileComplaint,
    private readonly orm: MikroORM,
  ) {}

  @Mutation(() => ComplaintObject, { name: 'fileComplaint', description: 'Records a complaint from any channel, classifies and routes it.' })
  @Roles(...INTAKE_ROLES)
  async fileComplaintMutation(
    @CurrentUser() user: AuthUser,
    @Args('input') input: FileComplaintInput,
  ): Promise<ComplaintObject> {
    return ComplaintObject.from(await this.fileComplaint.execute(user, input));
  }

  @Query(() => ComplaintObject, { nullable: true, description: 'One complaint of a site the caller may see.' })
  async complaint(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ComplaintObject | null> {
    return this.find(user, id);
  }

  @ResolveReference()
  async resolveReference(ref: { id: string }, ...rest: unknown[]): Promise<ComplaintObject | null> {
    const ctx = rest[0] as { user?: AuthUser } | undefined;
    return ctx?.user ? this.find(ctx.user, ref.id) : null;
  }

  private async find(user: AuthUser, id: string): Promise<ComplaintObject | null> {
    const complaint = await this.orm.em.fork().findOne(Complaint, { id, orgId: user.org });
    if (!complaint) return null;
    assertSite(user, complaint.siteId);
    return ComplaintObject.from(complaint);
  }
}
