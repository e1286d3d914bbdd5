import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import type { Bilingual } from '../../schemas/meta.ts';

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

const kb = (bytes: number) => Math.ceil(bytes / 1024).toLocaleString('en');

export const SYMLINK_MESSAGE: Bilingual = {
  en: 'is a symbolic link; content must be ordinary files inside the content folder, and links are never followed: replace the link with the file itself',
  da: 'er et symbolsk link; indhold skal være almindelige filer i indholdsmappen, og links følges aldrig: erstat linket med selve filen',
};

/** Why a path found in a content folder cannot be read as a file, judged without following it. */
export function entryProblem(stat: fs.Stats): FileProblem | undefined {
  if (stat.isSymbolicLink()) return { code: 'symlink', message: SYMLINK_MESSAGE };
  if (!stat.isFile() && !stat.isDirectory()) {
    return {
      code: 'not_a_file',
      message: { en: 'is not an ordinary file (a device, pipe or socket); remove it', da: 'er ikke en almindelig fil (en enhed, en pipe eller en socket); fjern den' },
    };
  }
  return undefined;
}

const tooLarge = (size: number, maxBytes: number): FileProblem => ({
  code: 'too_large',
  message: {
    en: `is ${kb(size)} KB, and a content file may be at most ${kb(maxBytes)} KB; shorten it (pictures belong in the media folder, not in the text)`,
    da: `fylder ${kb(size)} KB, og en indholdsfil må højst fylde ${kb(maxBytes)} KB; gør den kortere (billeder hører til i mediemappen, ikke i teksten)`,
  },
});

/** The file's text, or why it is refused. */
export function readContentText(abs: string, maxBytes: number): { text: string } | { problem: FileProblem } {
  const stat = fs.lstatSync(abs);
  const problem = entryProblem(stat);
  if (problem) return { problem };
  if (stat.isDirectory()) return { problem: { code: 'not_a_file', message: { en: 'is a folder, not a file', da: 'er en mappe, ikke en fil' } } };
  if (stat.size > maxBytes) return { problem: tooLarge(stat.size, maxBytes) };
  const bytes = fs.readFileSync(abs);
  // The file grew after lstat: still refused, never parsed.
  if (bytes.length > maxBytes) return { problem: tooLarge(bytes.length, maxBytes) };
  if (!isUtf8(bytes)) {
    const decoded = bytes.toString('utf8');
    const line = decoded.slice(0, decoded.indexOf('\uFFFD')).split('\n').length;
    return {
      problem: {
        code: 'encoding',
        line,
        message: {
          en: `is not UTF-8 text (the first character that cannot be read is on line ${line}); save the file as UTF-8 (in most editors: Save as → Encoding: UTF-8)`,
          da: `er ikke UTF-8-tekst (det første tegn, der ikke kan læses, står på linje ${line}); gem filen som UTF-8 (i de fleste programmer: Gem som → Kodning: UTF-8)`,
        },
      },
    };
  }
  const text = bytes.toString('utf8');
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}
