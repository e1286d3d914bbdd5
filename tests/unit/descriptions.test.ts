import { describe, expect, it } from 'vitest';
import {
  clip,
  DESCRIPTION_MAX,
  firstDescription,
  firstParagraph,
  firstSentence,
  itemRange,
  sentences,
} from '../../src/site/descriptions.ts';

describe('a page description', () => {
  it('is kept whole when it fits', () => {
    expect(clip('  Regnskab,\n løn  og moms ')).toBe('Regnskab, løn og moms');
  });

  it('is cut after the last whole word that fits, with an ellipsis, never longer than the bound', () => {
    const long = 'Grafisk design og illustration til små virksomheder '.repeat(6);
    const cut = clip(long);
    expect(cut.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long.charAt(cut.length - 1)).toBe(' ');
    expect(clip('Et to tre fire', 10)).toBe('Et to tre…');
    expect(clip('Et to, tre fire', 9)).toBe('Et to…');
  });

  it('cuts a single word longer than the bound inside the word', () => {
    expect(clip('x'.repeat(200), 10)).toBe('xxxxxxxxx…');
  });

  it('takes the first text that has words', () => {
    expect(firstDescription('', '  ', undefined, 'Tre dage på Falster')).toBe('Tre dage på Falster');
    expect(firstDescription('', undefined)).toBeUndefined();
  });

  it('joins texts as sentences', () => {
    expect(sentences('Freelancere i Thy', 'Vi mødes hver måned.', undefined)).toBe(
      'Freelancere i Thy. Vi mødes hver måned.',
    );
    expect(sentences('Hvem er vi?', '')).toBe('Hvem er vi?');
  });

  it('numbers the items of a list page', () => {
    expect(itemRange(1, 48, 325)).toEqual({ from: 1, to: 48, n: 325 });
    expect(itemRange(7, 48, 325)).toEqual({ from: 289, to: 325, n: 325 });
    expect(itemRange(1, 48, 0)).toEqual({ from: 0, to: 0, n: 0 });
  });
});

describe('the opening of a Markdown presentation', () => {
  it('is its first paragraph as plain text: links, emphasis, code marks and entities resolved', () => {
    const body = [
      '## Om mig',
      '',
      '![Portræt](/media/x.jpg)',
      '',
      'Jeg er **grafiker** på _Lolland_ og laver [logoer](https://example.dk) &amp; `tryksager`.',
      'Ring gerne.',
      '',
      'Andet afsnit.',
    ].join('\n');
    expect(firstParagraph(body)).toBe('Jeg er grafiker på Lolland og laver logoer & tryksager. Ring gerne.');
  });

  it('skips headings, tables, code, HTML and link definitions; reads list items and quotes as text', () => {
    expect(firstParagraph('```\ncode\n```\n\n| a | b |\n\n<div>x</div>\n\n- Snedker\n- Tømrer')).toBe('Snedker Tømrer');
    expect(firstParagraph('> Et citat *her*')).toBe('Et citat her');
    expect(firstParagraph('[a]: https://x.dk\n\nTekst med snake_case_navn')).toBe('Tekst med snake_case_navn');
    expect(firstParagraph(undefined)).toBe('');
    expect(firstParagraph('# Kun en overskrift')).toBe('');
  });

  it('drops tags that a body might carry, so no markup reaches the description', () => {
    expect(firstParagraph('Hej <script>alert(1)</script> <b>du</b>')).toBe('Hej alert(1) du');
  });

  it('gives its first sentence, not ending at abbreviations or numbers', () => {
    expect(firstSentence('Jeg laver fx. logoer til ca. 20 firmaer om året. Ring gerne!')).toBe(
      'Jeg laver fx. logoer til ca. 20 firmaer om året.',
    );
    expect(firstSentence('Hvad gør vi? Vi hjælper.')).toBe('Hvad gør vi?');
    expect(firstSentence('Ingen punktum her')).toBe('Ingen punktum her');
    expect(firstSentence('Ord '.repeat(80)).length).toBeLessThanOrEqual(DESCRIPTION_MAX);
  });
});
