import juice from 'juice';
import type { Translate } from '../../i18n/ui.ts';
import type { Digest, DigestItem } from './digest.ts';

/**
 * The letter twice from one digest: HTML that survives mail clients (tables for layout, styles
 * inlined by juice from the one style sheet below, no script, no outside CSS, absolute links, a
 * width of at most 600 px (Outlook on Windows ignores max-width, so it gets a 600 px table of
 * its own in a conditional comment), colours set on every block so a client's dark mode inverts them
 * together), and plain text written for reading, not converted from the HTML.
 */

export interface Section {
  heading: string;
  items: DigestItem[];
  /** A link after the list ("all events"). */
  more?: { text: string; url: string };
}

/** Events first (the heart of the network), then the blog, new members and the market list; empty ones left out. */
export function sections(d: Digest, t: Translate, allEvents: string): Section[] {
  const all: Section[] = [
    {
      heading: t('newsletter.events', { n: d.eventsTotal }),
      items: d.events,
      more: d.eventsTotal ? { text: t('home.allEvents'), url: allEvents } : undefined,
    },
    { heading: t('newsletter.posts', { n: d.posts.length }), items: d.posts },
    { heading: t('newsletter.members', { n: d.members.length }), items: d.members },
    { heading: t('newsletter.market', { n: d.market.length }), items: d.market },
  ];
  return all.filter((s) => s.items.length);
}

export interface Letter {
  subject: string;
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

// Colours: dark text on white, a blue link with 7:1 contrast; every block names its own background.
const CSS = `
body { margin: 0; padding: 0; background-color: #eef1f4; }
.outer { background-color: #eef1f4; }
.outer-cell { padding: 16px 8px; }
.letter { width: 100%; max-width: 600px; background-color: #ffffff; border-collapse: collapse; }
.masthead { background-color: #17324d; color: #ffffff; padding: 20px 24px; font-family: Arial, Helvetica, sans-serif; }
.masthead a { color: #ffffff; text-decoration: none; font-size: 24px; font-weight: bold; }
.masthead p { margin: 4px 0 0; color: #dbe6f0; font-size: 14px; }
.block { background-color: #ffffff; color: #1f2933; padding: 16px 24px; font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; }
.block p { margin: 0 0 12px; }
h2 { margin: 8px 0 12px; font-size: 20px; color: #17324d; border-bottom: 2px solid #d5dde5; padding-bottom: 4px; }
h3 { margin: 0 0 2px; font-size: 17px; }
a { color: #0b4f8a; }
.item { width: 100%; border-collapse: collapse; }
.item-cell { padding: 0 0 16px; color: #1f2933; }
.details { margin: 0 0 2px; font-size: 14px; color: #4b5866; }
.line { margin: 0; }
.picture { display: block; width: 100%; max-width: 552px; height: auto; border: 0; margin: 0 0 8px; }
.more { margin: 0 0 8px; font-weight: bold; }
.footer { background-color: #eef1f4; color: #4b5866; padding: 16px 24px; font-family: Arial, Helvetica, sans-serif; font-size: 13px; line-height: 1.5; }
.footer p { margin: 0 0 8px; }
.footer a { color: #0b4f8a; }
`;

const languageNote = (item: DigestItem, t: Translate) =>
  item.otherLang ? ` (${t('newsletter.writtenIn', { language: t(`lang.${item.otherLang}`) })})` : '';

function htmlItem(item: DigestItem, t: Translate): string {
  const lang = item.otherLang ? ` lang="${item.otherLang}"` : '';
  return `<table role="presentation" class="item" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="item-cell">
${item.image ? `<a href="${esc(item.url)}"><img class="picture" src="${esc(item.image.url)}" alt="${esc(item.image.alt)}" width="552"></a>\n` : ''}<h3><a href="${esc(item.url)}"${lang}>${esc(item.title)}</a>${esc(languageNote(item, t))}</h3>
${item.details.length ? `<p class="details">${esc(item.details.join(' · '))}</p>\n` : ''}<p class="line"${lang}>${esc(item.line)}</p>
</td></tr></table>`;
}

export function renderHtml(d: Digest, t: Translate, list: Section[], dates: { since: string; today: string }): string {
  const subject = t('newsletter.subject', { name: d.name, date: dates.today });
  const body = list
    .map(
      (s) => `<tr><td class="block">
<h2>${esc(s.heading)}</h2>
${s.items.map((i) => htmlItem(i, t)).join('\n')}
${s.more ? `<p class="more"><a href="${esc(s.more.url)}">${esc(s.more.text)}</a></p>` : ''}
</td></tr>`,
    )
    .join('\n');
  const footer = [
    `<p>${esc(t('newsletter.why', { name: d.name }))}</p>`,
    `<p>${esc(t('newsletter.unsubscribe'))}</p>`,
    d.signupUrl ? `<p><a href="${esc(d.signupUrl)}">${esc(t('newsletter.signup'))}</a></p>` : '',
    `<p><a href="${esc(d.site)}">${esc(d.name)}</a> · ${esc(t('newsletter.contact', { email: d.contactEmail }))}</p>`,
  ].join('\n');
  const page = `<!DOCTYPE html>
<html lang="${d.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${esc(subject)}</title>
<style>${CSS}</style>
</head>
<body>
<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#eef1f4"><tr><td class="outer-cell" align="center">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="letter" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff">
<tr><td class="masthead" bgcolor="#17324d"><a href="${esc(d.site)}">${esc(t('newsletter.title', { name: d.name }))}</a>
<p>${esc(d.tagline)}</p>
<p>${esc(dates.today)}</p></td></tr>
<tr><td class="block">
<p>${esc(t('newsletter.greeting', { name: d.name }))}</p>
<p>${esc(t('newsletter.intro', { date: dates.since }))}</p>
</td></tr>
${body}
<tr><td class="footer" bgcolor="#eef1f4">
${footer}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr></table>
</body>
</html>
`;
  return juice(page, { removeStyleTags: true, preserveMediaQueries: false, applyWidthAttributes: false });
}

/** Words wrapped at `width` characters, each line after the first indented by `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const room = width - (lines.length ? indent.length : 0);
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

const WIDTH = 72;

export function renderText(d: Digest, t: Translate, list: Section[], dates: { since: string; today: string }): string {
  const title = t('newsletter.title', { name: d.name });
  const out = [title.toUpperCase(), dates.today, '', `${t('newsletter.greeting', { name: d.name })},`, ''];
  out.push(wrap(t('newsletter.intro', { date: dates.since }), WIDTH), '');
  for (const s of list) {
    out.push(s.heading.toUpperCase(), '-'.repeat(s.heading.length), '');
    for (const item of s.items) {
      out.push(wrap(`* ${item.title}${languageNote(item, t)}`, WIDTH, '  '));
      if (item.details.length) out.push(`  ${wrap(item.details.join(' · '), WIDTH, '  ')}`);
      out.push(`  ${wrap(item.line, WIDTH, '  ')}`, `  ${item.url}`, '');
    }
    if (s.more) out.push(`${s.more.text}: ${s.more.url}`, '');
  }
  out.push('-- ', wrap(t('newsletter.why', { name: d.name }), WIDTH), t('newsletter.unsubscribe'));
  if (d.signupUrl) out.push(`${t('newsletter.signup')}: ${d.signupUrl}`);
  out.push(`${d.name}: ${d.site}`, t('newsletter.contact', { email: d.contactEmail }), '');
  return out.join('\n');
}
