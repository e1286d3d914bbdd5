import { describe, expect, it } from 'vitest';
import { langAttrFor, langOfPath, pageContext } from '../../src/site/page-context.ts';
import type { SiteData } from '../../src/site/site-data.ts';

describe('the page context', () => {
  it('takes the page language from the path: English under /en/, Danish elsewhere', () => {
    expect(langOfPath('/en/')).toBe('en');
    expect(langOfPath('/en/members/anne-lund/')).toBe('en');
    expect(langOfPath('/')).toBe('da');
    expect(langOfPath('/medlemmer/')).toBe('da');
    expect(langOfPath('/404.html')).toBe('da');
    expect(langOfPath('/english-welcome/')).toBe('da');
  });

  it('marks only text in the other language with a lang attribute', () => {
    expect(langAttrFor('da')('da')).toBeUndefined();
    expect(langAttrFor('da')('en')).toBe('en');
    expect(langAttrFor('en')('da')).toBe('da');
  });

  it('gives a page its dictionary, the site data and the head the route table gave it', () => {
    const data = { settings: { name: 'Mikronet' } } as unknown as SiteData;
    const head = { title: 'Members', description: undefined, alternate: '/medlemmer/', switchTo: undefined };
    const ctx = pageContext('/en/members/', data, head);
    expect(ctx.lang).toBe('en');
    expect(ctx.t('nav.members')).toBe('Members');
    expect(ctx.data).toBe(data);
    expect(ctx.head).toBe(head);
    expect(ctx.langAttr('da')).toBe('da');
    expect(pageContext('/404.html', data).head).toBeUndefined();
  });
});
