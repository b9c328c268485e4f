import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'admin-units': 'src/admin-units/index.ts' },
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
