import { eduvnProject } from '../vitest.shared.ts';

export default eduvnProject('docs', { include: ['*.test.ts'] });
