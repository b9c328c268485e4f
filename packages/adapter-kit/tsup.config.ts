import type { Options } from 'tsup';
import { eduvnBuild } from '../../tsup.shared.ts';

const node = eduvnBuild({ index: 'src/index.ts', testing: 'src/testing/index.ts' }) as Options;

/**
 * Two builds of the same sources. For Node (ESM + CJS + types), `#platform` resolves to
 * `src/platform/node.ts` (`node:zlib`, `node:fs`). For browsers (`dist/browser/index.js`, the
 * `browser` export condition; the types are the Node build's), it resolves to
 * `src/platform/web.ts` (`DecompressionStream`, no Node built-in).
 */
const builds: Options[] = [
  { ...node, clean: ['!browser/**'] },
  {
    ...node,
    entry: { index: 'src/index.ts' },
    outDir: 'dist/browser',
    platform: 'browser',
    format: ['esm'],
    dts: false,
    clean: true,
  },
];
export default builds;
