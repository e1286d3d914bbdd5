import { describe, expect, it } from 'vitest';
import { commaValues, selectProps } from '../../src/cms/widgets.ts';
import { assetPath, rememberUpload, withUploads } from '../../src/cms/uploads.ts';

describe("what the CMS's select and relation controls add to react-select", () => {
  it('says that nothing matches, and that it is searching, in the editor’s language', () => {
    const da = selectProps('da', false);
    const en = selectProps('en', false);
    expect([(da.noOptionsMessage as () => string)(), (da.loadingMessage as () => string)()]).toEqual([
      'Ingen valgmuligheder passer',
      'Søger …',
    ]);
    expect((en.noOptionsMessage as () => string)()).toBe('No options match');
  });

  it('keeps a multiple choice open after a pick until the last pick its maximum allows', () => {
    expect(selectProps('da', false).closeMenuOnSelect).toBe(true);
    expect(selectProps('da', true).closeMenuOnSelect).toBe(false);
    expect(selectProps('da', true, 2).closeMenuOnSelect).toBe(false);
    expect(selectProps('da', true, 1).closeMenuOnSelect).toBe(true);
  });
});

describe('a list typed in one text field', () => {
  it('gives the values between the commas, trimmed, without the empty one a trailing comma leaves', () => {
    expect(commaValues('kunder, hverdag, priser')).toEqual(['kunder', 'hverdag', 'priser']);
    expect(commaValues('kunder,hverdag')).toEqual(['kunder', 'hverdag']);
    // Typed key by key: the comma and the space after it stay (Decap's own input dropped the comma here).
    expect(commaValues('kunder, ')).toEqual(['kunder']);
    expect(commaValues(' , ')).toEqual([]);
    expect(commaValues('')).toEqual([]);
  });
});

describe('pictures uploaded on the admin page', () => {
  it('are asked for by file name, so Decap finds them in the media folder; others by their path', () => {
    rememberUpload('soeren-paa-faergen.png');
    expect(assetPath('/media/members/soeren-paa-faergen.png')).toBe('soeren-paa-faergen.png');
    expect(assetPath('/media/members/anne.jpg')).toBe('/media/members/anne.jpg');
    expect(assetPath('https://example.org/soeren-paa-faergen.png')).toBe('https://example.org/soeren-paa-faergen.png');
  });

  it("wraps Decap's getAsset once per getAsset, so a control does not re-render for a new function", () => {
    const asked: string[] = [];
    const getAsset = (path: string) => asked.push(path);
    const wrapped = withUploads(getAsset);
    expect(withUploads(getAsset)).toBe(wrapped);
    wrapped('/media/members/soeren-paa-faergen.png');
    expect(asked).toEqual(['soeren-paa-faergen.png']);
  });
});
