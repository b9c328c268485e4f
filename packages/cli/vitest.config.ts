import { eduvnProject } from '../../vitest.shared.ts';

export default eduvnProject('cli', { testTimeout: 60_000, hookTimeout: 60_000 });
