import { describe, expect, it } from 'vitest';
import { municipalityName, regionOf, tradeLabel } from '../../src/site/taxonomy.ts';

const maps = {
  trades: new Map([['it-data', { da: 'IT og data', en: 'IT and data' }]]),
  municipalities: new Map([['lolland', { name: 'Lolland', region: 'sjaelland' }]]),
};

describe('taxonomy labels', () => {
  it('names trades, municipalities and regions in the reader’s language', () => {
    expect(tradeLabel(maps, 'it-data', 'en')).toBe('IT and data');
    expect(municipalityName(maps, 'lolland')).toBe('Lolland');
    expect(regionOf(maps, 'lolland', 'da')).toBe('Region Sjælland');
    expect(regionOf(maps, 'lolland', 'en')).toBe('Region Zealand');
  });

  it('shows an unknown id as it is, and no region for it', () => {
    expect(tradeLabel(maps, 'nyt-fag', 'da')).toBe('nyt-fag');
    expect(municipalityName(maps, 'atlantis')).toBe('atlantis');
    expect(regionOf(maps, 'atlantis', 'da')).toBeUndefined();
  });
});
