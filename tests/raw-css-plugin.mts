import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = '\0atalaya-raw-css:';

/**
 * Vitest answers every CSS import with an empty module, `?raw` included, so the tests saw
 * reports without their stylesheet (report.css?raw). This resolves `.css?raw` to a virtual
 * module holding the file's text — what the production build inlines.
 */
export function rawCss(): Plugin {
  return {
    name: 'atalaya-raw-css',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.endsWith('.css?raw') || !importer) return null;
      // The id must not end in .css, or Vitest's CSS stub would still empty it.
      return `${PREFIX}${resolve(dirname(importer), source.slice(0, -'?raw'.length))}.js`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      return `export default ${JSON.stringify(readFileSync(file, 'utf8'))};`;
    },
  };
}
