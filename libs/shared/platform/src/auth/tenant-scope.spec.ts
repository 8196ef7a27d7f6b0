import { Role } from '@pc/contracts';
import { inFuture, notInFuture } from '../errors/errors';
import { TenantScope } from './tenant-scope';

/** Pure logic: the one tenant scope and the time windows every write applies. Mocked: nothing. */
const siteUser = { sub: 'u', org: 'org-a', sites: ['s1'], roles: [Role.FRONT_DESK] };
const orgUser = { sub: 'v', org: 'org-a', sites: ['*'], roles: [Role.ANALYST] };

describe('the one tenant scope (organisation and granted sites)', () => {
  it('reads only rows of the caller organisation and granted sites', () => {
    expect(TenantScope.of(siteUser).where({ id: 'x' })).toEqual({ $and: [{ orgId: 'org-a', siteId: { $in: ['s1'] } }, { id: 'x' }] });
    expect(TenantScope.of(orgUser).where({ id: 'x' })).toEqual({ $and: [{ orgId: 'org-a' }, { id: 'x' }] });
  });

  it('covers a row only of the same organisation and a granted site', () => {
    const scope = TenantScope.of(siteUser);
    expect(scope.covers({ orgId: 'org-a', siteId: 's1' })).toBe(true);
    expect(scope.covers({ orgId: 'org-a', siteId: 's2' })).toBe(false);
    expect(scope.covers({ orgId: 'org-b', siteId: 's1' })).toBe(false);
    // a federation stub without orgId (an `_entities` representation) is never covered
    expect(scope.covers({ siteId: 's1' })).toBe(false);
    expect(TenantScope.of(orgUser).covers({ orgId: 'org-b', siteId: 's1' })).toBe(false);
  });

  it('answers FORBIDDEN for a requested or written site not granted, and NOT_FOUND for a parent out of scope', () => {
    const scope = TenantScope.of(siteUser);
    expect(() => scope.siteIds('s2')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => scope.assertSite('s2')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => scope.visible({ orgId: 'org-a', siteId: 's2' }, 'work order', 'w')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => scope.assertOrgWide('change the routing')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => TenantScope.of(orgUser).assertOrgWide('change the routing')).not.toThrow();
  });
});

describe('every stated time lies in a sensible window', () => {
  const now = new Date('2026-11-29T00:00:00Z');
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

  it('refuses a due time in the past, or more than a year ahead (a clock switched off)', () => {
    expect(inFuture('dueAt', days(30), now)).toEqual(days(30));
    expect(() => inFuture('dueAt', days(-1), now)).toThrow(expect.objectContaining({ field: 'dueAt' }));
    expect(() => inFuture('newDueAt', new Date('9999-12-31T00:00:00Z'), now)).toThrow(expect.objectContaining({ field: 'newDueAt' }));
    expect(() => inFuture('newDueAt', days(91), now, 90 * 86_400_000)).toThrow(expect.objectContaining({ field: 'newDueAt' }));
  });

  it('refuses a time that happened in the future, or before the two years records are kept', () => {
    expect(notInFuture('at', days(-700), now)).toEqual(days(-700));
    expect(() => notInFuture('at', days(1), now)).toThrow(expect.objectContaining({ field: 'at' }));
    expect(() => notInFuture('at', days(-800), now)).toThrow(expect.objectContaining({ field: 'at' }));
  });
});
