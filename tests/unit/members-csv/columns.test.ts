import { describe, expect, it } from 'vitest';
import { mapHeaders, memberColumns } from '../../../src/tools/members-csv/columns.ts';

describe('the spreadsheet columns', () => {
  it('are the member fields in schema order, without pictures and the body language, then the presentation and the slug', () => {
    const fields = memberColumns().map((c) => c.field);
    expect(fields.slice(0, 4)).toEqual(['name', 'business', 'trades', 'municipality']);
    expect(fields.slice(-2)).toEqual(['body', 'slug']);
    expect(fields).not.toContain('photo');
    expect(fields).not.toContain('photo_alt');
    expect(fields).not.toContain('lang');
  });

  it('take their headers from the schema labels, in both languages', () => {
    const joined = memberColumns().find((c) => c.field === 'joined')!;
    expect(joined.header).toEqual({ da: 'Medlem siden', en: 'Member since' });
  });

  it('maps Danish and English headers, labels and common names to fields', () => {
    const { columns, ignored } = mapHeaders([
      'Navn',
      'E-mail',
      'Tlf.',
      'CVR',
      'Vis offentligt',
      'Member since',
      'Åben for',
      'Noter',
    ]);
    expect(columns.map((c) => c?.field)).toEqual([
      'name',
      'email',
      'phone',
      'cvr',
      'listed',
      'joined',
      'open_to',
      undefined,
    ]);
    expect(ignored).toEqual(['Noter']);
  });

  it('reads a header without regard to case, spaces, hyphens or a non-breaking space, and takes a field once', () => {
    const { columns, ignored } = mapHeaders(['NAVN', 'e mail', 'Medlem\u00a0siden', 'Fulde navn', '']);
    expect(columns.map((c) => c?.field)).toEqual(['name', 'email', 'joined', undefined, undefined]);
    expect(ignored).toEqual(['Fulde navn']);
  });
});
