import { describe, expect, it } from 'vitest';
import { decodeEmail, encodeEmail, spellEmail } from '../../src/lib/email.ts';

describe('e-mail protection', () => {
  it('stores an address so that neither it nor its @ is in the HTML, and gets it back', () => {
    for (const address of ['kontakt@mikronet.dk', 'søren.ærø@åby.example']) {
      const encoded = encodeEmail(address);
      expect(encoded).not.toContain('@');
      expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(decodeEmail(encoded)).toBe(address);
    }
  });

  it('spells an address out for people, with the words of their language', () => {
    expect(spellEmail('kontakt@mikronet.dk', { at: 'snabel-a', dot: 'punktum' })).toBe(
      'kontakt (snabel-a) mikronet (punktum) dk',
    );
    expect(spellEmail('anne.lund@firma.co.uk', { at: 'at', dot: 'dot' })).toBe(
      'anne (dot) lund (at) firma (dot) co (dot) uk',
    );
  });

  it('round-trips an address, æøå included, without the address in the encoded form', () => {
    const email = 'søren.ærø@eksempel.dk';
    const encoded = encodeEmail(email);
    expect(encoded).not.toContain('@');
    expect(encoded).not.toContain('eksempel');
    expect(decodeEmail(encoded)).toBe(email);
  });
});
