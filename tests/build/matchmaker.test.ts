import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { selectAll, selectOne } from 'css-select';
import { getAttributeValue, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { fileFor } from '../helpers/dist.ts';
import { validateContent, type ValidEntry } from '../../src/lib/content/validate.ts';
import { matchmake, MAX_SUGGESTIONS, type MatchMember } from '../../src/site/matchmaker.ts';
import { municipalityNeighbours } from '../../src/site/geo.ts';
import { memberPath } from '../../src/i18n/urls.ts';
import { LANGS } from '../../src/i18n/locale.ts';

const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');
let members: ValidEntry[];
let listed: Set<string>;
let expected: Map<string, string[]>;

beforeAll(() => {
  const result = validateContent(contentDir);
  members = result.entries.filter((e) => e.collection === 'members');
  listed = new Set(members.filter((m) => m.data.listed === true).map((m) => m.slug));
  const d = (m: ValidEntry) => m.data as Record<string, never>;
  const matchMembers: MatchMember[] = members
    .filter((m) => listed.has(m.slug))
    .map((m) => ({
      slug: m.slug,
      name: d(m).name,
      trades: d(m).trades,
      municipality: d(m).municipality,
      services: d(m).services,
      openTo: d(m).open_to,
      groups: d(m).groups,
      joined: d(m).joined,
    }));
  const municipalities = new Map(result.taxonomies.municipalities.map((m) => [m.id, m]));
  const complements = new Map(result.taxonomies.trades.map((t) => [t.id, t.complements ?? []]));
  const neighbours = municipalityNeighbours(municipalities as never);
  const now = new Date('2026-11-24T12:00:00+01:00');
  expected = new Map(
    [...matchmake(matchMembers, { complements, neighbours, now }).suggestions].map(([slug, list]) => [
      slug,
      list.map((s) => s.slug),
    ]),
  );
});

const cardsOn = (lang: (typeof LANGS)[number], slug: string) => {
  const html = fs.readFileSync(fileFor(TEST_DIST, memberPath(lang, slug)), 'utf8');
  const section = selectOne('section.suggestions', parseDocument(html)) as Element | null;
  return section ? (selectAll('[data-suggestion]', section) as Element[]) : [];
};

describe.each(LANGS)('the matchmaker on every member page (%s)', (lang) => {
  it('suggests at most five listed members, never the member themself, each linked and with a reason', () => {
    for (const slug of listed) {
      const cards = cardsOn(lang, slug);
      expect(cards.length, slug).toBeLessThanOrEqual(MAX_SUGGESTIONS);
      for (const card of cards) {
        const other = getAttributeValue(card, 'data-suggestion')!;
        expect(other, slug).not.toBe(slug);
        expect(listed.has(other), `${slug} suggests ${other}`).toBe(true);
        expect(getAttributeValue(selectOne('h3 a', card) as Element, 'href')).toBe(memberPath(lang, other));
        expect(textContent(selectOne('.suggestion-reason', card) as Element).trim().length, slug).toBeGreaterThan(5);
      }
    }
  });

  it('shows the suggestions the matchmaker gives for the content, in its order', () => {
    for (const slug of listed) {
      const shown = cardsOn(lang, slug).map((c) => getAttributeValue(c, 'data-suggestion'));
      expect(shown, slug).toEqual(expected.get(slug));
    }
    // The sample network is small but connected: nearly everyone gets someone to meet.
    const withSome = [...listed].filter((slug) => (expected.get(slug) ?? []).length > 0);
    expect(withSome.length).toBeGreaterThan(listed.size * 0.8);
  });

  it('names no unlisted member anywhere in a member page', () => {
    const unlisted = members.filter((m) => !listed.has(m.slug));
    expect(unlisted.length).toBeGreaterThan(0);
    for (const slug of listed) {
      const html = fs.readFileSync(fileFor(TEST_DIST, memberPath(lang, slug)), 'utf8');
      for (const u of unlisted) expect(html, `${slug} names ${u.slug}`).not.toContain(String(u.data.name));
    }
  });
});
