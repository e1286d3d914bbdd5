/** What Pagefind gives for one result (`result.data()`), as far as the cards use it. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

/** A result card's content, before it becomes HTML: the same parts as MemberCard.astro's. */
export interface Card {
  href: string;
  title: string;
  /** Members: the business name. */
  business?: string;
  /** Members: the municipality; other content: its type, and its place when it has one. */
  meta?: string;
  /** Members: their trades, as chips. */
  chips: string[];
  /** Pagefind's excerpt (HTML: the page text escaped, hits in <mark>), when there is a query. */
  excerptHtml?: string;
  /** A page's own summary, when there is no query to highlight. */
  summary?: string;
}

export interface CardOptions {
  hasQuery: boolean;
  /** The label of the member type in this language ("Medlem"): such results get the member card. */
  memberType: string;
  /** True where every result has the same type (the directory): the type is then not repeated on each card. */
  scoped: boolean;
}

/** The card for one result: a member like MemberCard.astro, anything else with its type and excerpt. */
export function toCard(d: ResultData, o: CardOptions): Card {
  const type = d.filters.type?.[0];
  const card: Card = { href: d.url, title: d.meta.title ?? d.url, chips: [] };
  if (type === o.memberType) {
    if (d.meta.business) card.business = d.meta.business;
    const meta = [o.scoped ? undefined : type, d.meta.place].filter(Boolean).join(' · ');
    if (meta) card.meta = meta;
    card.chips = d.filters.trade ?? [];
    if (o.hasQuery) card.excerptHtml = d.excerpt;
    return card;
  }
  const meta = [o.scoped ? undefined : type, d.meta.place].filter(Boolean).join(' · ');
  if (meta) card.meta = meta;
  if (!o.hasQuery && d.meta.summary) card.summary = d.meta.summary;
  else card.excerptHtml = d.excerpt;
  return card;
}

/** The card as DOM, the markup of MemberCard.astro. Only the excerpt is HTML (Pagefind escapes it). */
export function renderCard(c: Card, doc: Document = document): HTMLLIElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const li = el('li', 'card');
  const h = el('h3');
  const a = el('a', undefined, c.title);
  a.href = c.href;
  h.append(a);
  li.append(h);
  if (c.business) li.append(el('p', undefined, c.business));
  if (c.meta) li.append(el('p', 'meta', c.meta));
  if (c.chips.length > 0) {
    const ul = el('ul', 'chips');
    for (const chip of c.chips) ul.append(el('li', 'chip', chip));
    li.append(ul);
  }
  if (c.summary) li.append(el('p', 'excerpt', c.summary));
  else if (c.excerptHtml) {
    const p = el('p', 'excerpt');
    p.innerHTML = c.excerptHtml;
    li.append(p);
  }
  return li;
}
