import { maskDigits } from '@eduvn/adapter-kit';
import { Command, CommanderError, Option } from 'commander';
import { hintsOf } from './hints.ts';
import { CliError, type CliIo } from './io.ts';
import { VERSION } from './version.ts';

/**
 * The commands, each loaded when it runs: `eduvn --version` or `eduvn rules` does not load the
 * sandbox, SQLite, the sync engine or the readers.
 */
const commands = {
  catalog: () => import('./commands/catalog.ts'),
  convert: () => import('./commands/convert.ts'),
  demo: () => import('./commands/demo.ts'),
  eqms: () => import('./commands/eqms.ts'),
  inspect: () => import('./commands/inspect.ts'),
  push: () => import('./commands/push.ts'),
  rules: () => import('./commands/rules.ts'),
  sandbox: () => import('./commands/sandbox.ts'),
  validate: () => import('./commands/validate.ts'),
};

function hintOptions(command: Command): Command {
  return command
    .option('--khoi <grade>', 'the grade 1–5 of a KQHT or SMAS file')
    .option('--ky <period>', 'the TT27 period of a KQHT file: GK1, CK1, GK2, CN')
    .option('--nam-hoc <year>', 'the school year, yyyy-yyyy')
    .option('--truong <code>', "the school's code (TRUONG_ID)");
}

/**
 * Runs the `eduvn` command with `argv` (the arguments after the program name) on `io`, and
 * resolves to the exit code: 0 success, 1 a failure (errors in the data, a refused push, a file
 * that cannot be read), 2 a usage error. Never calls `process.exit`: the bin does.
 *
 * @example
 * ```ts
 * import { main, nodeIo } from '@eduvn/cli';
 * process.exitCode = await main(['rules'], nodeIo());
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = new Command('eduvn')
    .description(
      'eduvn — the QĐ 4998 toolkit: validate, convert and push school files, EQMS reports, the sandbox.',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(eduvn --help lists the commands)');

  program
    .command('rules')
    .description('the rule catalog of @eduvn/rules')
    .addOption(
      new Option('--format <format>', 'text, json or markdown')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .addOption(new Option('--lang <lang>', 'message language').choices(['vi', 'en']).default('en'))
    .action(async (opts) => {
      code = (await commands.rules()).rulesCommand(io, opts);
    });

  program
    .command('catalog')
    .description(
      'list the catalogs, or look a code up (administrative units before and after 2025 included)',
    )
    .argument('[name]', 'catalog id, e.g. DM_TINH or tinh')
    .argument('[code]', 'the code to look up')
    .option('--as-of <date>', 'the day the code must be valid on (yyyy-mm-dd)')
    .action(async (name, codeArg, opts) => {
      code = (await commands.catalog()).catalogCommand(io, name, codeArg, opts);
    });

  program
    .command('sandbox')
    .description('start the local city database (@eduvn/sandbox); Ctrl+C stops it')
    .option('--port <n>', 'port (0: any free port)', '4010')
    .option('--host <address>', 'address', '127.0.0.1')
    .option('--db <file>', 'SQLite file kept across restarts (default: in memory)')
    .option('--seed <name>', '"demo": a Sở, a Phòng, two generated schools and their accounts')
    .action(async (opts) => {
      code = await (await commands.sandbox()).sandboxCommand(io, opts);
    });

  hintOptions(
    program
      .command('inspect')
      .description(
        'which adapter reads a file, its header mapping with confidences, sample records (masked)',
      )
      .argument('<file>')
      .option('--adapter <id>', 'inspect with this adapter')
      .option('--rows <n>', 'sample records to show', '3'),
  ).action(async (file, opts) => {
    code = await (await commands.inspect()).inspectCommand(io, file, {
      ...opts,
      rows: Number(opts.rows),
      hints: hintsOf(opts),
    });
  });

  hintOptions(
    program
      .command('validate')
      .description('check files in one call: exit 1 on errors or unacknowledged queries')
      .argument('<files...>')
      .option('--adapter <id>', 'read with this adapter instead of detecting one')
      .option('--as-of <date>', 'the day the data are checked as of (yyyy-mm-dd)')
      .option('--ack <file>', 'a JSON file of acknowledged queries')
      .option(
        '--report <path>',
        'write the report: .json, .xml (JUnit), .html, or .xlsx (each input annotated; out-<input>.xlsx for several)',
      )
      .addOption(
        new Option('--lang <lang>', 'message language').choices(['vi', 'en']).default('en'),
      )
      .option('--max-issues <n>', 'issues to list', '20'),
  ).action(async (files, opts) => {
    code = await (await commands.validate()).validateCommand(io, files, opts);
  });

  hintOptions(
    program
      .command('convert')
      .description('validate a file, then write its records in another layout')
      .argument('<file>')
      .requiredOption(
        '--to <adapter[:template]>',
        'target adapter id, optionally :template.xlsx to fill',
      )
      .option('--adapter <id>', 'read the input with this adapter')
      .option('--out <path>', 'output file')
      .option('--as-of <date>', 'the day the input is validated as of')
      .option('--force', 'convert even when validation finds errors'),
  ).action(async (file, opts) => {
    code = await (await commands.convert()).convertCommand(io, file, opts);
  });

  hintOptions(
    program
      .command('eqms')
      .description('the EQMS report of QĐ 4998 §2.5 computed from the records (JSON or xlsx)')
      .argument(
        '<files...>',
        'spreadsheets, or canonical JSON ({ entity, record } list or a school)',
      )
      .requiredOption('--period <period>', 'dau-nam, giua-nam or cuoi-nam')
      .option('--as-of <date>', 'the day of the report (yyyy-mm-dd)')
      .option('--adapter <id>', 'read with this adapter')
      .option('--out <path>', 'x.json or x.xlsx (default: JSON on stdout)'),
  ).action(async (files, opts) => {
    code = await (await commands.eqms()).eqmsCommand(io, files, opts);
  });

  hintOptions(
    program
      .command('push')
      .description('push the records of files through the durable outbox, with the 48-hour report')
      .argument('<files...>')
      .requiredOption('--to <url>', "the city database's URL")
      .option('--outbox <file>', 'the outbox SQLite file', 'eduvn-outbox.db')
      .option('--adapter <id>', 'read with this adapter')
      .option('--occurred-at <datetime>', 'when the information arose (the deadline runs from it)')
      .option('--confirm', 'confirm a mass change the outbox held'),
  )
    .addHelpText(
      'after',
      '\nCredentials: EDUVN_CLIENT_ID and EDUVN_CLIENT_SECRET, or a prompt on a terminal (never arguments).',
    )
    .action(async (files, opts) => {
      code = await (await commands.push()).pushCommand(io, files, opts);
    });

  program
    .command('demo')
    .description(
      'the whole story with no setup: sandbox, a generated school as vendor files, validate, push, reports',
    )
    .option('--pupils <n>', 'pupils of the generated school', '200')
    .option('--keep', 'keep the temporary folder (its path is printed)')
    .action(async (opts) => {
      code = await (await commands.demo()).demoCommand(io, {
        pupils: Number(opts.pupils),
        keep: opts.keep === true,
      });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors were printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      io.stderr.write(`eduvn: ${maskDigits(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr.write(`eduvn: ${maskDigits((error as Error)?.message ?? String(error))}\n`);
    return 1;
  }
}
