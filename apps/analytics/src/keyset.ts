import type { Knex } from '@mikro-orm/knex';

/**
 * Rows after a cursor's keyset (`first`, `second`) in the order `first, second` (ascending) or
 * `first desc, second desc`: the WHERE of every analytics cursor connection.
 */
export function afterKeyset(q: Knex.QueryBuilder, columns: [string, string], keyset: [string, string], descending = false): void {
  const op = descending ? '<' : '>';
  q.where((w) => {
    w.where(columns[0], op, keyset[0]).orWhere((x) => {
      x.where(columns[0], keyset[0]).where(columns[1], op, keyset[1]);
    });
  });
}

/** `exists (select 1 from <table> where <correlation> and <column> = value)`. */
export function whereExistsIn(q: Knex.QueryBuilder, db: Knex, table: string, correlation: string, column: string, value: string): void {
  q.whereExists((s) => {
    s.select(db.raw('1')).from(table).whereRaw(correlation).where(column, value);
  });
}
