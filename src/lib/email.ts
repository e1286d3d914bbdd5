/**
 * E-mail addresses never appear in the HTML as text or `mailto:`. They are stored reversed and
 * base64-encoded, and turned back into a link by a click in the browser.
 */
export function encodeEmail(email: string): string {
  const reversed = [...email].reverse().join('');
  return btoa(String.fromCharCode(...new TextEncoder().encode(reversed)));
}

export function decodeEmail(encoded: string): string {
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  return [...new TextDecoder().decode(bytes)].reverse().join('');
}
