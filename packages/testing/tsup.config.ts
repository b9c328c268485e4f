import { eduvnBuild } from '../../tsup.shared.ts';

export default eduvnBuild({
  index: 'src/index.ts',
  vitest: 'src/vitest.ts',
  sandbox: 'src/sandbox-entry.ts',
});
