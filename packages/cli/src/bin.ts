#!/usr/bin/env node
/**
 * `eduvn`: the command line of the eduvn SDK (see `eduvn --help`).
 *
 * @module
 */
import { main } from './main.ts';
import { nodeIo } from './node-io.ts';

main(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eduvn: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
