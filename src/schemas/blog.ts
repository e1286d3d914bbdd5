import { z } from 'zod';
import { bi, field, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';

export const blogInfo: CollectionInfo = {
  name: 'blog',
  label: bi('Blog', 'Blog'),
  labelSingular: bi('Indlæg', 'Post'),
  kind: 'folder',
  path: 'blog',
  summaryField: 'title',
  hasBody: true,
  bodyLabel: bi('Indlæg', 'Post'),
};

/** A tag is one lowercase word or hyphenated words; æøå allowed (the tag page's URL transliterates them). */
export const TAG_PATTERN = /^[a-z0-9æøå]+(?:-[a-z0-9æøå]+)*$/;

export function blogSchema() {
  return z
    .object({
      title: f.text({ label: bi('Titel', 'Title') }),
      description: f.longText({
        label: bi('Kort beskrivelse', 'Description'),
        hint: bi(
          'En eller to sætninger til lister, feeds og søgemaskiner.',
          'One or two sentences for lists, feeds and search engines.',
        ),
      }),
      date: f.date({ label: bi('Udgivet', 'Published') }),
      updated: f.date({ label: bi('Opdateret', 'Updated') }).optional(),
      lang: f.lang(),
      authors: f
        .refs('members', {
          label: bi('Forfattere', 'Authors'),
          hint: bi('Bloggere, der er medlemmer.', 'Bloggers who are members.'),
        })
        .optional(),
      guest_author: field(
        z.object({
          name: f.text({ label: bi('Navn', 'Name') }),
          url: f.url({ label: bi('Hjemmeside', 'Website') }).optional(),
        }),
        {
          label: bi('Gæsteblogger', 'Guest author'),
          hint: bi('Udfyld, hvis forfatteren ikke er medlem.', 'Fill in when the author is not a member.'),
          widget: 'object',
        },
      ).optional(),
      tags: field(z.array(z.string().regex(TAG_PATTERN)), {
        label: bi('Emner', 'Tags'),
        hint: bi(
          'Små bogstaver, æøå og bindestreger, fx prissætning eller kon-kolleger.',
          'Lowercase letters (æøå allowed) and hyphens, e.g. pricing or kon-kolleger.',
        ),
        widget: 'list',
      }).optional(),
      cover: f.image({ label: bi('Forsidebillede', 'Cover image'), alt: 'cover_alt' }).optional(),
      cover_alt: f.text({ label: bi('Billedtekst til forsidebillede', 'Cover alt text') }).optional(),
      gallery: field(
        z.array(
          z.object({
            src: f.image({ label: bi('Billede', 'Image'), alt: 'alt' }),
            alt: f.text({ label: bi('Alternativ tekst', 'Alt text') }),
            caption: f.text({ label: bi('Billedtekst', 'Caption') }).optional(),
          }),
        ),
        { label: bi('Billedgalleri', 'Gallery'), hint: bi('Til fotoindlæg.', 'For photo posts.'), widget: 'list' },
      ).optional(),
      book: field(
        z.object({
          title: f.text({ label: bi('Bogens titel', 'Book title') }),
          author: f.text({ label: bi('Bogens forfatter', 'Book author') }),
          isbn: field(z.string().regex(/^(?:97[89][- ]?)?(?:\d[- ]?){9}[\dX]$/), {
            label: bi('ISBN', 'ISBN'),
            widget: 'string',
          }).optional(),
          rating: field(z.number().int().min(1).max(5), {
            label: bi('Karakter (1–5)', 'Rating (1–5)'),
            widget: 'number',
          }).optional(),
        }),
        { label: bi('Boganmeldelse', 'Book review'), widget: 'object' },
      ).optional(),
      translation_of: f
        .ref('blog', {
          label: bi('Oversættelse af', 'Translation of'),
          hint: bi('Indlægget på det andet sprog.', 'The post in the other language.'),
        })
        .optional(),
      draft: f
        .bool({
          label: bi('Kladde', 'Draft'),
          hint: bi('Kladder bliver aldrig udgivet.', 'Drafts are never published.'),
        })
        .optional(),
    })
    .refine(...f.oneOf(['authors', 'guest_author']))
    .refine(...f.requiredWith('cover', 'cover_alt'));
}

export type BlogPost = z.infer<ReturnType<typeof blogSchema>>;
