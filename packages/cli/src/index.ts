/**
 * `@eduvn/cli`: the `eduvn` command, a thin shell over the eduvn packages — and its parts, for
 * running it in-process (tests, other tools).
 *
 * @packageDocumentation
 */
export { type DemoOptions, demoCommand } from './commands/demo.ts';
export { eqmsWorkbook } from './commands/eqms.ts';
export { type PushOptions, type PushOutcome, pushRecords } from './commands/push.ts';
export { CliError, type CliIo, type CliOutput } from './io.ts';
export { main } from './main.ts';
export { nodeIo } from './node-io.ts';
export { createProgress, type Progress } from './progress.ts';
export {
  type FileRead,
  type ReadRecordsOptions,
  type ReadRecordsResult,
  readRecords,
  type TaggedRecord,
} from './read-records.ts';
export { VERSION } from './version.ts';
