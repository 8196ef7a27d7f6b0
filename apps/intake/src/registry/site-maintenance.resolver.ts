import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { AuthUser, CurrentUser } from '@pc/platform';
import { SaveAreaInput, SaveSiteInput, SaveUnitInput } from './dto/registry.inputs';
import { Area } from './registry.entities';
import { SaveArea } from './save-area.usecase';
import { SaveSite } from './save-site.usecase';
import { SaveUnit } from './save-unit.usecase';
import { AreaObject, SiteObject, UnitObject } from './site.object';
import { toArea, toSite, toUnit } from './site.resolver';

/** Sites, their areas and units: the places of a multi-site group. */
@Resolver(() => SiteObject)
export class SiteMaintenanceResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly site: SaveSite,
    private readonly area: SaveArea,
    private readonly unit: SaveUnit,
  ) {}

  @Mutation(() => SiteObject, { description: 'Creates or updates a site and its working calendar (ADMIN).' })
  async saveSite(@CurrentUser() actor: AuthUser, @Args('input') input: SaveSiteInput): Promise<SiteObject> {
    const site = await this.site.execute({ actor, ...input });
    return toSite(site, await this.orm.em.fork().find(Area, { siteId: site.id }, { orderBy: { id: 'asc' } }));
  }

  @Mutation(() => AreaObject, { description: 'Creates or updates an area and its area manager (ADMIN, SITE_HEAD).' })
  async saveArea(@CurrentUser() actor: AuthUser, @Args('input') input: SaveAreaInput): Promise<AreaObject> {
    return toArea(await this.area.execute({ actor, ...input }));
  }

  @Mutation(() => UnitObject, { description: 'Creates or updates a unit (ADMIN, SITE_HEAD).' })
  async saveUnit(@CurrentUser() actor: AuthUser, @Args('input') input: SaveUnitInput): Promise<UnitObject> {
    return toUnit(await this.unit.execute({ actor, ...input }));
  }
}
