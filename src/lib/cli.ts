import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { contentDir } from './content/paths.ts';
import { isCalendarDay, isoDay } from './dates.ts';

/**
 * What the scripts in scripts/ share: option parsing, --help, and usage errors, which print what
 * is wrong above the command's help and exit with code 2.
 */

/** A mistake in how a command was called; the message says it in English and Danish. */
export class UsageError extends Error {}

/** Runs a script's main with the process's arguments and sets its exit code; a UsageError exits 2. */
export async function runCli(help: string, main: (argv: string[]) => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${help}`);
    process.exitCode = 2;
  }
}

/**
 * Parses the options (plus -h/--help). With --help it prints the help and returns undefined:
 * the command then exits 0. Positional arguments are refused unless `positionals` is set.
 */
export function parseCli<const O extends ParseArgsOptionsConfig>(argv: string[], help: string, options: O, { positionals = false } = {}) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(help);
    return undefined;
  }
  if (!positionals && parsed.positionals.length)
    throw new UsageError(`Unexpected argument "${parsed.positionals[0]}" — uventet argument "${parsed.positionals[0]}"`);
  return parsed;
}

const list = (values: readonly string[], and: string) => (values.length > 1 ? `${values.slice(0, -1).join(', ')} ${and} ${values.at(-1)}` : values.join(''));

/** The value of an option that takes one of a few words, e.g. --format. */
export function oneOf<const T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`${option} must be ${list(allowed, 'or')}, not "${value}" — ${option} skal være ${list(allowed, 'eller')}`);
}

/** An option that takes a whole number from min to max (no upper bound when max is left out). */
export function wholeNumber(option: string, value: string | undefined, min: number, max = Infinity): number {
  const n = Number(value);
  if (value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) return n;
  const range = max === Infinity ? { en: `${min} or more`, da: `${min} eller mere` } : { en: `from ${min} to ${max}`, da: `fra ${min} til ${max}` };
  throw new UsageError(`${option} must be a whole number ${range.en}, not "${value ?? ''}" — ${option} skal være et helt tal ${range.da}`);
}

/** A --today option: a real day written YYYY-MM-DD; today (in Denmark) when not given. */
export function dayOption(value: string | undefined): string {
  const day = value ?? isoDay(new Date());
  if (!isCalendarDay(day))
    throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${day}" — --today skal være en dato skrevet ÅÅÅÅ-MM-DD`);
  return day;
}

/** The content folder a command works on: the one given, else $CONTENT_DIR or content/; it must exist. */
export function contentFolder(given: string | undefined, command: string): string {
  const dir = given ? path.resolve(given) : contentDir();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new UsageError(`${dir}: no such folder. Give the content folder, e.g. npm run ${command} -- content — mappen findes ikke; angiv indholdsmappen`);
  return dir;
}
