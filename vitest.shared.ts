import { defineProject, type ViteUserConfig } from 'vitest/config';

/**
 * The settings every package's vitest project shares: resolve workspace packages through the
 * `@eduvn/source` export condition (tests run on `src/`, no build needed) and run the package's
 * type tests (`*.test-d.ts`) in the same command.
 */
export function eduvnProject(name: string, extra: ViteUserConfig['test'] = {}): ViteUserConfig {
  return defineProject({
    resolve: { conditions: ['@eduvn/source', 'module', 'browser', 'development|production'] },
    ssr: { resolve: { conditions: ['@eduvn/source', 'module', 'node', 'development|production'] } },
    test: {
      name,
      include: ['src/**/*.test.ts', '*.test.ts'],
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
      // CI runs on two cores shared with PostgreSQL and the other services: a test that takes
      // 1 s alone can take several under load. Time is measured by benchmarks, never by tests.
      testTimeout: 30_000,
      hookTimeout: 30_000,
      ...extra,
    },
  });
}
