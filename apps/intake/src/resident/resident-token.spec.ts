import { caseLinkId, newLinkId, signLink, verifyLink } from './resident-token';

describe('issue 30: a resident link is signed, bound to its id, and a forgery is refused', () => {
  const secret = 'a-secret-of-at-least-16-chars';
  it('verifies its own token and refuses an altered, cut, re-signed or foreign one', () => {
    const id = newLinkId();
    const token = signLink(id, secret);
    expect(verifyLink(token, secret)).toBe(id);
    const other = newLinkId();
    expect(verifyLink(`${other}.${token.split('.')[1]}`, secret)).toBeNull(); // another id under this signature
    expect(verifyLink(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), secret)).toBeNull();
    expect(verifyLink(token.slice(0, 30), secret)).toBeNull();
    expect(verifyLink(signLink(id, 'another-secret-of-16-chars'), secret)).toBeNull();
    expect(verifyLink('', secret)).toBeNull();
    expect(verifyLink(`${token}.x`, secret)).toBeNull();
  });
});

describe('issue 30: one live link per case', () => {
  it('rule: the n-th link of a case has one id whoever makes it, another case or generation another, unguessable without the secret', () => {
    const a = caseLinkId('s'.repeat(32), 'case-1', 0);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(caseLinkId('s'.repeat(32), 'case-1', 0)).toBe(a);
    expect(caseLinkId('s'.repeat(32), 'case-1', 1)).not.toBe(a);
    expect(caseLinkId('s'.repeat(32), 'case-2', 0)).not.toBe(a);
    expect(caseLinkId('t'.repeat(32), 'case-1', 0)).not.toBe(a);
  });
});
