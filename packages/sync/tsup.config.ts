import { eduvnBuild } from '../../tsup.shared.ts';

export default eduvnBuild({
  index: 'src/index.ts',
  sqlite: 'src/sqlite.ts',
  postgres: 'src/postgres.ts',
  testing: 'src/testing.ts',
});
