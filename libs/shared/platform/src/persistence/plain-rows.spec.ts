import { Entity, MikroORM, PrimaryKey, Property, type FilterQuery } from '@mikro-orm/sqlite';
import { plainRows, plainSelect } from './plain-rows';

@Entity({ tableName: 'plain_note' })
class PlainNote {
  @PrimaryKey({ type: 'string' }) id: string;
  @Property({ type: 'string' }) siteId: string;
  @Property({ type: 'boolean' }) urgent: boolean = false;
  @Property({ type: 'datetime' }) at: Date;
  @Property({ type: 'string', nullable: true }) note?: string | null;
  @Property({ type: 'integer' }) round: number = 1;
  @Property({ type: 'json' }) tags: string[] = [];
}

const t = (h: number) => new Date(Date.UTC(2026, 11, 1, h));

/**
 * The read path without MikroORM's query builder: the SQL written from a filter must select exactly
 * what the query builder selects (same rows, same order, same values), on the embedded SQLite store.
 */
describe('plain rows: filters as SQL, the same rows as the query builder', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init({ dbName: ':memory:', entities: [PlainNote], allowGlobalContext: true });
    await orm.schema.createSchema();
    const em = orm.em.fork();
    const rows: [string, string, boolean, Date, string | null, number][] = [
      ['n1', 's1', true, t(8), null, 1],
      ['n2', 's1', false, t(9), 'called', 2],
      ['n3', 's2', false, t(9), "o'brien said \\ no", 1],
      ['n4', 's2', true, t(10), null, 3],
      ["o'brien", 's3', false, t(7), 'x', 1],
    ];
    for (const [id, siteId, urgent, at, note, round] of rows) {
      em.create(PlainNote, { id, siteId, urgent, at, note, round, tags: [id, 'lift'] });
    }
    await em.flush();
  });
  afterAll(() => orm.close(true));

  const viaQueryBuilder = (where: FilterQuery<PlainNote>, orderBy = [{ id: 'asc' as const }], limit?: number) => {
    const qb = orm.em.fork().createQueryBuilder(PlainNote).select('*').where(where).orderBy(orderBy);
    if (limit) qb.limit(limit);
    return qb.execute<PlainNote[]>('all', true);
  };
  const meta = () => orm.getMetadata().get<PlainNote>(PlainNote.name);

  const filters: [string, FilterQuery<PlainNote>][] = [
    ['nothing', {}],
    ['equality', { siteId: 's1' }],
    ['a quote and a backslash in a value', { id: "o'brien" }],
    ['$in', { id: { $in: ['n1', 'n3', "o'brien"] } }],
    ['$nin and $ne', { id: { $nin: ['n1'] }, siteId: { $ne: 's3' } }],
    ['a boolean', { urgent: true }],
    ['false', { urgent: false }],
    ['dates compared', { at: { $gt: t(8), $lte: t(10) } }],
    ['null', { note: null }],
    ['$ne null', { note: { $ne: null } }],
    ['a number', { round: { $gte: 2 } }],
    ['the tenant scope shape', { $and: [{ siteId: { $in: ['s1', 's2'] } }, {}] }],
    ['the queue cursor shape', { $and: [{ urgent: false }, { $or: [{ at: { $gt: t(8) } }, { at: t(8), id: { $gt: 'n1' } }] }] }],
  ];

  it.each(filters)('%s: written as SQL, selecting what the query builder selects', async (_name, where) => {
    expect(plainSelect(meta(), orm.em.getPlatform(), where)).toBeDefined();
    const plain = await plainRows(orm.em.fork(), PlainNote, where, { orderBy: [{ id: 'asc' }] });
    const qb = await viaQueryBuilder(where);
    expect(plain.map((r) => ({ ...r, tags: undefined }))).toEqual(qb.map((r) => ({ ...r, tags: undefined })));
    expect(plain.length).toBeGreaterThan(0);
  });

  it('orders and limits as asked, with dates as Dates, booleans as booleans and JSON parsed', async () => {
    const rows = await plainRows(orm.em.fork(), PlainNote, {}, { orderBy: [{ at: 'desc' }, { id: 'asc' }], limit: 3 });
    expect(rows.map((r) => r.id)).toEqual(['n4', 'n2', 'n3']);
    expect(rows[0]).toEqual({ id: 'n4', siteId: 's2', urgent: true, at: t(10), note: null, round: 3, tags: ['n4', 'lift'] });
    expect(rows[0]).not.toBeInstanceOf(PlainNote);
  });

  it('leaves what it does not write (JSON, other operators, empty lists) to the query builder, with the same answer', async () => {
    for (const where of [{ id: { $like: 'n%' } }, { id: { $in: [] } }, { $or: [] }] as FilterQuery<PlainNote>[]) {
      expect(plainSelect(meta(), orm.em.getPlatform(), where)).toBeUndefined();
      expect(await plainRows(orm.em.fork(), PlainNote, where, { orderBy: [{ id: 'asc' }] })).toEqual(
        (await viaQueryBuilder(where)).map((r) => ({ ...r, tags: JSON.parse(r.tags as unknown as string) as string[] })),
      );
    }
    expect(plainSelect(meta(), orm.em.getPlatform(), { tags: ['x'] })).toBeUndefined();
  });
});
