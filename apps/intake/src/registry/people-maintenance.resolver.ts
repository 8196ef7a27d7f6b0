import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { AuthUser, CurrentUser } from '@pc/platform';
import { SaveCustomerInput, SaveStaffUserInput, SetRoutingInput } from './dto/registry.inputs';
import { SaveCustomer } from './save-customer.usecase';
import { SaveStaffUser } from './save-staff-user.usecase';
import { SetRouting } from './set-routing.usecase';
import { CustomerObject, RoutingRuleObject, StaffUserObject } from './site.object';
import { routingTable, toCustomer, toStaff } from './site.resolver';

/** Customers, staff and the routing table: who complains, who handles, and where it goes. */
@Resolver(() => CustomerObject)
export class PeopleMaintenanceResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly customer: SaveCustomer,
    private readonly staff: SaveStaffUser,
    private readonly routing: SetRouting,
  ) {}

  @Mutation(() => CustomerObject, { description: 'Creates or updates a customer (intake roles).' })
  async saveCustomer(@CurrentUser() actor: AuthUser, @Args('input') input: SaveCustomerInput): Promise<CustomerObject> {
    return toCustomer(await this.customer.execute({ actor, ...input }));
  }

  @Mutation(() => StaffUserObject, { description: 'Creates or updates a staff user (ADMIN).' })
  async saveStaffUser(@CurrentUser() actor: AuthUser, @Args('input') input: SaveStaffUserInput): Promise<StaffUserObject> {
    return toStaff(await this.staff.execute({ actor, ...input }));
  }

  @Mutation(() => [RoutingRuleObject], { description: "Sets the organisation's routing of one category (ADMIN); answers the whole table." })
  async setRouting(@CurrentUser() actor: AuthUser, @Args('input') input: SetRoutingInput): Promise<RoutingRuleObject[]> {
    await this.routing.execute({ actor, ...input });
    return routingTable(this.orm.em.fork(), actor.org);
  }
}
