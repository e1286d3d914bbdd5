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
  it('shows the "nothing matches" message for exactly the choices no network matches', () => {
    const css = wikiFilterCss(
      ['online', 'forening'],
      ['sjaelland', 'syddanmark'],
      [{ kind: 'online', regions: ['sjaelland'] }],
    );
    const shown = (kind: string, region: string) =>
      css.includes(`.wiki:has(#kind-${kind}:checked):has(#region-${region}:checked) .wiki-empty`);
    expect(shown('all', 'all')).toBe(false);
    expect(shown('online', 'sjaelland')).toBe(false);
    expect(shown('all', 'sjaelland')).toBe(false);
    expect(shown('online', 'all')).toBe(false);
    expect(shown('online', 'syddanmark')).toBe(true);
    expect(shown('forening', 'all')).toBe(true);
    expect(shown('all', 'syddanmark')).toBe(true);
    expect(css).toContain('.wiki .wiki-empty { display: none; }');
  });
});
