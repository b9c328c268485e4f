import { eduvnProject } from '../../../vitest.shared.ts';

// The conformance suite's hostile workbooks (10,000-character cells in every one of the KQHT
// layout's 43 columns) and the round-trip properties take seconds on a loaded machine.
export default eduvnProject('adapter-moet', { testTimeout: 30_000 });
