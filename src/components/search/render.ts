export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

/** One result card. Only Pagefind's excerpt is HTML (it escapes the page text and adds <mark>). */
export function renderResult(d: ResultData): HTMLLIElement {
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
  excerpt.innerHTML = d.excerpt;
  li.append(excerpt);
  return li;
}
