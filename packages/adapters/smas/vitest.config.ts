import { eduvnProject } from '../../../vitest.shared.ts';

// The conformance suite's hostile workbook (10,000-character cells under a 45-column header) takes
// adapter-kit's header search a few seconds on a loaded machine: more than vitest's default 5 s.
export default eduvnProject('adapter-smas', { testTimeout: 30_000 });
