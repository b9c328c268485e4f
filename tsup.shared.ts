import { defineConfig, type Options } from 'tsup';

/**
 * The build every package shares: ESM + CJS + `.d.ts`, source maps, tree-shaken ES2022, Vietnamese
 * text kept as UTF-8 (not `\u` escapes: smaller bundles, readable output). `entry` as tsup takes it.
 */
export function eduvnBuild(entry: NonNullable<Options['entry']>): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'es2022',
    esbuildOptions(options) {
      options.charset = 'utf8';
    },
  });
}
