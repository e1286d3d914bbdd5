import type { Plugin } from 'vite';

/**
 * Emotion's Babel plugin left base64 source maps inside the CSS strings of Decap's ES modules
 * (and of react-select and @emotion itself): about 4.5 MB of the admin bundle that no browser uses.
 * They are CSS comments, so removing them changes no style. Site pages never load these modules.
 */
const INLINE_MAP = /\/\*# sourceMappingURL=data:application\/json;charset=utf-8;base64,[A-Za-z0-9+/=]+ \*\//g;

export function stripInlineSourceMaps(): Plugin {
  return {
    name: 'mikronet:strip-inline-source-maps',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/node_modules/') || !code.includes('sourceMappingURL=data:')) return null;
      const stripped = code.replace(INLINE_MAP, '');
      return stripped === code ? null : { code: stripped, map: null };
    },
  };
}
