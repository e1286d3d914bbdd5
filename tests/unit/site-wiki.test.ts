import { describe, expect, it } from 'vitest';
import { networkRegions, wikiFilterCss } from '../../src/site/wiki.ts';

describe('wiki filters', () => {
  const m = new Map([
    ['lolland', { region: 'sjaelland' }],
    ['odense', { region: 'syddanmark' }],
  ]);
  it('places a network in the regions of its municipalities, or everywhere when nationwide', () => {
    expect(networkRegions({ municipalities: ['lolland', 'odense', 'lolland'] }, m)).toEqual([
      'sjaelland',
      'syddanmark',
    ]);
    expect(networkRegions({ municipalities: ['lolland'], nationwide: true }, m)).toHaveLength(5);
  });
  it('writes one hiding rule per kind and region', () => {
    const css = wikiFilterCss(['online'], ['sjaelland']);
    expect(css).toContain('.wiki:has(#kind-online:checked) .grid > li:not([data-kind="online"])');
    expect(css).toContain('.wiki:has(#region-sjaelland:checked) .grid > li:not([data-regions~="sjaelland"])');
  });
});
