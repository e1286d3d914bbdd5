import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSocialImages } from '../../src/integrations/social-images.ts';
import {
  cardAlt,
  cut,
  eventCard,
  memberCard,
  postCard,
  socialImage,
  type CardContext,
  type SocialCard,
} from '../../src/site/social-image.ts';

const ctx: CardContext = {
  siteName: 'Mikronet',
  tagline: { da: 'Netværket', en: 'The network' },
  trades: new Map(),
  municipalities: new Map([['guldborgsund', { name: 'Guldborgsund', region: 'sjaelland' }]]),
  memberName: (slug) => (slug === 'anne' ? 'Anne Lund' : undefined),
};
const anne = { id: 'anne', data: { name: 'Anne Lund', business: 'Lund Tekst', municipality: 'guldborgsund' } };

describe('what a picture says', () => {
  it('cuts long text at a word, with an ellipsis, and leaves short text alone', () => {
    expect(cut('Kort titel', 20)).toBe('Kort titel');
    const long = cut('Et meget langt navn på et arrangement der aldrig synes at ende', 30);
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long).toMatch(/^Et meget langt navn på et…$/);
    expect(cut('x'.repeat(500), 140)).toHaveLength(140);
  });

  it("shows a member's name, business and municipality, the same in both languages", () => {
    const card = memberCard(anne, ctx);
    expect(card).toMatchObject({
      path: '/social/member/anne.png',
      title: 'Anne Lund',
      lines: ['Lund Tekst', 'Guldborgsund'],
    });
    expect(socialImage({ route: 'member', props: { member: anne } }, 'en', 'Mikronet', ctx).path).toBe(card.path);
  });

  it("dates an event in the page's language, names its place, and says when it is cancelled", () => {
    const event = {
      id: 'traef',
      data: {
        title: 'Træf',
        start: new Date('2026-06-12T16:00:00Z'),
        status: 'cancelled' as const,
        venue: { name: 'Kulturhuset', municipality: 'guldborgsund' },
      },
    };
    const da = eventCard(event, 'da', ctx);
    const en = eventCard(event, 'en', ctx);
    expect(da.path).toBe('/social/event/traef-da.png');
    expect(da.lines).toEqual(['fredag den 12. juni 2026 kl. 18.00', 'Kulturhuset, Guldborgsund']);
    expect(da.kicker).toBe('Arrangement · Aflyst');
    expect(en.lines[0]).toBe('Friday, 12 June 2026 at 18:00');
    expect(en.kicker).toBe('Event · Cancelled');
  });

  it("names a post's authors in the post's own language", () => {
    const post = {
      id: 'p',
      data: { title: 'Priser', date: new Date('2026-01-05'), lang: 'en' as const, authors: ['anne'] },
    };
    expect(postCard(post, ctx).lines).toEqual(['By Anne Lund', '5 January 2026']);
  });

  it('gives an alt text that says what the picture says, and the site picture to pages without one', () => {
    const image = socialImage({ route: 'member', props: { member: anne } }, 'da', 'Mikronet', ctx);
    expect(image).toEqual({
      path: '/social/member/anne.png',
      width: 1200,
      height: 630,
      alt: 'Anne Lund – Lund Tekst – Guldborgsund – Mikronet',
    });
    expect(socialImage({ route: 'members', props: {} }, 'en', 'Mikronet')).toEqual({
      path: '/social/site-en.png',
      width: 1200,
      height: 630,
      alt: 'Mikronet',
    });
    expect(socialImage(undefined, 'da', 'Mikronet').path).toBe('/social/site-da.png');
    expect(cardAlt(memberCard(anne, ctx))).toContain('Anne Lund');
  });
});

describe('drawing and reusing pictures', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'social-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const out = path.join(tmp, 'dist');
  const cache = path.join(tmp, 'cache');
  const members = ['anne', 'bo', 'carl', 'dorte'].map((id) =>
    memberCard({ ...anne, id, data: { ...anne.data, name: id } }, ctx),
  );
  const mtimes = (cards: SocialCard[]) => cards.map((c) => fs.statSync(path.join(out, c.path)).mtimeMs);

  it(
    'draws every picture once, then after one edit draws only that one and keeps the rest',
    { timeout: 60_000 },
    async () => {
      const first = await writeSocialImages(members, out, cache, { threads: 2 });
      expect(first).toMatchObject({ pictures: 4, drawn: 4, copied: 4, removed: 0 });
      const before = mtimes(members);
      const edited = [...members.slice(0, 3), { ...members[3], lines: ['Ny virksomhed', 'Guldborgsund'] }];
      await new Promise((r) => setTimeout(r, 20));
      const second = await writeSocialImages(edited, out, cache, { threads: 2 });
      expect(second).toMatchObject({ pictures: 4, drawn: 1, copied: 1, removed: 0 });
      const after = mtimes(edited);
      expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
      expect(after[3]).toBeGreaterThan(before[3]);
    },
  );

  it('removes the picture of an entry that is gone, from the output and the cache', async () => {
    const third = await writeSocialImages(members.slice(0, 3), out, cache, { threads: 1 });
    expect(third).toMatchObject({ drawn: 0, removed: 1 });
    expect(fs.existsSync(path.join(out, members[3].path))).toBe(false);
    expect(fs.readdirSync(path.join(cache, 'mikronet-social')).filter((f) => f.endsWith('.png'))).toHaveLength(3);
  });

  it('draws the same bytes for the same card, in another cache folder', async () => {
    const other = path.join(tmp, 'other');
    await writeSocialImages(members.slice(0, 1), path.join(other, 'dist'), path.join(other, 'cache'), { threads: 1 });
    expect(fs.readFileSync(path.join(other, 'dist', members[0].path))).toEqual(
      fs.readFileSync(path.join(out, members[0].path)),
    );
  });
});
