/**
 * E-mail addresses are not written into the HTML as text or `mailto:`. They are stored reversed and
 * base64-encoded, and turned back into a link by a click in the browser. This keeps them from
 * harvesters that read HTML for addresses; it does not stop a program that runs the page's script
 * or decodes base64, nor a person (see the README, "Kontaktbeskyttelse / Contact protection").
 */
export function encodeEmail(email: string): string {
  const reversed = [...email].reverse().join('');
  return btoa(String.fromCharCode(...new TextEncoder().encode(reversed)));
}

export function decodeEmail(encoded: string): string {
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  return [...new TextDecoder().decode(bytes)].reverse().join('');
}

/** An address written for people, not for programs that look for one: `kontakt (snabel-a) mikronet (punktum) dk`. */
export function spellEmail(email: string, words: { at: string; dot: string }): string {
  return email.replace(/[@.]/g, (c) => ` (${c === '@' ? words.at : words.dot}) `).trim();
}
