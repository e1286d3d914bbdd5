import type { Lookups } from './cells.ts';
import type { ExistingMember } from './members.ts';

const vText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** Folds a content line at 75 octets without splitting a character (RFC 6350, 3.2). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** vCard 4.0 (RFC 6350), one card per listed member, for the volunteers' address books. */
export function membersVcf(members: ExistingMember[], look: Lookups): string {
  const cards = members.map((m) => {
    const d = m.data;
    const str = (k: string) => (typeof d[k] === 'string' && d[k] ? (d[k] as string) : undefined);
    const name = str('name') ?? m.slug;
    const words = name.split(/\s+/);
    const lines = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      `FN:${vText(name)}`,
      `N:${vText(words.length > 1 ? words.at(-1)! : name)};${vText(words.slice(0, -1).join(' '))};;;`,
    ];
    if (str('business')) lines.push(`ORG:${vText(str('business')!)}`);
    if (str('email')) lines.push(`EMAIL;TYPE=work:${str('email')}`);
    if (str('phone')) lines.push(`TEL;TYPE=work;VALUE=uri:tel:${str('phone')!.replace(/[^\d+]/g, '')}`);
    if (str('website')) lines.push(`URL:${str('website')}`);
    const municipality = str('municipality');
    if (municipality)
      lines.push(`ADR;TYPE=work:;;;${vText(look.municipalities.display.get(municipality) ?? municipality)};;;Danmark`);
    const trades = Array.isArray(d.trades) ? (d.trades as string[]).map((t) => look.trades.display.get(t) ?? t) : [];
    if (trades.length) lines.push(`CATEGORIES:${trades.map(vText).join(',')}`);
    if (Array.isArray(d.services) && d.services.length)
      lines.push(`NOTE:${vText((d.services as string[]).join('\n'))}`);
    lines.push(`UID:urn:mikronet:member:${m.slug}`, 'END:VCARD');
    return lines.map(foldLine).join('\r\n');
  });
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}
