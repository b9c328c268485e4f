import { eduvnProject } from '../../vitest.shared.ts';

export default eduvnProject('example-clean-class-list');
