/** Regions a network is active in: nationwide networks count everywhere. */
export function networkRegions(
  network: { municipalities: string[]; nationwide?: boolean | undefined },
  municipalities: Map<string, { region: string }>,
  allRegions: readonly string[] = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'],
): string[] {
  if (network.nationwide) return [...allRegions];
  return [
    ...new Set(network.municipalities.map((id) => municipalities.get(id)?.region).filter((r): r is string => !!r)),
  ];
}

/**
 * The wiki's kind and region filters work without JavaScript: a checked radio button hides,
 * through `:has()`, the cards that do not carry its value.
 */
export function wikiFilterCss(kinds: readonly string[], regions: readonly string[]): string {
  const rules = [
    ...kinds.map((k) => `.wiki:has(#kind-${k}:checked) .grid > li:not([data-kind="${k}"])`),
    ...regions.map((r) => `.wiki:has(#region-${r}:checked) .grid > li:not([data-regions~="${r}"])`),
  ];
  return `${rules.join(',\n')} { display: none; }
.wiki-filter .chips label { display: inline-flex; flex-direction: row; gap: .35rem; align-items: center; padding: .15rem .6rem; border: 1px solid var(--color-border); border-radius: 999px; background: var(--color-surface); }
.wiki-filter .chips label:has(:checked) { background: var(--color-accent); color: #fff; border-color: var(--color-accent); }`;
}
