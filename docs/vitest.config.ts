import { eduvnProject } from '../vitest.shared.ts';

export default eduvnProject('readme-examples', { include: ['*.test.ts'] });
