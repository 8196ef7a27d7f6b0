import { Entity, MikroORM, PrimaryKey, Property } from '@mikro-orm/sqlite';
import { Role } from '@pc/contracts';
import { TenantScope } from './tenant-scope';

@Entity({ tableName: 'scoped_note' })
class ScopedNote {
  @PrimaryKey({ type: 'string' }) id: string;
  @Property({ type: 'string' }) orgId: string;
  @Property({ type: 'string' }) siteId: string;
  @Property({ type: 'json' }) tags: string[] = [];
  @Property({ type: 'json' }) history: { at: string; by: string }[] = [];
  @Property({ type: 'boolean' }) urgent: boolean = false;
  @Property({ type: 'datetime' }) at: Date;
}

/** `rows()` on the embedded SQLite store (which hands JSON back as text): the read-only path of the tenant scope. */
describe('the tenant scope reads plain rows (embedded SQLite)', () => {
  let orm: MikroORM;
  const at = new Date('2026-12-01T08:00:00.000Z');

  beforeAll(async () => {
    orm = await MikroORM.init({ dbName: ':memory:', entities: [ScopedNote], allowGlobalContext: true });
    await orm.schema.createSchema();
    const em = orm.em.fork();
    for (const [id, orgId, siteId] of [
      ['n1', 'org-a', 's1'],
      ['n2', 'org-a', 's2'],
      ['n3', 'org-b', 's1'],
    ]) {
      em.create(ScopedNote, {
        id,
        orgId,
        siteId,
        tags: ['lift', id],
        history: [{ at: at.toISOString(), by: 'u' }],
        urgent: id === 'n1',
        at,
      });
    }
    await em.flush();
  });
  afterAll(() => orm.close(true));

  it('only rows of the organisation and granted sites, with JSON parsed, booleans as booleans and dates as Dates', async () => {
    const scope = TenantScope.of({ sub: 'u', org: 'org-a', sites: ['s1'], roles: [Role.FRONT_DESK] });
    const rows = await scope.rows(orm.em.fork(), ScopedNote, {});
    expect(rows).toEqual([
      { id: 'n1', orgId: 'org-a', siteId: 's1', tags: ['lift', 'n1'], history: [{ at: at.toISOString(), by: 'u' }], urgent: true, at },
    ]);
    expect(rows[0]).not.toBeInstanceOf(ScopedNote);
  });

  it('an organisation-wide grant sees every site of its organisation, never another organisation', async () => {
    const scope = TenantScope.of({ sub: 'v', org: 'org-a', sites: ['*'], roles: [Role.ANALYST] });
    const rows = await scope.rows(orm.em.fork(), ScopedNote, {}, { orderBy: [{ id: 'asc' }] });
    expect(rows.map((r) => [r.id, r.urgent, r.tags[1]])).toEqual([
      ['n1', true, 'n1'],
      ['n2', false, 'n2'],
    ]);
  });
});
