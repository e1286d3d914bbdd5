import fs from 'node:fs';
import { bi, enDa, type Bilingual } from '../schemas/meta.ts';
import { displayPath } from './content/paths.ts';

/**
 * Problems with what a command was given to read or write — a file that is missing, a folder, a
 * link, too large, not text — as opposed to mistakes in how the command was called (UsageError)
 * and to bugs. runCli prints their message and exits 1, without a stack trace.
 */
export class InputError extends Error {
  readonly bilingual: Bilingual;
  readonly file?: string;
  constructor(message: Bilingual, file?: string) {
    super(`${file ? `${displayPath(file)}: ` : ''}${enDa(message)}`);
    this.bilingual = message;
    this.file = file;
  }
}

/** What the operating system's refusals mean, for the codes a file name or a file can cause. */
const SYSTEM_ERRORS: Record<string, Bilingual> = {
  ENOENT: bi('filen eller mappen findes ikke', 'no such file or folder'),
  ENOTDIR: bi('en del af stien er en fil, ikke en mappe', 'part of this path is a file, not a folder'),
  EISDIR: bi('dette er en mappe, ikke en fil', 'this is a folder, not a file'),
  EEXIST: bi('findes allerede', 'exists already'),
  EACCES: bi('adgang nægtet; tjek ejer og rettigheder', 'permission denied; check who owns it and its permissions'),
  EPERM: bi('handlingen er ikke tilladt her', 'the operation is not permitted here'),
  ENAMETOOLONG: bi(
    'navnet eller stien er for lang til filsystemet; vælg en kortere',
    'the name or path is too long for the file system; choose a shorter one',
  ),
  ELOOP: bi(
    'et symbolsk link, der peger i ring, eller et link, hvor der skulle være en fil',
    'a symbolic link that points in a circle, or a link where a file was expected',
  ),
  ENOSPC: bi('disken er fuld', 'the disk is full'),
  EROFS: bi('filsystemet er skrivebeskyttet', 'the file system is read-only'),
  EMFILE: bi('for mange åbne filer', 'too many open files'),
  EBUSY: bi('optaget (i brug af et andet program)', 'busy (in use by another program)'),
  EINVAL: bi(
    'ikke et gyldigt navn eller en gyldig handling for filsystemet',
    'not a valid name or operation for the file system',
  ),
  EILSEQ: bi(
    'navnet indeholder tegn, som filsystemet ikke kan gemme',
    'the name holds characters the file system cannot store',
  ),
};

/** A file-system error (ENOENT, EACCES, ENAMETOOLONG, …) as an InputError naming the path; undefined for anything else. */
export function fromSystemError(err: unknown): InputError | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, path: file, dest } = err as NodeJS.ErrnoException & { dest?: string };
  const known = code ? SYSTEM_ERRORS[code] : undefined;
  if (!known || typeof file !== 'string') return undefined;
  return new InputError(known, dest ?? file);
}

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1).replace(/\.0+$/, '')} MB`;

/** Flags for opening a file that a stranger may have replaced by a link or a pipe since it was looked at. */
export const OPEN_UNTRUSTED = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/**
 * An open file's bytes, at most one byte past `maxBytes` (`size` is what fstat said): a file that
 * grows while it is read is never read whole, and a result longer than `maxBytes` says it grew.
 */
export function readUpTo(fd: number, size: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // A first chunk of the size fstat gave, then more only while the file keeps growing.
  for (let want = Math.min(size, maxBytes) + 1; total <= maxBytes; want = Math.min(64 * 1024, maxBytes + 1 - total)) {
    const chunk = Buffer.alloc(want);
    const n = fs.readSync(fd, chunk, 0, want, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/**
 * The bytes of a file the user named, if it is a regular file (not a link, folder, device or
 * pipe) of at most `maxBytes`; otherwise an InputError that says which and what to do.
 * The file is opened without following a final symbolic link and checked on the open handle,
 * so what is checked is what is read.
 */
export function readInputFile(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // O_NOFOLLOW makes a link fail with ELOOP instead of opening what it points at; where the
    // platform lacks it, the lstat below still refuses links.
    if (fs.lstatSync(file).isSymbolicLink()) throw Object.assign(new Error('link'), { code: 'ELOOP' });
    fd = fs.openSync(file, OPEN_UNTRUSTED);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      throw new InputError(
        bi('er et symbolsk link; angiv selve filen', 'is a symbolic link; give the file itself'),
        file,
      );
    if (code === 'ENOENT')
      throw new InputError(
        bi('filen findes ikke; tjek navnet og mappen', 'no such file; check the name and the folder'),
        file,
      );
    throw fromSystemError(err) ?? err;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(bi('er en mappe; angiv en fil', 'is a folder; give a file'), file);
    if (!stat.isFile())
      throw new InputError(
        bi(
          'er ikke en almindelig fil (en enhed, et rør eller en socket); angiv en fil',
          'is not a regular file (a device, pipe or socket); give a file',
        ),
        file,
      );
    if (stat.size > maxBytes) {
      throw new InputError(
        bi(
          `fylder ${megabytes(stat.size)}; grænsen er ${megabytes(maxBytes)}. Del den op i mindre filer`,
          `is ${megabytes(stat.size)}; the limit is ${megabytes(maxBytes)}. Split it into smaller files`,
        ),
        file,
      );
    }
    const bytes = readUpTo(fd, stat.size, maxBytes);
    if (bytes.length > maxBytes)
      throw new InputError(
        bi(`er større end grænsen på ${megabytes(maxBytes)}`, `is larger than ${megabytes(maxBytes)}, the limit`),
        file,
      );
    return bytes;
  } catch (err) {
    throw fromSystemError(err) ?? err;
  } finally {
    fs.closeSync(fd);
  }
}
