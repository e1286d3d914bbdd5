import { describe, expect, it } from 'vitest';
import type { Nodes, Root } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeCleanBody } from '../../src/lib/sanitize.ts';
import { bodyFindings } from '../../src/lib/content/body-check.ts';

/** Just enough HTML to read a body's tree in an assertion (the project has no HTML serializer of its own). */
const toHtml = (node: Nodes): string => {
  if (node.type === 'text') return node.value;
  if (node.type === 'root') return node.children.map(toHtml).join('');
  if (node.type !== 'element') return '';
  const attrs = Object.entries(node.properties)
    .filter(([, v]) => v !== false && v !== undefined && v !== null)
    .map(([k, v]) =>
      v === true ? ` ${k}` : ` ${k === 'className' ? 'class' : k}="${Array.isArray(v) ? v.join(' ') : v}"`,
    )
    .join('');
  const inner = node.children.map(toHtml).join('');
  return node.tagName === 'input' ? `<input${attrs}>` : `<${node.tagName}${attrs}>${inner}</${node.tagName}>`;
};

/** A Markdown body as the site renders it (the same plugins as astro.config.mjs's processor). */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeCleanBody);
const render = (md: string) => toHtml(processor.runSync(processor.parse(md)) as Root);

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
