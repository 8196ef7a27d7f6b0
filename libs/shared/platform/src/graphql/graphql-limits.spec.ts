import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { costKey, listSizeEstimator } from './graphql-limits';

const schema = buildSchema(`
  scalar _Any
  type Note { text: String! }
  type Complaint { id: ID! notes(first: Int): [Note!]! }
  input FileInput { description: String! customerId: ID! }
  type Query { complaints(first: Int): [Complaint!]! _entities(representations: [_Any!]!): [Complaint]! }
  type Mutation { fileComplaint(input: FileInput!): Complaint! }
`);

/** The cost memo's key holds exactly what the cost depends on: equal keys, equal costs; nothing else. */
describe('the remembered cost of an operation (costKey)', () => {
  const cost = (query: string, variables: Record<string, unknown>) =>
    getComplexity({ schema, query: parse(query), variables, estimators: [listSizeEstimator] });
  const key = (query: string, variables: Record<string, unknown>) => costKey('hash', undefined, parseOnce(query), variables);
  const docs = new Map<string, ReturnType<typeof parse>>();
  const parseOnce = (q: string) => docs.get(q) ?? docs.set(q, parse(q)).get(q)!;

  const FILE = 'mutation($i: FileInput!) { fileComplaint(input: $i) { id } }';
  const LIST = 'query($n: Int, $m: Int) { complaints(first: $n) { ...F } } fragment F on Complaint { id notes(first: $m) { text } }';
  const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { id } }';
  const SKIP = 'query($n: Int, $full: Boolean!) { complaints(first: $n) { id notes @include(if: $full) { text } } }';

  it("a mutation's input is not in it: filings with other personal data share one key (and one cost)", () => {
    const a = { i: { description: 'lift stops', customerId: 'c1' } };
    const b = { i: { description: 'water leaks', customerId: 'c2' } };
    expect(key(FILE, a)).toBe(key(FILE, b));
    expect(key(FILE, a)).not.toContain('lift');
    expect(cost(FILE, a)).toBe(cost(FILE, b));
  });

  it('list sizes are in it, also inside fragments: another first, another key and cost', () => {
    expect(key(LIST, { n: 5, m: 1 })).not.toBe(key(LIST, { n: 500, m: 1 }));
    expect(key(LIST, { n: 5, m: 1 })).not.toBe(key(LIST, { n: 5, m: 50 }));
    expect(cost(LIST, { n: 5, m: 1 })).toBeLessThan(cost(LIST, { n: 500, m: 1 }));
    expect(cost(LIST, { n: 5, m: 1 })).toBeLessThan(cost(LIST, { n: 5, m: 50 }));
    expect(key(LIST, { n: 5, m: 1 })).toBe(key(LIST, { m: 1, n: 5 }));
  });

  it('_entities by the number of representations, not their content', () => {
    const two = (x: string) => ({
      r: [
        { __typename: 'Complaint', id: `${x}1` },
        { __typename: 'Complaint', id: `${x}2` },
      ],
    });
    expect(key(ENTITIES, two('a'))).toBe(key(ENTITIES, two('b')));
    expect(cost(ENTITIES, two('a'))).toBe(cost(ENTITIES, two('b')));
    const three = { r: [...two('a').r, { __typename: 'Complaint', id: 'a3' }] };
    expect(key(ENTITIES, three)).not.toBe(key(ENTITIES, two('a')));
    expect(cost(ENTITIES, three)).toBeGreaterThan(cost(ENTITIES, two('a')));
  });

  it('@skip/@include conditions are in it', () => {
    expect(key(SKIP, { n: 5, full: true })).not.toBe(key(SKIP, { n: 5, full: false }));
    expect(cost(SKIP, { n: 5, full: true })).toBeGreaterThan(cost(SKIP, { n: 5, full: false }));
  });
});
