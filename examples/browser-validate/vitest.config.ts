import { eduvnProject } from '../../vitest.shared.ts';

export default eduvnProject('example-browser-validate');
