import { defineConfig, type Plugin } from 'vite';

/**
 * The production page may not make any request but for its own files: `connect-src 'none'`
 * forbids fetch, XHR, WebSocket and beacons (the dev server keeps its HMR socket). Scripts come
 * from the page's own files only; `'unsafe-eval'` lets the readers and validators compile their
 * row makers with `new Function` (they fall back without it, but each refusal logs an error).
 */
const noNetwork: Plugin = {
  name: 'eduvn-no-network',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content:
          "default-src 'self'; script-src 'self' 'unsafe-eval'; connect-src 'none'; form-action 'none'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
      },
      injectTo: 'head-prepend',
    },
  ],
};

export default defineConfig({
  // Workspace packages from their TypeScript sources (no build needed), in their browser form:
  // @eduvn/adapter-kit's `#platform` is then its DecompressionStream implementation.
  resolve: { conditions: ['@eduvn/source', 'browser', 'module', 'development|production'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  plugins: [noNetwork],
});
