import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { contentDir } from './content/paths.ts';
import { isCalendarDay, isoDay } from './dates.ts';
import { fromSystemError, InputError, readInputFile } from './input.ts';
import { bi, enDa, type Bilingual } from '../schemas/meta.ts';

/**
 * What the scripts in scripts/ share: option parsing, --help, and how a command ends.
 * - a UsageError (how the command was called) prints what is wrong above the help, exit 2;
 * - an InputError (what it was given: a missing, unreadable or oversized file) prints its message, exit 1;
 * - a file-system error naming a path (ENOENT, EACCES, ENAMETOOLONG, …) is such an input problem too;
 * - anything else is unexpected: one line, in English and Danish, with the command, what it was
 *   doing and the error's message, exit 1. The stack trace only with DEBUG=1.
 */

/**
 * A mistake in how a command was called: `new UsageError(bi('angiv højst én mappe', 'Give at most one
 * folder'))`, printed `English — dansk`.
 */
export class UsageError extends Error {
  constructor(message: Bilingual) {
    super(enDa(message));
  }
}

export { InputError, readInputFile };

let current: Bilingual | undefined;

/**
 * Says what the command is doing now (`bi('læste regnearket', 'reading the spreadsheet')`: the
 * Danish as it reads after "mens den"), so an unexpected failure can say where it happened.
 */
export function doing(what: Bilingual): void {
  current = what;
}

/** The command as people type it, from the help's first line ("Usage: npm run new -- …"). */
function commandName(help: string): string {
  return /^Usage:\s+(npm (?:start|test|run [\w:.-]+))/m.exec(help)?.[1] ?? 'the command';
}

/** At most a few hundred characters on one line: the message of an unexpected error can be anything. */
const oneLine = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
};

/** The one line printed for an error that is neither a usage nor an input problem. */
export function unexpectedMessage(help: string, err: unknown, what = current): string {
  const message =
    oneLine(err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err)) ||
    'no message';
  const command = commandName(help);
  const where = what ? bi(` mens den ${what.da}`, ` while ${what.en}`) : bi('', '');
  return enDa(
    bi(
      `${command} stoppede med en uventet fejl${where.da}: ${message}. Kør igen med DEBUG=1 for at se hvor; sker det igen, så meld fejlen med det output`,
      `${command} stopped on an unexpected error${where.en}: ${message}. Run it again with DEBUG=1 to see where; if it persists, report it with that output`,
    ),
  );
}

function report(help: string, err: unknown): number {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${help}`);
    return 2;
  }
  const input = err instanceof InputError ? err : fromSystemError(err);
  if (input) console.error(input.message);
  else console.error(unexpectedMessage(help, err));
  if (process.env.DEBUG === '1' && err instanceof Error) console.error(err.stack);
  return 1;
}

/**
 * Runs a script's main with the process's arguments and sets its exit code (see above). Errors
 * that surface later, outside main's promise (a stream's error event, a timer), end the same way.
 */
export async function runCli(help: string, main: (argv: string[]) => number | Promise<number>): Promise<void> {
  let failed = false;
  const fail = (err: unknown) => {
    // Reporting writes to stderr, which may be what failed: report once, then leave.
    if (!failed) {
      failed = true;
      process.exitCode = report(help, err);
    }
    process.exit();
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // A reader that stops early (npm run wiki:stale | head) closes the pipe: that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      fail(err);
    });
  }
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    process.exitCode = report(help, err);
  }
}

/**
 * node:util's parseArgs explains in English only: what a command line can get wrong, in both
 * languages. Anything else it throws is about the options declared (a bug), not how the command was called.
 */
function parseArgsMessage(err: NodeJS.ErrnoException): Bilingual | undefined {
  const option = /'(-[^' <]*)/.exec(err.message)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return bi(`ukendt tilvalg "${option}"`, `Unknown option "${option}"`);
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(err.message))
      return bi(`${option} tager ingen værdi`, `${option} takes no value`);
    return bi(
      `${option} skal have en værdi (--tilvalg=værdi, når værdien begynder med -)`,
      `${option} needs a value (--option=value when the value starts with -)`,
    );
  }
  return undefined;
}

/**
 * Parses the options (plus -h/--help). With --help it prints the help and returns undefined:
 * the command then exits 0. Positional arguments are refused unless `positionals` is set.
 */
export function parseCli<const O extends ParseArgsOptionsConfig>(
  argv: string[],
  help: string,
  options: O,
  { positionals = false } = {},
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } },
    });
  } catch (err) {
    const message = parseArgsMessage(err as NodeJS.ErrnoException);
    throw message ? new UsageError(message) : err;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(help);
    return undefined;
  }
  if (!positionals && parsed.positionals.length)
    throw new UsageError(
      bi(`uventet argument "${parsed.positionals[0]}"`, `Unexpected argument "${parsed.positionals[0]}"`),
    );
  return parsed;
}

const list = (values: readonly string[], and: string) =>
  values.length > 1 ? `${values.slice(0, -1).join(', ')} ${and} ${values.at(-1)}` : values.join('');

/** The value of an option that takes one of a few words, e.g. --format. */
export function oneOf<const T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(
    bi(`${option} skal være ${list(allowed, 'eller')}`, `${option} must be ${list(allowed, 'or')}, not "${value}"`),
  );
}

/** An option that takes a whole number from min to max (no upper bound when max is left out). */
export function wholeNumber(option: string, value: string | undefined, min: number, max = Infinity): number {
  const n = Number(value);
  if (value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) return n;
  const range =
    max === Infinity ? bi(`${min} eller mere`, `${min} or more`) : bi(`fra ${min} til ${max}`, `from ${min} to ${max}`);
  throw new UsageError(
    bi(
      `${option} skal være et helt tal ${range.da}`,
      `${option} must be a whole number ${range.en}, not "${value ?? ''}"`,
    ),
  );
}

/** A --today option: a real day written YYYY-MM-DD; today (in Denmark) when not given. */
export function dayOption(value: string | undefined): string {
  const day = value ?? isoDay(new Date());
  if (!isCalendarDay(day))
    throw new UsageError(
      bi('--today skal være en dato skrevet ÅÅÅÅ-MM-DD', `--today must be a date written YYYY-MM-DD, not "${day}"`),
    );
  return day;
}

/** The content folder a command works on: the one given, else $CONTENT_DIR or content/; it must exist. */
export function contentFolder(given: string | undefined, command: string): string {
  if (given !== undefined && !given.trim())
    throw new UsageError(
      bi('mappenavnet er tomt; angiv indholdsmappen', 'The folder name is empty; give the content folder'),
    );
  const dir = given ? path.resolve(given) : contentDir();
  if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) return dir;
  if (given)
    throw new UsageError(
      bi(
        'mappen findes ikke; angiv indholdsmappen',
        `${dir}: no such folder. Give the content folder, e.g. npm run ${command} -- content`,
      ),
    );
  throw new UsageError(
    bi(
      'mappen findes ikke; kør kommandoen i sitets mappe, eller sæt CONTENT_DIR til indholdsmappen',
      `${dir}: no such folder. Run npm run ${command} in the site's folder, or set CONTENT_DIR to the content folder`,
    ),
  );
}
