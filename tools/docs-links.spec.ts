import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Issue 28, "a docs check in CI fails on a broken relative link": every relative link and image of
 * the README and of docs/ points at a file of the repository, and every `#anchor` into a Markdown
 * file at one of its headings (GitHub's slugs).
 */
const ROOT = join(__dirname, '..');
const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'deploy/CONFIGURATION.md',
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
export const slugOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const headingsOf = (file: string): Set<string> =>
  new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => slugOf(l.replace(/^#+ /, ''))),
  );

/** Relative links outside code spans and fences. */
function linksOf(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((href) => !/^(https?:|mailto:)/.test(href));
}

describe('docs: relative links (issue 28)', () => {
  it('slugs headings as GitHub does', () => {
    expect(slugOf('Notify (who is told; domain.md §6)')).toBe('notify-who-is-told-domainmd-6');
    expect(slugOf('Deploy (`deploy/`)')).toBe('deploy-deploy');
  });

  it.each(pages)('%s: every relative link reaches a file (and its heading)', (page) => {
    const file = join(ROOT, page);
    const broken = linksOf(readFileSync(file, 'utf8')).filter((href) => {
      const [path, anchor] = href.split('#');
      const target = path ? resolve(dirname(file), decodeURI(path)) : file;
      if (!existsSync(target)) return true;
      return Boolean(anchor) && target.endsWith('.md') && !headingsOf(target).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});
