import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import type { Bilingual } from '../../schemas/meta.ts';
import { OPEN_UNTRUSTED, readUpTo } from '../input.ts';
import { fileTooLarge, folderNotFile, notAnOrdinaryFile, notUtf8, symlink } from './messages.ts';

/**
 * Reading a content file that a stranger may have sent: only ordinary files (a symbolic link is
 * never followed, whether it points at a secret on the build machine or at /dev/zero), a size
 * cap checked before reading, and UTF-8 only (other encodings would publish U+FFFD).
 */

/** A member, post or wiki entry is a few KB; this leaves room for long posts and bounds parse time. */
export const MAX_ENTRY_BYTES = 256 * 1024;
/** Settings and taxonomies (98 municipalities are about 10 KB). */
export const MAX_DATA_FILE_BYTES = 1024 * 1024;

export interface FileProblem {
  code: 'symlink' | 'not_a_file' | 'too_large' | 'encoding';
  message: Bilingual;
  line?: number;
}

/** Why a path found in a content folder cannot be read as a file, judged without following it. */
export function entryProblem(stat: fs.Stats): FileProblem | undefined {
  if (stat.isSymbolicLink()) return { code: 'symlink', message: symlink() };
  if (!stat.isFile() && !stat.isDirectory()) return { code: 'not_a_file', message: notAnOrdinaryFile() };
  return undefined;
}

const tooLarge = (size: number, maxBytes: number): FileProblem => ({ code: 'too_large', message: fileTooLarge(size, maxBytes) });

/** The file's text, or why it is refused. */
export function readContentText(abs: string, maxBytes: number): { text: string } | { problem: FileProblem } {
  const stat = fs.lstatSync(abs);
  const problem = entryProblem(stat);
  if (problem) return { problem };
  if (stat.isDirectory()) return { problem: { code: 'not_a_file', message: folderNotFile() } };
  if (stat.size > maxBytes) return { problem: tooLarge(stat.size, maxBytes) };
  // Opened without following a link and read on the handle, with a bound: a file swapped for a link
  // or a pipe since lstat is refused, and one that grew is not read whole.
  let fd: number;
  try {
    fd = fs.openSync(abs, OPEN_UNTRUSTED);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return { problem: { code: 'symlink', message: symlink() } };
    throw err;
  }
  let bytes: Buffer;
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { problem: { code: 'not_a_file', message: notAnOrdinaryFile() } };
    bytes = readUpTo(fd, opened.size, maxBytes);
  } finally {
    fs.closeSync(fd);
  }
  if (bytes.length > maxBytes) return { problem: tooLarge(bytes.length, maxBytes) };
  if (!isUtf8(bytes)) {
    const decoded = bytes.toString('utf8');
    const line = decoded.slice(0, decoded.indexOf('\uFFFD')).split('\n').length;
    return { problem: { code: 'encoding', line, message: notUtf8(line) } };
  }
  const text = bytes.toString('utf8');
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}
