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
 * through `:has()`, the cards that do not carry its value. For every pair of choices that no
 * network matches (known at build time), a rule shows the `.wiki-empty` message instead.
 */
export function wikiFilterCss(
  kinds: readonly string[],
  regions: readonly string[],
  networks: readonly { kind: string; regions: readonly string[] }[] = [],
): string {
  const rules = [
    ...kinds.map((k) => `.wiki:has(#kind-${k}:checked) .grid > li:not([data-kind="${k}"])`),
    ...regions.map((r) => `.wiki:has(#region-${r}:checked) .grid > li:not([data-regions~="${r}"])`),
  ];
  const empty = ['all', ...kinds].flatMap((k) =>
    ['all', ...regions]
      .filter((r) => !networks.some((n) => (k === 'all' || n.kind === k) && (r === 'all' || n.regions.includes(r))))
      .map((r) => `.wiki:has(#kind-${k}:checked):has(#region-${r}:checked) .wiki-empty`),
  );
  return `${rules.join(',\n')} { display: none; }
.wiki .wiki-empty { display: none; }
${empty.length > 0 ? `${empty.join(',\n')} { display: block; }\n` : ''}.wiki-filter .chips label { display: inline-flex; flex-direction: row; gap: .35rem; align-items: center; padding: .15rem .6rem; border: 1px solid var(--color-border); border-radius: 999px; background: var(--color-surface); }
.wiki-filter .chips label:has(:checked) { background: var(--color-accent); color: #fff; border-color: var(--color-accent); }`;
}
