import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { previewTemplates, type PreviewProps } from '../../src/cms/previews.ts';
import type { Lang } from '../../src/i18n/locale.ts';
import { useTranslations } from '../../src/i18n/ui.ts';
import { eventFacts, memberFacts, networkFacts, type Fact, type FactsContext } from '../../src/site/facts.ts';
import { langAttrFor } from '../../src/site/page-context.ts';
import type { Taxonomies } from '../../src/schemas/index.ts';

const tax: Taxonomies = {
  trades: [{ id: 'it-data', da: 'IT og data', en: 'IT and data' }],
  municipalities: [{ id: 'lolland', name: 'Lolland', region: 'sjaelland', lat: 54.8, lon: 11.5 }],
};
const now = new Date('2026-11-24T12:00:00+01:00');
const templates = previewTemplates(tax, 'da', () => now);
const ctx = (lang: Lang): FactsContext => ({
  lang,
  t: useTranslations(lang),
  langAttr: langAttrFor(lang),
  data: { municipalities: new Map(tax.municipalities.map((m) => [m.id, m])), now },
});

/** What Decap hands a preview: the form's values (as typed: text, lists) and the names of related entries. */
function props(data: Record<string, unknown>, related: Record<string, string> = {}): PreviewProps {
  return {
    entry: { get: () => ({ toJS: () => data }) },
    widgetFor: () => createElement('p', null, 'Brødtekst'),
    getAsset: (path) => ({ toString: () => path }),
    fieldsMetaData: { getIn: (path) => related[path.join('/')] },
  };
}
const render = (template: (p: PreviewProps) => unknown, p: PreviewProps) => renderToStaticMarkup(template(p) as never);
/** Each fact's label and every text it shows, as they appear in HTML. */
const texts = (f: Fact) => {
  const v = f.value;
  const values =
    v.kind === 'text'
      ? [v.text]
      : v.kind === 'email'
        ? [v.address]
        : v.kind === 'links'
          ? v.items.map((l) => l.text)
          : v.kind === 'times'
            ? v.items.map((x) => x.text)
            : v.items;
  return [`<dt>${f.label}</dt>`, ...values.map((x) => x.replace(/&/g, '&amp;'))];
};

describe('the CMS previews', () => {
  it('show a member with every fact the site shows, from the same list', () => {
    const form = {
      name: 'Birgitte Holm',
      business: 'Holm Bogføring',
      trades: ['it-data'],
      municipality: 'lolland',
      open_to: ['opgaver'],
      languages: ['da', 'de'],
      website: 'https://holm.example',
      email: 'birgitte@holm.example',
      phone: '+45 40 11 22 33',
      cvr: '27193846',
      groups: ['lolland-falster'],
      joined: '2005-09-15',
    };
    const html = render(
      templates.members,
      props(form, {
        'groups/groups/lolland-falster/name': 'Lolland-Falster',
        'groups/groups/lolland-falster/url': 'https://grupper.example/lf',
      }),
    );
    const site = memberFacts(
      { ...form, open_to: ['opgaver'], joined: new Date('2005-09-15T00:00:00Z') },
      [{ text: 'Lolland-Falster', href: 'https://grupper.example/lf' }],
      ctx('da'),
    );
    expect(site.map((f) => f.key)).toEqual([
      'municipality',
      'region',
      'openTo',
      'languages',
      'website',
      'email',
      'phone',
      'cvr',
      'groups',
      'joined',
    ]);
    for (const f of site) for (const text of texts(f)) expect(html, f.key).toContain(text);
    expect(html).toContain('<a href="https://grupper.example/lf">Lolland-Falster</a>');
    expect(html).toContain('<ul class="chips" aria-label="Brancher"><li class="chip">IT og data</li></ul>');
  });

  it('show a network’s facts as the wiki page does', () => {
    const form = {
      name: 'Mikronet',
      kind: 'forening',
      municipalities: ['lolland'],
      nationwide: false,
      audience: 'Freelancere',
      founded: 2005,
      size: 1325,
      free: true,
      last_verified: '2026-01-10',
    };
    const html = render(templates.wiki, props(form));
    const site = networkFacts({ ...form, nationwide: false }, ctx('da'));
    for (const f of site) for (const text of texts(f)) expect(html, f.key).toContain(text);
    expect(html).toContain('ca. 1.325');
    expect(html).toContain('Sidst kontrolleret 10. januar 2026');
  });

  it('show an event’s facts, with the online link and registration only while the event is ahead', () => {
    const form = {
      title: 'Træf',
      description: 'Tre dage',
      lang: 'da',
      start: '2027-03-19T18:00',
      end: '2027-03-19T21:00',
      venue: { name: 'Kulturhuset', address: 'Torvet 5', municipality: 'lolland' },
      online_url: 'https://meet.example/x',
      registration_url: 'https://tilmelding.example/x',
      organizers: ['ulla-mortensen'],
      network: 'mikronet',
    };
    const related = {
      'organizers/members/ulla-mortensen/name': 'Ulla Mortensen',
      'network/wiki/mikronet/name': 'Mikronet',
    };
    const html = render(templates.events, props(form, related));
    const site = eventFacts(
      { ...form, lang: 'da', start: new Date('2027-03-19T17:00:00Z'), end: new Date('2027-03-19T20:00:00Z') },
      {
        organizers: [{ slug: 'ulla-mortensen', name: 'Ulla Mortensen' }],
        network: { slug: 'mikronet', name: 'Mikronet' },
      },
      ctx('da'),
    );
    expect(site.map((f) => f.key)).toEqual(['when', 'where', 'online', 'register', 'organizers', 'network']);
    for (const f of site) for (const text of texts(f)) expect(html, f.key).toContain(text);
    expect(html).toContain('<a class="button" href="https://tilmelding.example/x">Tilmelding</a>');
    const past = render(
      templates.events,
      props({ ...form, start: '2026-03-19T18:00', end: '2026-03-19T21:00' }, related),
    );
    expect(past).not.toContain('Deltag online');
    expect(past).not.toContain('https://tilmelding.example/x');
  });

  it('show a post with its byline, dates, book review and tags', () => {
    const form = {
      title: 'Boganmeldelse',
      description: 'En gammel bog',
      lang: 'da',
      date: '2025-02-10',
      authors: ['ida-kjaer', 'bo-berg'],
      guest_author: { name: 'Gæst' },
      book: { title: 'Den lille bog', author: 'M. Sølvhøj', isbn: '978-87-00-00000-1', rating: 4 },
      tags: ['prissætning'],
    };
    const html = render(templates.blog, props(form, { 'authors/members/ida-kjaer/name': 'Ida Kjær' }));
    expect(html).toContain(
      '<span class="byline">Af <a href="/blog/forfatter/ida-kjaer/">Ida Kjær</a> og <a href="/blog/forfatter/bo-berg/">bo-berg</a> og Gæst (gæsteblogger)</span> · Udgivet <time dateTime="2025-02-10">10. februar 2025</time>',
    );
    expect(html).toContain('· ISBN 978-87-00-00000-1');
    expect(html).toContain('<span role="img" aria-label="Karakter: 4 af 5">★★★★☆</span>');
    expect(html).toContain('<li><a class="chip" href="/blog/emne/prissaetning/">prissætning</a></li>');
  });

  it('show an entry being written, with its fields still empty', () => {
    for (const template of Object.values(templates)) expect(() => render(template as never, props({}))).not.toThrow();
    expect(render(templates.events, props({}))).toContain('<dt>Sted</dt><dd>Online</dd>');
  });
});
