import type { RawEntry } from '../lib/content/load.ts';
import { dayOf } from '../lib/dates.ts';
import { bi, type Bilingual } from '../schemas/meta.ts';

/** A wiki entry due for its yearly check. */
export interface StaleNetwork {
  file: string;
  slug: string;
  name: string;
  /** `last_verified` as YYYY-MM-DD, or undefined when it is missing or not a date. */
  lastVerified?: string;
  /** Whole days from `last_verified` to today; undefined when never verified. */
  ageDays?: number;
}

const DAY_MS = 86_400_000;

/**
 * Wiki entries whose `last_verified` is more than `days` days before `today` (YYYY-MM-DD), or
 * missing, oldest first; entries never verified come first of all.
 */
export function staleNetworks(entries: RawEntry[], today: string, days = 365): StaleNetwork[] {
  const now = Date.parse(today);
  return entries
    .filter((e) => e.collection === 'wiki')
    .map((e): StaleNetwork => {
      const lastVerified = dayOf(e.data.last_verified);
      return {
        file: e.file,
        slug: e.slug,
        name: typeof e.data.name === 'string' ? e.data.name : e.slug,
        lastVerified,
        ageDays: lastVerified ? Math.round((now - Date.parse(lastVerified)) / DAY_MS) : undefined,
      };
    })
    .filter((n) => n.ageDays === undefined || n.ageDays > days)
    .sort((a, b) => (b.ageDays ?? Infinity) - (a.ageDays ?? Infinity) || a.file.localeCompare(b.file));
}

/** "1 year 2 months" / "1 år 2 måneder", for people; the report gives days as well. */
export function describeAge(days: number): Bilingual {
  const months = Math.floor(days / 30.4375);
  const y = Math.floor(months / 12);
  const m = months % 12;
  const en =
    [y ? `${y} year${y === 1 ? '' : 's'}` : '', m ? `${m} month${m === 1 ? '' : 's'}` : ''].filter(Boolean).join(' ') ||
    `${days} days`;
  const da =
    [y ? `${y} år` : '', m ? `${m} måned${m === 1 ? '' : 'er'}` : ''].filter(Boolean).join(' ') || `${days} dage`;
  return bi(da, en);
}
