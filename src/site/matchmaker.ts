import type { Lang } from '../i18n/locale.ts';
import type { Translate } from '../i18n/ui.ts';
import type { SiteData } from './site-data.ts';
import { municipalityName, tradeLabel } from './taxonomy.ts';

/**
 * The matchmaker ("Hvem bør du kende?"): for every listed member, up to five other listed members
 * worth knowing, each with the signals that make them so. Computed once per build for all members.
 *
 * No pair of members is scored unless they share a signal: inverted indexes (trade, complement
 * trade, municipality and its neighbours, group, service word, open_to) give each member its
 * candidates, and a bucket larger than BUCKET_CAP contributes a window of BUCKET_CAP members that
 * starts at a place fixed by the member's slug (so a big municipality's members are spread over
 * everyone's suggestions instead of the first names in the alphabet taking every slot).
 * Weights and why: docs/ARCHITECTURE.md, "Matchmaker and meetings".
 */

export interface MatchMember {
  slug: string;
  name: string;
  trades: readonly string[];
  municipality: string;
  services?: readonly string[];
  openTo?: readonly string[];
  groups?: readonly string[];
  joined: Date;
}

export interface MatchContext {
  /** Trade id → the trades it complements, as the taxonomy lists them (made symmetric here). */
  complements: ReadonlyMap<string, readonly string[]>;
  /** Municipality id → the municipalities it borders. */
  neighbours: ReadonlyMap<string, readonly string[]>;
  now: Date;
}

/** One reason to meet, seen from the member whose page it is ("you") towards the suggested one ("them"). */
export type Signal =
  | { kind: 'complement'; mine: string; theirs: string }
  | { kind: 'subcontractor'; who: 'you' | 'them' }
  | { kind: 'mentor'; who: 'you' | 'them' }
  | { kind: 'municipality'; municipality: string }
  | { kind: 'neighbour'; municipality: string }
  | { kind: 'services'; words: string[] }
  | { kind: 'group'; group: string }
  | { kind: 'collaboration' };

export interface Suggestion {
  slug: string;
  score: number;
  /** Strongest first. */
  signals: Signal[];
}

export const MAX_SUGGESTIONS = 5;
/** A pair needs at least this score: one weak signal alone (both open to collaboration, a neighbouring municipality) is no reason. */
export const MIN_SCORE = 2;
/** Members one index bucket contributes to one member's candidates. */
export const BUCKET_CAP = 24;
/** Candidates that get the full score, by their rough score. */
const SHORTLIST = 12;
const MENTEE_DAYS = 365;

export const WEIGHTS = {
  complement: 5,
  subcontractor: 4,
  mentor: 3,
  municipality: 3,
  services: 2,
  group: 2,
  neighbour: 1,
  collaboration: 1,
} as const satisfies Record<Signal['kind'], number>;
/** At most this many shared service words and groups count (and are named). */
const MAX_WORDS = 2;
const MAX_GROUPS = 1;

const STOP_WORDS = new Set(
  (
    'og i til for med af på en et der som det de at er om fra ved samt eller under over efter mod hos alle andre ' +
    'mine min dit din jeres vores små store nye inden uden mv bl.a fx and the of for with to in on a an or by at from your our'
  ).split(' '),
);

/**
 * The words of a member's services that say what they do: lower case, letters and digits only,
 * stop words and words under four letters dropped, and a light stem (a Danish plural or definite
 * ending cut: hjemmesider and hjemmeside meet) so that the same service in two forms matches.
 * No full stemmer: Danish compounds (webudvikling) would need one, and a wrong match is worse than none.
 * Returns stem → the word as the member wrote it.
 */
export function serviceWords(services: readonly string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const service of services ?? []) {
    for (const raw of service.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (raw.length < 4 || STOP_WORDS.has(raw)) continue;
      const stem = raw.replace(/(?:erne|ene|er|en|et|e|s)$/u, '');
      const key = stem.length >= 4 ? stem : raw;
      if (!out.has(key)) out.set(key, raw);
    }
  }
  return out;
}

/** The complements made symmetric: listing IT under marketing means marketing under IT too. */
export function symmetricComplements(listed: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    if (!out.has(a)) out.set(a, new Set());
    out.get(a)!.add(b);
  };
  for (const [trade, others] of listed)
    for (const other of others) {
      add(trade, other);
      add(other, trade);
    }
  return out;
}

/** FNV-1a: a window's start that depends only on the slug, so the same content gives the same suggestions. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Prepared {
  m: MatchMember;
  trades: Set<string>;
  words: Map<string, string>;
  openTo: Set<string>;
  groups: Set<string>;
  isNew: boolean;
}

export interface MatchResult {
  /** Member slug → suggestions, best first (at most MAX_SUGGESTIONS). */
  suggestions: Map<string, Suggestion[]>;
  /** Candidate pairs scored (each ordered pair once): the work done, against n·(n−1) for scoring all pairs. */
  pairsScored: number;
}

/** The suggestions for every member of `members` (who must all be listed: pass only those). */
export function matchmake(members: readonly MatchMember[], ctx: MatchContext): MatchResult {
  const complements = symmetricComplements(ctx.complements);
  const since = ctx.now.getTime() - MENTEE_DAYS * 86_400_000;
  const prepared: Prepared[] = [...members]
    .sort((a, b) => byCodeUnit(a.slug, b.slug))
    .map((m) => ({
      m,
      trades: new Set(m.trades),
      words: serviceWords(m.services),
      openTo: new Set(m.openTo ?? []),
      groups: new Set(m.groups ?? []),
      isNew: m.joined.getTime() > since && m.joined.getTime() <= ctx.now.getTime(),
    }));

  // Buckets hold members in slug order (prepared is sorted), so a window is deterministic.
  const index = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  prepared.forEach((p, i) => {
    for (const t of p.trades) put(`t:${t}`, i);
    put(`m:${p.m.municipality}`, i);
    for (const g of p.groups) put(`g:${g}`, i);
    for (const w of p.words.keys()) put(`w:${w}`, i);
    if (p.openTo.has('underleverance')) put('o:underleverance', i);
    if (p.openTo.has('soeger_underleverandoer')) put('o:soeger', i);
    if (p.openTo.has('mentor')) put('o:mentor', i);
    if (p.isNew) put('o:new', i);
  });

  // A candidate's rough score is the sum of the weights of the buckets it was met in; only the
  // best SHORTLIST of them get the full score with its signals.
  const rough = new Float64Array(prepared.length);
  const suggestions = new Map<string, Suggestion[]>();
  let pairsScored = 0;
  prepared.forEach((me, self) => {
    const keys: [string, number][] = [[`m:${me.m.municipality}`, WEIGHTS.municipality]];
    for (const n of ctx.neighbours.get(me.m.municipality) ?? []) keys.push([`m:${n}`, WEIGHTS.neighbour]);
    for (const t of me.trades) for (const c of complements.get(t) ?? []) keys.push([`t:${c}`, WEIGHTS.complement]);
    for (const g of me.groups) keys.push([`g:${g}`, WEIGHTS.group]);
    for (const w of me.words.keys()) keys.push([`w:${w}`, WEIGHTS.services]);
    if (me.openTo.has('soeger_underleverandoer')) keys.push(['o:underleverance', WEIGHTS.subcontractor]);
    if (me.openTo.has('underleverance')) keys.push(['o:soeger', WEIGHTS.subcontractor]);
    if (me.openTo.has('mentor')) keys.push(['o:new', WEIGHTS.mentor]);
    if (me.isNew) keys.push(['o:mentor', WEIGHTS.mentor]);

    const touched: number[] = [];
    const start = hash(me.m.slug);
    for (const [key, weight] of keys) {
      const bucket = index.get(key);
      if (!bucket) continue;
      const take = Math.min(bucket.length, BUCKET_CAP);
      const from = bucket.length > BUCKET_CAP ? start % bucket.length : 0;
      for (let i = 0; i < take; i++) {
        const other = bucket[(from + i) % bucket.length];
        if (other === self) continue;
        if (rough[other] === 0) touched.push(other);
        rough[other] += weight;
      }
    }
    pairsScored += touched.length;
    // Members are in slug order, so ties on the rough score go by slug too.
    touched.sort((a, b) => rough[b] - rough[a] || a - b);
    const scored: Suggestion[] = [];
    for (const other of touched.slice(0, SHORTLIST)) {
      const s = score(me, prepared[other], complements, ctx.neighbours);
      if (s && s.score >= MIN_SCORE) scored.push(s);
    }
    for (const other of touched) rough[other] = 0;
    scored.sort((a, b) => b.score - a.score || byCodeUnit(a.slug, b.slug));
    suggestions.set(me.m.slug, scored.slice(0, MAX_SUGGESTIONS));
  });
  return { suggestions, pairsScored };
}

function score(
  me: Prepared,
  other: Prepared,
  complements: Map<string, Set<string>>,
  neighbours: ReadonlyMap<string, readonly string[]>,
): Suggestion | undefined {
  const signals: Signal[] = [];
  complement: for (const mine of me.m.trades)
    for (const theirs of other.m.trades)
      if (complements.get(mine)?.has(theirs)) {
        // One complement is reason enough; several trades that fit do not make a better match.
        signals.push({ kind: 'complement', mine, theirs });
        break complement;
      }
  if (me.openTo.has('soeger_underleverandoer') && other.openTo.has('underleverance'))
    signals.push({ kind: 'subcontractor', who: 'them' });
  else if (me.openTo.has('underleverance') && other.openTo.has('soeger_underleverandoer'))
    signals.push({ kind: 'subcontractor', who: 'you' });
  if (me.openTo.has('mentor') && other.isNew && !me.isNew) signals.push({ kind: 'mentor', who: 'you' });
  else if (other.openTo.has('mentor') && me.isNew && !other.isNew) signals.push({ kind: 'mentor', who: 'them' });
  if (me.m.municipality === other.m.municipality)
    signals.push({ kind: 'municipality', municipality: other.m.municipality });
  else if (neighbours.get(me.m.municipality)?.includes(other.m.municipality))
    signals.push({ kind: 'neighbour', municipality: other.m.municipality });
  const words: string[] = [];
  for (const [stem, word] of me.words) if (words.length < MAX_WORDS && other.words.has(stem)) words.push(word);
  if (words.length) signals.push({ kind: 'services', words });
  if (me.groups.size && other.groups.size) {
    const groups = [...me.groups].filter((g) => other.groups.has(g)).sort(byCodeUnit);
    for (const group of groups.slice(0, MAX_GROUPS)) signals.push({ kind: 'group', group });
  }
  if (me.openTo.has('samarbejde') && other.openTo.has('samarbejde')) signals.push({ kind: 'collaboration' });
  if (!signals.length) return undefined;
  const weight = (s: Signal) => WEIGHTS[s.kind] * (s.kind === 'services' ? s.words.length : 1);
  // Stable sort: equal weights keep the order above.
  signals.sort((a, b) => weight(b) - weight(a));
  return { slug: other.m.slug, score: signals.reduce((sum, s) => sum + weight(s), 0), signals };
}

/** The site's listed members as the matchmaker sees them. */
export function matchMembers(data: Pick<SiteData, 'members'>): MatchMember[] {
  return data.members.map((m) => ({
    slug: m.id,
    name: m.data.name,
    trades: m.data.trades,
    municipality: m.data.municipality,
    services: m.data.services,
    openTo: m.data.open_to,
    groups: m.data.groups,
    joined: m.data.joined,
  }));
}

const cache = new WeakMap<object, Map<string, Suggestion[]>>();

/** Member slug → suggestions, for the site's listed members; computed once per build (per SiteData). */
export function memberSuggestions(data: SiteData): Map<string, Suggestion[]> {
  let found = cache.get(data);
  if (!found) {
    const complements = new Map([...data.trades].map(([id, t]) => [id, t.complements ?? []]));
    found = matchmake(matchMembers(data), { complements, neighbours: data.neighbours, now: data.now }).suggestions;
    cache.set(data, found);
  }
  return found;
}

/** "Ida Kjærs", "Ida Kjær's"; a Danish name ending in s, x or z takes an apostrophe only. */
export function possessive(name: string, lang: Lang): string {
  if (lang === 'en') return /s$/i.test(name) ? `${name}'` : `${name}'s`;
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}

/** A taxonomy label inside a sentence: "Reklame og markedsføring" → "reklame og markedsføring", "IT og …" stays. */
const inSentence = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

const quoteList = (words: string[], lang: Lang) =>
  words.map((w) => (lang === 'da' ? `»${w}«` : `“${w}”`)).join(lang === 'da' ? ' og ' : ' and ');

/**
 * The one-line reason for a suggestion in the page's language: its one or two strongest signals,
 * the place first when it is one of them ("også i Guldborgsund · markedsføring hos dig passer til IT hos Ida Kjær").
 * People are named, never "him" or "her".
 */
export function reasonText(
  s: Suggestion,
  them: { name: string },
  data: Pick<SiteData, 'trades' | 'municipalities' | 'groupsBySlug'>,
  lang: Lang,
  t: Translate,
): string {
  const top = s.signals.slice(0, 2);
  const isPlace = (x: Signal) => x.kind === 'municipality' || x.kind === 'neighbour';
  top.sort((a, b) => Number(isPlace(b)) - Number(isPlace(a)));
  const name = them.name;
  const text = (x: Signal): string => {
    switch (x.kind) {
      case 'complement':
        // Danish says "X hos dig passer til Y hos Ida Kjær": no possessive pronoun to agree with the trade.
        return t('match.complement', {
          mine: inSentence(tradeLabel(data, x.mine, lang)),
          theirs: inSentence(tradeLabel(data, x.theirs, lang)),
          name,
          whose: possessive(name, lang),
        });
      case 'subcontractor':
        return x.who === 'them' ? t('match.subcontractorThem', { name }) : t('match.subcontractorYou', { name });
      case 'mentor':
        return x.who === 'them' ? t('match.mentorThem', { name }) : t('match.mentorYou', { name });
      case 'municipality':
        return t('match.municipality', { place: municipalityName(data, x.municipality) });
      case 'neighbour':
        return t('match.neighbour', { place: municipalityName(data, x.municipality) });
      case 'services':
        return t('match.services', { words: quoteList(x.words, lang) });
      case 'group':
        return t('match.group', { group: data.groupsBySlug.get(x.group)?.data.name ?? x.group });
      case 'collaboration':
        return t('match.collaboration');
    }
  };
  return top.map(text).join(' · ');
}

/**
 * What a member page's suggestions show, for its incremental-build key (src/site/routes.ts): the
 * suggested members' entries, the signals (which depend on the clock too: who is new) and the
 * groups the reasons name.
 */
export function suggestionInputs(data: SiteData, slug: string): unknown {
  return (memberSuggestions(data).get(slug) ?? []).map((s) => [
    data.membersBySlug.get(s.slug),
    s.signals,
    s.signals.flatMap((x) => (x.kind === 'group' ? [data.groupsBySlug.get(x.group)] : [])),
  ]);
}
