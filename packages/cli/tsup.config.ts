import { eduvnBuild } from '../../tsup.shared.ts';

export default eduvnBuild({ index: 'src/index.ts', bin: 'src/bin.ts' });
