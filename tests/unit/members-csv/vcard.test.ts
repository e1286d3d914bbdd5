import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaxonomies } from '../../../src/lib/content/taxonomies.ts';
import { lookups } from '../../../src/tools/members-csv/cells.ts';
import { foldLine, membersVcf } from '../../../src/tools/members-csv/vcard.ts';

const look = lookups(readTaxonomies(path.resolve(import.meta.dirname, '../../fixtures/contrib/site')), []);
const member = (slug: string, data: Record<string, unknown>) => ({ slug, path: `${slug}.md`, text: '', data });

describe('vCard export', () => {
  it('folds vCard lines at 75 octets without splitting æøå', () => {
    const folded = foldLine(`NOTE:${'æ'.repeat(60)}`);
    expect(folded.split('\r\n ').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${'æ'.repeat(60)}`);
  });

  it('writes one vCard 4.0 per member: names, business, contact, municipality, trades and services, escaped', () => {
    const vcf = membersVcf(
      [
        member('anne-lund', {
          name: 'Anne Marie Lund',
          business: 'Lund Tekst; Sprog',
          email: 'anne@lund.example',
          phone: '+45 20 30 40 50',
          website: 'https://lund.example',
          municipality: 'guldborgsund',
          trades: ['jura-revision-bogfoering'],
          services: ['Tekster', 'Korrektur, dansk'],
        }),
        member('bo', { name: 'Bo' }),
      ],
      look,
    );
    expect(vcf.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Anne Marie Lund',
      'N:Lund;Anne Marie;;;',
      'ORG:Lund Tekst\\; Sprog',
      'EMAIL;TYPE=work:anne@lund.example',
      'TEL;TYPE=work;VALUE=uri:tel:+4520304050',
      'URL:https://lund.example',
      'ADR;TYPE=work:;;;Guldborgsund;;;Danmark',
      'CATEGORIES:Jura\\, revision og bogføring',
      'NOTE:Tekster\\nKorrektur\\, dansk',
      'UID:urn:mikronet:member:anne-lund',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Bo',
      'N:Bo;;;;',
      'UID:urn:mikronet:member:bo',
      'END:VCARD',
      '',
    ]);
    expect(membersVcf([], look)).toBe('');
  });
});
