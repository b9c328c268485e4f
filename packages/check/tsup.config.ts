import { eduvnBuild } from '../../tsup.shared.ts';

export default eduvnBuild(['src/index.ts']);
