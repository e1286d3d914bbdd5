import { defaultSchema } from 'rehype-sanitize';

/**
 * What Markdown bodies may contain once rendered: GitHub's allow-list (no script, style,
 * iframe, object, event handlers or javascript: URLs), with links limited to web, mail and
 * phone. Heading ids keep their `user-content-` prefix so they cannot clobber page ids.
 */
export const sanitizeSchema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
  },
};
