import { describe, expect, it } from 'vitest';
import { fromParams, isEmpty, toPagefindFilters, toParams } from '../../src/site/search-state.ts';

describe('search state', () => {
  const state = { query: ' grafisk ', selected: { trade: ['Design', 'Kunst'], municipality: [] } };
  it('ANDs facets, ORs values within one and pins the scope', () => {
    expect(toPagefindFilters(state, 'Medlem')).toEqual({ type: 'Medlem', trade: { any: ['Design', 'Kunst'] } });
  });
  it('survives a round trip through the URL', () => {
    const params = toParams(state);
    expect(params.toString()).toBe('q=grafisk&trade=Design&trade=Kunst');
    expect(fromParams(params, ['trade', 'municipality'])).toEqual({
      query: 'grafisk',
      selected: { trade: ['Design', 'Kunst'], municipality: [] },
    });
  });
  it('knows when nothing is asked', () => {
    expect(isEmpty({ query: '  ', selected: { trade: [] } })).toBe(true);
    expect(isEmpty(state)).toBe(false);
  });
});
