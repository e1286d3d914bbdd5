import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it('transliterates æ, ø and å as the content model says', () => {
    expect(slugify('Søren Ærø Ålund')).toBe('soeren-aeroe-aalund');
    expect(slugify('  Netværk Nord! 2027 ')).toBe('netvaerk-nord-2027');
    expect(slugify('Café Zoë')).toBe('cafe-zoe');
  });
});
