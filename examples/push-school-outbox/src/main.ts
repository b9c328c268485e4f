/**
 * Run: `pnpm --filter @eduvn/example-push-school-outbox start`.
 *
 * Pushes a generated school to a local city database (the sandbox, on SQLite in a temporary
 * folder, over HTTP on a free port) through the durable SQLite outbox of `@eduvn/sync`, with a
 * 503 and a lost answer injected on the way, then prints the 48-hour deadline report. Leaves
 * nothing behind.
 */
import { formatDeadlineReport, pushSchool, writesByRecord } from './push-school.ts';

const result = await pushSchool({
  faults: ['status=503', 'drop-after'],
  log: (line) => console.log(line),
});

console.log('\nBefore the worker ran (pupils were entered 40 hours ago):');
for (const line of formatDeadlineReport(result.before)) console.log(line);
console.log('\nAfter:');
for (const line of formatDeadlineReport(result.after)) console.log(line);

console.log('\nFaults injected:');
for (const f of result.faultsInjected) console.log(`  ${f.directive}: ${f.outcome}`);
const byClient = result.retries.filter((r) => r.by === 'client').length;
const byOutbox = result.retries.length - byClient;
console.log(`  retried by the client ${byClient} time(s), by the outbox ${byOutbox} time(s)`);
const writes = writesByRecord(result.serverChanges);
const twice = [...writes.values()].filter((n) => n > 1).length;
console.log(
  `The city database holds ${writes.size} records and events for ${result.enqueued} changes enqueued; ${twice} written twice.`,
);
