export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

/**
 * One result card. Only Pagefind's excerpt is HTML (it escapes the page text and adds <mark>).
 * Without a query there is nothing to highlight, so a page's own summary reads better.
 */
export function renderResult(d: ResultData, hasQuery: boolean): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'card';
  const h = document.createElement('h3');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  h.append(a);
  li.append(h);
  const facts = [d.filters.type?.[0], d.meta.business, d.meta.place].filter(Boolean).join(' · ');
  if (facts) {
    const p = document.createElement('p');
    p.className = 'meta';
    p.textContent = facts;
    li.append(p);
  }
  const excerpt = document.createElement('p');
  if (!hasQuery && d.meta.summary) excerpt.textContent = d.meta.summary;
  else excerpt.innerHTML = d.excerpt;
  li.append(excerpt);
  return li;
}
