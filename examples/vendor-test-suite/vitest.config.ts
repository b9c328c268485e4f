import { eduvnProject } from '../../vitest.shared.ts';

export default eduvnProject('example-vendor-test-suite', { setupFiles: ['./vitest.setup.ts'] });
