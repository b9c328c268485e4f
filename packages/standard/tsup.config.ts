import { eduvnBuild } from '../../tsup.shared.ts';

export default eduvnBuild({ index: 'src/index.ts', 'admin-units': 'src/admin-units/index.ts' });
