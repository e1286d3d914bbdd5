import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { validateContent } from '../../lib/content/validate.ts';
import type { ContentIssue } from '../../lib/content/issues.ts';
import { formatDate, formatDateTime, parseLocalDateTime } from '../../lib/dates.ts';
import type { Lang } from '../../i18n/locale.ts';
import { useTranslations } from '../../i18n/ui.ts';
import { sectionPath } from '../../i18n/urls.ts';
import { fileCollections } from '../../schemas/index.ts';
import { digest, isEmpty, type Digest } from './digest.ts';
import { renderHtml, renderText, sections, type Letter } from './render.ts';

export { digest, isEmpty, MAX_EVENTS, type Digest, type DigestItem } from './digest.ts';
export { renderHtml, renderText, sections, wrap, type Letter } from './render.ts';

/** The site's address as the build has it (astro.config.mjs): SITE_URL, else Netlify's URL, else the kit's default. */
export function siteAddress(env: Record<string, string | undefined> = process.env): string {
  return env.SITE_URL || env.URL || 'https://mikronet.dk';
}

export interface NewsletterOptions {
  lang: Lang;
  since: string;
  today: string;
  site: string;
}

export type NewsletterResult =
  | { ok: false; issues: ContentIssue[] }
  | { ok: true; digest: Digest; empty: true }
  | { ok: true; digest: Digest; empty: false; letter: Letter; from: { name: string; address: string } };

/**
 * Reads the content folder with the validator (the build's rules for untrusted files) and makes
 * the letter; invalid content makes none and returns the problems instead.
 */
export function makeNewsletter(dir: string, o: NewsletterOptions): NewsletterResult {
  const result = validateContent(dir);
  if (result.issues.length || !result.raw.files.settings) return { ok: false, issues: result.issues };
  const settings = fileCollections.settings.schema().parse(result.raw.files.settings.data);
  const t = useTranslations(o.lang);
  const day = (text: string) => formatDate(parseLocalDateTime(`${text}T12:00`), o.lang);
  const d = digest(result.entries, settings, result.taxonomies, {
    ...o,
    formatDate: (date) => formatDate(date, o.lang),
    formatDateTime: (date) => formatDateTime(date, o.lang),
    words: {
      online: t('events.online'),
      by: t('market.by'),
      postBy: (names) => t('newsletter.postBy', { names }),
      expires: (date) => t('market.expires', { date }),
    },
  });
  if (isEmpty(d)) return { ok: true, digest: d, empty: true };
  const dates = { since: day(o.since), today: day(o.today) };
  const list = sections(d, t, new URL(sectionPath(o.lang, 'events'), o.site).href);
  const letter = {
    subject: t('newsletter.subject', { name: d.name, date: dates.today }),
    html: renderHtml(d, t, list, dates),
    text: renderText(d, t, list, dates),
  };
  return { ok: true, digest: d, empty: false, letter, from: { name: settings.name, address: settings.contact_email } };
}

/**
 * The letter as an .eml: multipart/alternative with the plain text first and the HTML last (the
 * part a client prefers), UTF-8, From the network's contact address. `X-Unsent: 1` makes Outlook
 * open it as a draft to send. The boundary and Message-ID come from the letter's own bytes, so
 * the same letter gives the same file.
 */
export async function emlFile(
  letter: Letter,
  from: { name: string; address: string },
  date: Date,
  site: string,
): Promise<Buffer> {
  const hash = createHash('sha256').update(letter.html).update(letter.text).digest('hex');
  const composer = new MailComposer({
    from,
    subject: letter.subject,
    date,
    text: letter.text,
    html: letter.html,
    messageId: `<newsletter-${hash.slice(0, 24)}@${new URL(site).hostname}>`,
    baseBoundary: hash.slice(0, 24),
    headers: { 'X-Unsent': '1' },
  });
  return composer.compile().build();
}
