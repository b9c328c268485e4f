import { eduvnBuild } from '../../tsup.shared.ts';

export default eduvnBuild({ index: 'src/index.ts', testing: 'src/testing/index.ts' });
