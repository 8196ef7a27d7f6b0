import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { AuthUser, CurrentUser, Roles, scopeOf } from '@pc/platform';
import { INTAKE_ROLES } from '../complaint/complaint.resolver';
import { CONTACT_ROLES } from '../contact-log/contact-log.resolver';
import { RequestServiceInput, ServiceRequestObject } from './service-request.dto';
import { ServiceRequest } from './service-request.entity';
import { RequestService } from './request-service.usecase';

@Resolver(() => ServiceRequestObject)
export class ServiceRequestResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly request: RequestService,
  ) {}

  @Mutation(() => ServiceRequestObject, {
    description: 'A repair or paid service from any channel, passed to the department that does it.',
  })
  @Roles(...INTAKE_ROLES)
  async requestService(@CurrentUser() actor: AuthUser, @Args('input') input: RequestServiceInput): Promise<ServiceRequestObject> {
    return ServiceRequestObject.from(await this.request.execute({ actor, ...input }));
  }

  @Query(() => ServiceRequestObject, { nullable: true, description: 'One repair or paid service of a site the caller may see.' })
  @Roles(...CONTACT_ROLES)
  async serviceRequest(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ServiceRequestObject | null> {
    const r = await scopeOf(user).findOne(this.orm.em.fork(), ServiceRequest, { id });
    return r ? ServiceRequestObject.from(r) : null;
  }
}
