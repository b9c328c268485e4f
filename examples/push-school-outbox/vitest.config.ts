import { eduvnProject } from '../../vitest.shared.ts';

export default eduvnProject('example-push-school-outbox');
