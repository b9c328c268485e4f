import { defineConfig } from 'vitest/config';

/**
 * One vitest project per workspace package (each package has its own `vitest.config.ts`).
 * `pnpm test:unit` runs them all, type tests (`*.test-d.ts`) included.
 */
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/adapters/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'docs/vitest.config.ts',
    ],
  },
});
