/** What the search form holds: the query and the checked values per facet. */
export interface SearchState {
  query: string;
  selected: Record<string, string[]>;
}

export type PagefindFilters = Record<string, string | { any: string[] }>;

/** Pagefind filters: AND across facets, OR within one; `scope` pins the content type. */
export function toPagefindFilters(state: SearchState, scope?: string): PagefindFilters {
  const filters: PagefindFilters = {};
  if (scope) filters.type = scope;
  for (const [key, values] of Object.entries(state.selected)) {
    if (values.length > 0) filters[key] = { any: values };
  }
  return filters;
}

/** The state as URL query parameters, so a search can be linked and survives reload. */
export function toParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const [key, values] of Object.entries(state.selected)) for (const v of values) params.append(key, v);
  return params;
}

export function fromParams(params: URLSearchParams, facetKeys: string[]): SearchState {
  return {
    query: params.get('q') ?? '',
    selected: Object.fromEntries(facetKeys.map((k) => [k, params.getAll(k)])),
  };
}

export const isEmpty = (state: SearchState) =>
  !state.query.trim() && Object.values(state.selected).every((v) => v.length === 0);
