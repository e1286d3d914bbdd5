import type { Lang } from '../../i18n/locale.ts';
import type { Taxonomies } from '../../schemas/index.ts';
import { planRounds, type Plan } from './planner.ts';
import { renderMeeting, type MeetingFiles } from './render.ts';
import { scoreMatrix, type PairScore } from './score.ts';
import { readSheet, type Participant } from './sheet.ts';

export { readSheet, SheetError, MAX_PARTICIPANTS, MAX_SHEET_BYTES, type Participant } from './sheet.ts';
export { planRounds, maxRounds, type Plan, type PlannedRound } from './planner.ts';
export { renderMeeting, OUTPUT_FILES, type MeetingFiles } from './render.ts';

export interface Meeting {
  people: Participant[];
  scores: PairScore[][];
  plan: Plan;
  files: MeetingFiles;
}

/** A sign-up sheet's bytes → the rounds and the files to print. Throws SheetError for a broken sheet. */
export function planMeeting(
  bytes: Uint8Array,
  opts: { rounds: number; lang: Lang; title: string; tax: Pick<Taxonomies, 'trades'>; file?: string },
): Meeting {
  const people = readSheet(bytes, opts.file);
  const scores = scoreMatrix(people, opts.tax);
  const plan = planRounds(people.length, (a, b) => scores[a][b].score, opts.rounds);
  return { people, scores, plan, files: renderMeeting(people, scores, plan, opts.lang, opts.title) };
}
