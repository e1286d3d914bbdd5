import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { rehypeCleanBody } from '../../src/lib/sanitize.ts';
import { bodyFindings } from '../../src/lib/content/body-check.ts';

/** A Markdown body as the site renders it (the same plugins as astro.config.mjs's processor). */
const render = (md: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeCleanBody)
      .use(rehypeStringify)
      .processSync(md),
  );

describe('task lists in a body', () => {
  it('names each checkbox by its item: the box and the text after it are one label', () => {
    const html = render('- [ ] Send the **invoice** by [mail](https://example.dk)\n- [x] Pay VAT\n');
    expect(html).toContain(
      '<label><input type="checkbox" disabled> Send the <strong>invoice</strong> by <a href="https://example.dk">mail</a></label>',
    );
    expect(html).toContain('<label><input type="checkbox" checked disabled> Pay VAT</label>');
  });

  it('ends the label at a nested list, and labels the nested items too', () => {
    const html = render('- [ ] Year end\n  - [ ] Count the stock\n');
    expect(html).toMatch(/<label><input type="checkbox" disabled> Year end\s*<\/label>\s*<ul/);
    expect(html).toContain('<label><input type="checkbox" disabled> Count the stock</label>');
  });

  it('labels the items of a loose list inside their paragraph', () => {
    expect(render('- [ ] One\n\n- [x] Two\n')).toContain('<p><label><input type="checkbox" disabled> One</label></p>');
  });

  it('still removes a picture from elsewhere inside a task item', () => {
    const html = render('- [ ] See ![x](https://tracker.example/x.png)\n');
    expect(html).not.toContain('tracker.example');
    expect(html).toContain('<label><input type="checkbox" disabled> See </label>');
  });

  it('gives the content check nothing to report about a task list', () => {
    expect(bodyFindings('- [ ] One\n- [x] Two\n  - [ ] Three\n\n1. [ ] Four\n')).toEqual([]);
  });
});
