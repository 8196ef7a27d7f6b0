import { Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { AuthUser, CurrentUser, canSeeSite, siteScope } from '@pc/platform';
import { Area, Site } from './registry.entities';
import { SiteObject } from './site.object';

@Resolver(() => SiteObject)
export class SiteResolver {
  constructor(private readonly orm: MikroORM) {}

  @Query(() => [SiteObject], { description: 'The sites the caller may see, with their areas.' })
  async sites(@CurrentUser() user: AuthUser): Promise<SiteObject[]> {
    const scope = siteScope(user);
    const em = this.orm.em.fork();
    const sites = await em.find(
      Site,
      scope ? { orgId: user.org, id: { $in: scope } } : { orgId: user.org },
      { orderBy: { id: 'asc' } },
    );
    const areas = await em.find(Area, { siteId: { $in: sites.map((s) => s.id) } }, { orderBy: { id: 'asc' } });
    return sites.map((s) => ({
      id: s.id,
      name: s.name,
      timeZone: s.timeZone,
      areas: areas.filter((a) => a.siteId === s.id).map((a) => ({ id: a.id, name: a.name, areaManagerId: a.areaManagerId })),
    }));
  }

  @ResolveReference()
  async resolveReference(ref: { id: string }, ...rest: unknown[]): Promise<SiteObject | null> {
    const user = (rest[0] as { user?: AuthUser } | undefined)?.user;
    if (!user || !canSeeSite(user, ref.id)) return null;
    return (await this.sites(user)).find((s) => s.id === ref.id) ?? null;
  }
}
