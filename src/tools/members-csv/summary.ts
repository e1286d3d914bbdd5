import { displayPath } from '../../lib/content/paths.ts';
import type { ImportPlan, RowOutcome } from './plan.ts';
import { enDa } from '../../schemas/meta.ts';

/** What an import did or would do, for the command line: the counts, then every new, changed and rejected row. */
export function importSummary(plan: ImportPlan, source: string): string[] {
  const count = (k: RowOutcome['kind']) => plan.outcomes.filter((o) => o.kind === k).length;
  const delimiter = { ';': ['semicolons', 'semikolon'], ',': ['commas', 'komma'], '\t': ['tabs', 'tabulator'] }[
    plan.table.delimiter
  ] ?? [plan.table.delimiter, plan.table.delimiter];
  const bom = plan.table.bom ? [' with BOM', ' med BOM'] : ['', ''];
  const lines = [
    `${source}: ${plan.table.rows} row(s), ${delimiter[0]}, ${plan.table.encoding}${bom[0]} — ${plan.table.rows} række(r), ${delimiter[1]}, ${plan.table.encoding}${bom[1]}`,
    `  ${count('new')} new — nye`,
    `  ${count('changed')} changed — ændrede`,
    `  ${count('unchanged')} unchanged — uændrede`,
    `  ${count('rejected')} rejected — afviste`,
  ];
  if (plan.ignoredColumns.length)
    lines.push(`ignored columns — ignorerede kolonner: ${plan.ignoredColumns.join(', ')}`);
  for (const o of plan.outcomes) {
    if (o.kind === 'new') lines.push(`new — ny: ${displayPath(o.path)} (row/række ${o.row}, ${o.name})`);
    else if (o.kind === 'changed')
      lines.push(`changed — ændret: ${displayPath(o.path)} (row/række ${o.row}): ${o.fields.join(', ')}`);
    else if (o.kind === 'rejected') {
      for (const r of o.reasons)
        lines.push(`rejected — afvist: row/række ${o.row}${o.name ? ` (${o.name})` : ''}: ${enDa(r)}`);
    }
  }
  return lines;
}
