import { ACCEPTED_TYPES, newKeys, parseKey } from './attachment-keys';
import { contentTypeOfKey } from './attachment-store';

describe('attachment keys (issue 29)', () => {
  it('rule "stored under a random key of the organisation and site": a new key per file, its thumbnail beside it', () => {
    const a = newKeys('demo-org', 'demo-site-1', 'image/jpeg')!;
    const b = newKeys('demo-org', 'demo-site-1', 'image/jpeg')!;
    expect(a.key).toMatch(/^demo-org\/demo-site-1\/[0-9a-f-]{36}\.jpg$/);
    expect(a.thumbnailKey).toBe(a.key.replace(/\.jpg$/, '.thumb.webp'));
    expect(a.key).not.toBe(b.key);
    expect(parseKey(a.key)).toEqual({ orgId: 'demo-org', siteId: 'demo-site-1', id: expect.any(String), thumbnail: false });
    expect(parseKey(a.thumbnailKey)).toMatchObject({ thumbnail: true });
  });

  it('issues keys only for the accepted types and for ids that can name a path', () => {
    expect(Object.values(ACCEPTED_TYPES)).toEqual(['jpg', 'png', 'webp', 'heic', 'heif', 'pdf']);
    expect(newKeys('demo-org', 'demo-site-1', 'application/x-elf')).toBeUndefined();
    expect(newKeys('demo-org', '../etc', 'image/png')).toBeUndefined();
    expect(newKeys('a/b', 'demo-site-1', 'image/png')).toBeUndefined();
  });

  it('reads nothing but its own keys: no URLs, no paths out of the store', () => {
    for (const bad of [
      'https://evil.example/x.jpg',
      's3://bucket/x.jpg',
      'demo-org/../x/00000000-0000-4000-8000-000000000000.jpg',
      'demo-org/demo-site-1/not-a-uuid.jpg',
      'demo-org/demo-site-1/00000000-0000-4000-8000-000000000000.jpg/..',
      '/demo-org/demo-site-1/00000000-0000-4000-8000-000000000000.jpg',
    ]) {
      expect({ bad, parsed: parseKey(bad) }).toEqual({ bad, parsed: undefined });
    }
  });

  it('serves a key with the type its extension stands for', () => {
    expect(contentTypeOfKey('o/s/00000000-0000-4000-8000-000000000000.pdf')).toBe('application/pdf');
    expect(contentTypeOfKey('o/s/00000000-0000-4000-8000-000000000000.thumb.webp')).toBe('image/webp');
  });
});
