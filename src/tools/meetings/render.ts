import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../../i18n/locale.ts';
import { bi, type Bilingual } from '../../schemas/index.ts';
import type { Plan } from './planner.ts';
import { pairReason, type PairScore } from './score.ts';
import type { Participant } from './sheet.ts';

/**
 * The planner's output: a schedule per person (one HTML file, a printed page each), and the
 * organisers' table as HTML and CSV. Everything from the sheet is escaped; nothing depends on the
 * clock, so the same sheet gives the same files.
 */

const TEXT = {
  schedule: bi('Dit program', 'Your schedule'),
  organisers: bi('Bordplan for arrangørerne', 'Table plan for the organisers'),
  round: bi('Runde', 'Round'),
  table: bi('Bord', 'Table'),
  partner: bi('Du møder', 'You meet'),
  offers: bi('Tilbyder', 'Offers'),
  seeks: bi('Søger', 'Seeks'),
  why: bi('Derfor', 'Why'),
  score: bi('Point', 'Score'),
  reason: bi('Begrundelse', 'Reason'),
  a: bi('A', 'A'),
  b: bi('B', 'B'),
  rest: bi('Pause', 'Break'),
  restText: bi('hent en kop kaffe, og tal med værterne', 'get a coffee and talk to the hosts'),
  rounds: bi('runder', 'rounds'),
  participants: bi('deltagere', 'participants'),
  breaks: bi('Pauser', 'Breaks'),
} satisfies Record<string, Bilingual>;

export interface MeetingFiles {
  'skema.html': string;
  'bordplan.html': string;
  'bordplan.csv': string;
}
export const OUTPUT_FILES = ['skema.html', 'bordplan.html', 'bordplan.csv'] as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.person { margin-bottom: 3rem; }
.meta { color: #444; }
@media print {
  body { margin: 0; font-size: 11pt; }
  .person { break-after: page; page-break-after: always; margin: 0; }
  .person:last-child { break-after: auto; page-break-after: auto; }
  tr { break-inside: avoid; }
}
@page { size: A4; margin: 15mm; }`;

const page = (lang: Lang, title: string, body: string) =>
  `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}
</style>
</head>
<body>
${body}
</body>
</html>
`;

export interface Seat {
  round: number;
  table?: number;
  partner?: number;
}

/** Each person's round-by-round seat: a table and a partner, or a break. */
export function seats(plan: Plan, n: number): Seat[][] {
  const out: Seat[][] = Array.from({ length: n }, () => []);
  plan.rounds.forEach((r, i) => {
    r.pairs.forEach(([a, b], t) => {
      out[a].push({ round: i + 1, table: t + 1, partner: b });
      out[b].push({ round: i + 1, table: t + 1, partner: a });
    });
    if (r.rest !== undefined) out[r.rest].push({ round: i + 1 });
  });
  return out;
}

export function renderMeeting(
  people: Participant[],
  scores: PairScore[][],
  plan: Plan,
  lang: Lang,
  title: string,
): MeetingFiles {
  const L = (b: Bilingual) => escapeHtml(b[lang]);
  const e = escapeHtml;
  const who = (p: Participant) => [p.company, p.trade].filter(Boolean).join(' · ');
  const sub = `${plan.rounds.length} ${TEXT.rounds[lang]} · ${people.length} ${TEXT.participants[lang]}`;

  const persons = seats(plan, people.length)
    .map((list, i) => {
      const p = people[i];
      const rows = list
        .map((s) => {
          if (s.partner === undefined)
            return `<tr><td>${s.round}</td><td>–</td><td colspan="3"><strong>${L(TEXT.rest)}</strong>: ${L(TEXT.restText)}</td></tr>`;
          const q = people[s.partner];
          return `<tr><td>${s.round}</td><td>${s.table}</td><td><strong>${e(q.name)}</strong>${who(q) ? `<br><span class="meta">${e(who(q))}</span>` : ''}</td><td>${L(TEXT.offers)}: ${e(q.offers || '–')}<br>${L(TEXT.seeks)}: ${e(q.seeks || '–')}</td><td>${e(pairReason(p, q, scores[i][s.partner])[lang])}</td></tr>`;
        })
        .join('\n');
      return `<section class="person">
<h1>${e(p.name)}</h1>
<p class="meta">${e(title)} · ${L(TEXT.schedule)}${who(p) ? ` · ${e(who(p))}` : ''}</p>
<table>
<thead><tr><th>${L(TEXT.round)}</th><th>${L(TEXT.table)}</th><th>${L(TEXT.partner)}</th><th>${L(TEXT.offers)} / ${L(TEXT.seeks)}</th><th>${L(TEXT.why)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
    })
    .join('\n');

  const records: (string | number)[][] = [];
  plan.rounds.forEach((r, i) => {
    r.pairs.forEach(([a, b], t) =>
      records.push([
        i + 1,
        t + 1,
        people[a].name,
        people[b].name,
        scores[a][b].score,
        pairReason(people[a], people[b], scores[a][b])[lang],
      ]),
    );
    if (r.rest !== undefined) records.push([i + 1, '', people[r.rest].name, '', '', TEXT.rest[lang]]);
  });
  const header = [TEXT.round, TEXT.table, TEXT.a, TEXT.b, TEXT.score, TEXT.reason].map((h) => h[lang]);
  const tableRows = records.map((rec) => `<tr>${rec.map((c) => `<td>${e(String(c))}</td>`).join('')}</tr>`).join('\n');
  const organisers = `<h1>${e(title)}</h1>
<p class="meta">${L(TEXT.organisers)} · ${e(sub)}</p>
<table>
<thead><tr>${header.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${tableRows}
</tbody>
</table>`;
  return {
    'skema.html': page(lang, `${title} – ${TEXT.schedule[lang]}`, persons),
    'bordplan.html': page(lang, `${title} – ${TEXT.organisers[lang]}`, organisers),
    // A spreadsheet opens this as it is: BOM for Excel, the delimiter of the language's Excel.
    'bordplan.csv': stringify([header, ...records], {
      bom: true,
      delimiter: lang === 'da' ? ';' : ',',
      record_delimiter: 'windows',
      cast: { string: (v) => (/^[=+\-@]/.test(v) ? `'${v}` : v) },
    }),
  };
}
