import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  // Keep Vietnamese text as UTF-8 instead of \u escapes: smaller bundles, readable output.
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
});
