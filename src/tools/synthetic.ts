import { slugify } from '../lib/slug.ts';
import type { Taxonomies } from '../schemas/index.ts';
import { bi } from '../schemas/meta.ts';

/** Deterministic pseudo-random numbers (mulberry32), so benchmark content is the same every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Anne',
  'Bo',
  'Camilla',
  'Dorte',
  'Erik',
  'Frederikke',
  'Gustav',
  'Hanne',
  'Ib',
  'Jonas',
  'Karen',
  'Lars',
  'Mette',
  'Niels',
  'Ole',
  'Pia',
  'Rasmus',
  'Sofie',
  'Søren',
  'Tove',
  'Ulla',
  'Vibeke',
  'Åse',
  'Ødis',
];
const LAST = [
  'Andersen',
  'Bæk',
  'Christensen',
  'Dahl',
  'Eriksen',
  'Fisker',
  'Holm',
  'Jensen',
  'Kjær',
  'Lund',
  'Møller',
  'Nørgaard',
  'Olsen',
  'Poulsen',
  'Ravn',
  'Skov',
  'Thomsen',
  'Vestergaard',
  'Østergaard',
  'Ågård',
];
const WORDS = [
  'rådgivning',
  'formidling',
  'design',
  'undervisning',
  'oversættelse',
  'regnskab',
  'webudvikling',
  'fotografi',
  'projektledelse',
  'coaching',
  'tekstforfatning',
  'analyse',
  'kommunikation',
  'workshops',
  'foredrag',
];
const SENTENCES = [
  'Jeg arbejder som selvstændig og samarbejder gerne med kon-kolleger om større opgaver.',
  'Mine kunder er små og mellemstore virksomheder, kommuner og foreninger.',
  'Jeg har mange års erfaring fra både det offentlige og det private.',
  'Netværket giver mig sparring og nye opgaver, og jeg giver gerne igen.',
  'Jeg tager opgaver i hele landet, men bor på Lolland og holder af det.',
];

export interface SyntheticFile {
  /** Path relative to the content folder. */
  path: string;
  text: string;
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const pickSome = <T>(r: () => number, list: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(r, list))),
];
const day = (r: () => number, fromYear: number, toYear: number) => {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};
const list = (items: string[]) => `[${items.join(', ')}]`;

/**
 * N members plus proportional posts (N/20), wiki entries (N/30), events (N/50) and market
 * entries (N/50), valid against the schemas and the given taxonomies.
 */
export function syntheticContent(n: number, tax: Taxonomies, seed = 1): SyntheticFile[] {
  const r = random(seed);
  const trades = tax.trades.map((t) => t.id);
  const municipalities = tax.municipalities.map((m) => m.id);
  const files: SyntheticFile[] = [];
  const listed: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${pick(r, FIRST)} ${pick(r, LAST)}`;
    const slug = `${slugify(name)}-${i + 1}`;
    const isListed = r() > 0.05;
    if (isListed) listed.push(slug);
    files.push({
      path: `members/${slug}.md`,
      text: `---
name: ${name}
business: ${name.split(' ')[1]} ${pick(r, WORDS)}
trades: ${list(pickSome(r, trades, 3))}
municipality: ${pick(r, municipalities)}
services: ${list(pickSome(r, WORDS, 4))}
open_to: ${list(pickSome(r, ['samarbejde', 'opgaver', 'underleverance', 'mentor'], 3))}
languages: ${list(r() > 0.7 ? ['da', 'en'] : ['da'])}
email: ${slug}@eksempel.dk
joined: ${day(r, 2005, 2026)}
listed: ${isListed}
---
${pickSome(r, SENTENCES, 4).join(' ')}
`,
    });
  }
  const authors = listed.length > 0 ? listed : [];
  for (let i = 0; i < Math.ceil(n / 20); i++) {
    const lang = r() > 0.8 ? 'en' : 'da';
    files.push({
      path: `blog/indlaeg-${i + 1}.md`,
      text: `---
title: ${bi('Indlæg', 'Post')[lang]} nummer ${i + 1} om ${pick(r, WORDS)}
description: ${pick(r, SENTENCES)}
date: ${day(r, 2008, 2026)}
lang: ${lang}
${authors.length ? `authors: [${pick(r, authors)}]` : 'guest_author:\n  name: Gæst'}
tags: ${list(pickSome(r, ['netvaerk', 'kon-kolleger', 'pris', 'hverdag', 'udkant', 'boeger'], 2))}
---
${Array.from({ length: 4 }, () => pickSome(r, SENTENCES, 4).join(' ')).join('\n\n')}
`,
    });
  }
  const networks: string[] = [];
  for (let i = 0; i < Math.ceil(n / 30); i++) {
    const slug = `netvaerk-${i + 1}`;
    networks.push(slug);
    files.push({
      path: `wiki/${slug}.md`,
      text: `---
name: Netværk ${i + 1} for ${pick(r, WORDS)}
kind: ${pick(r, ['erhvervsnetvaerk', 'ivaerksaetternetvaerk', 'faglig', 'online', 'forening', 'kommunalt'])}
municipalities: ${list(pickSome(r, municipalities, 3))}
audience: Selvstændige inden for ${pick(r, WORDS)}
founded: ${1990 + Math.floor(r() * 36)}
size: ${10 + Math.floor(r() * 500)}
free: ${r() > 0.5}
last_verified: ${day(r, 2023, 2026)}
---
${pickSome(r, SENTENCES, 3).join(' ')}
`,
    });
  }
  for (let i = 0; i < Math.ceil(n / 50); i++) {
    const date = day(r, 2020, 2027);
    files.push({
      path: `events/arrangement-${i + 1}.md`,
      text: `---
title: Arrangement ${i + 1} – ${pick(r, WORDS)}
description: ${pick(r, SENTENCES)}
start: ${date}T09:30
end: ${date}T15:00
lang: da
venue:
  name: Kulturhuset
  municipality: ${pick(r, municipalities)}
price: Gratis
${networks.length ? `network: ${pick(r, networks)}` : ''}
---
## Program

${pickSome(r, SENTENCES, 3)
  .map((s) => `- ${s}`)
  .join('\n')}
`,
    });
  }
  for (let i = 0; i < Math.ceil(n / 50) && authors.length; i++) {
    files.push({
      path: `market/opslag-${i + 1}.md`,
      text: `---
title: ${pick(r, WORDS)} tilbydes
kind: ${r() > 0.5 ? 'offer' : 'request'}
member: ${pick(r, authors)}
trades: ${list(pickSome(r, trades, 2))}
date: 2026-0${1 + Math.floor(r() * 9)}-01
expires: 2027-12-31
---
${pick(r, SENTENCES)}
`,
    });
  }
  return files;
}
