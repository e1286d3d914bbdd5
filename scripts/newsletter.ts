#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { contentFolder, dayOption, doing, oneOf, parseCli, runCli, UsageError } from '../src/lib/cli.ts';
import { isCalendarDay, parseLocalDateTime } from '../src/lib/dates.ts';
import { displayPath } from '../src/lib/content/paths.ts';
import { issueLine } from '../src/lib/content/issues.ts';
import { LANGS } from '../src/i18n/locale.ts';
import { emlFile, makeNewsletter, siteAddress } from '../src/tools/newsletter/index.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run newsletter -- --since YYYY-MM-DD [--lang da|en] [--out DIR] [--content DIR] [--today YYYY-MM-DD] [--dry-run]

Writes a ready-to-send newsletter from the content: upcoming events, then the blog posts, new
members (listed ones only) and market entries that are new since --since. Nothing is sent:
import the .html into a mailing service (Mailchimp, Brevo, MailerLite, …) or open the .eml in a
mail program and send it from there. Posts and events in the other language are listed too,
marked "(in English)" / "(på dansk)".
Skriver et nyhedsbrev klar til afsendelse: kommende arrangementer, nye blogindlæg, nye
medlemmer (kun offentlige) og nye opslag på markedslisten siden --since. Intet sendes.

  --since DATE    the first day that counts as new (required)
  --lang da|en    the letter's language: headings, dates, links (default da)
  --out DIR       where to write nyhedsbrev-<today>-<lang>.eml, .html and .txt (default newsletter);
                  files of the same name are replaced
  --content DIR   the content folder (default: $CONTENT_DIR or content/)
  --today DATE    the day the letter is made (default: today in Denmark)
  --dry-run       say what would be written, write nothing

Links point at SITE_URL (else URL, else https://mikronet.dk), as the build's do. The sender is
the site settings' contact_email. Replace [AFMELDINGSLINK] / [UNSUBSCRIBE LINK] with your mailing
service's unsubscribe tag. The content must pass npm run check: invalid content makes no letter.
When nothing is new and no event is coming, no letter is written (exit 0).

Exit codes: 0 letter written (or nothing to write), 1 invalid content or unreadable files, 2 usage error.`;

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv, HELP, {
    since: { type: 'string' },
    lang: { type: 'string', default: 'da' },
    out: { type: 'string', default: 'newsletter' },
    content: { type: 'string' },
    today: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (!args) return 0;
  const since = args.values.since;
  if (since === undefined)
    throw new UsageError(
      bi('angiv --since, den første dag der tæller som ny', 'Give --since, the first day that counts as new'),
    );
  if (!isCalendarDay(since))
    throw new UsageError(
      bi('--since skal være en dato skrevet ÅÅÅÅ-MM-DD', `--since must be a date written YYYY-MM-DD, not "${since}"`),
    );
  const today = dayOption(args.values.today);
  if (since > today)
    throw new UsageError(
      bi(`--since (${since}) ligger efter i dag (${today})`, `--since (${since}) is after today (${today})`),
    );
  const lang = oneOf('--lang', args.values.lang, LANGS);
  if (!args.values.out?.trim()) throw new UsageError(bi('--out skal være et mappenavn', '--out must name a folder'));
  const out = path.resolve(args.values.out);
  const site = siteAddress();
  if (!/^https?:\/\/[^/\s]+/.test(site) || !URL.canParse(site))
    throw new UsageError(
      bi(
        `SITE_URL skal være sitets adresse, fx https://mikronet.dk`,
        `SITE_URL must be the site's address, e.g. https://mikronet.dk, not "${site}"`,
      ),
    );
  const dir = contentFolder(args.values.content, 'newsletter');

  doing(bi(`læste ${displayPath(dir)}`, `reading ${displayPath(dir)}`));
  const result = makeNewsletter(dir, { lang, since, today, site });
  if (!result.ok) {
    for (const issue of result.issues) console.error(issueLine(issue));
    console.error(
      enDa(
        bi(
          `${result.issues.length} problem(er) i indholdet; ret dem (npm run check), og kør igen. Der er ikke skrevet noget nyhedsbrev`,
          `${result.issues.length} problem(s) in the content; fix them (npm run check) and run again. No newsletter was written`,
        ),
      ),
    );
    return 1;
  }
  if (result.empty) {
    console.log(
      enDa(
        bi(
          `intet nyt siden ${since} og ingen kommende arrangementer; der er ikke skrevet noget nyhedsbrev`,
          `Nothing new since ${since} and no upcoming events; no newsletter was written`,
        ),
      ),
    );
    return 0;
  }
  const d = result.digest;
  const counts = bi(
    `${d.eventsTotal} kommende arrangementer, ${d.posts.length} indlæg, ${d.members.length} nye medlemmer, ${d.market.length} opslag`,
    `${d.eventsTotal} upcoming events, ${d.posts.length} posts, ${d.members.length} new members, ${d.market.length} market entries`,
  );
  const base = path.join(out, `nyhedsbrev-${today}-${lang}`);
  const files = ['.eml', '.html', '.txt'].map((ext) => displayPath(base + ext));
  if (args.values['dry-run']) {
    console.log(enDa(bi(`ville skrive ${files.join(', ')}`, `Would write ${files.join(', ')}`)));
    console.log(`  ${result.letter.subject} — ${enDa(counts)}`);
    return 0;
  }
  doing(bi(`skrev nyhedsbrevet i ${displayPath(out)}`, `writing the newsletter into ${displayPath(out)}`));
  // The Date header: now, or noon of --today, so a letter made for a given day is the same file every time.
  const date = args.values.today ? parseLocalDateTime(`${today}T12:00`) : new Date();
  const eml = await emlFile(result.letter, result.from, date, site);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(`${base}.eml`, eml);
  fs.writeFileSync(`${base}.html`, result.letter.html);
  fs.writeFileSync(`${base}.txt`, result.letter.text);
  console.log(`✓ ${enDa(bi('skrev nyhedsbrevet', 'Wrote the newsletter'))}: ${result.letter.subject}`);
  console.log(`  ${enDa(counts)}`);
  for (const file of files) console.log(`  ${file}`);
  return 0;
}

await runCli(HELP, main);
