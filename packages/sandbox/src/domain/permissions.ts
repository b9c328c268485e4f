import { ApiProblem } from '../server/problem.ts';
import type { Account } from './account.ts';
import type { Directory } from './directory.ts';

/** What a request does to a school's data. */
export type Access = 'read' | 'write';

/**
 * Refuses (403) an account acting outside its scope — a school's account on another school, a
 * Phòng's on a school of another Phòng — or a `khai-thac` (read-only) account writing. The same
 * answer whether or not the school exists, so a scope reveals nothing beyond itself.
 */
export function authorize(
  directory: Directory,
  account: Account,
  truongId: string,
  access: Access,
): void {
  if (!directory.reaches(account.unit.id, truongId)) {
    throw new ApiProblem(
      'forbidden',
      `School ${JSON.stringify(truongId.slice(0, 40))} is outside the scope of this account (${account.unit.kind} ${account.unit.id})`,
      { extensions: { reason: 'out-of-scope' } },
    );
  }
  if (access === 'write' && account.kind !== 'quan-tri') {
    throw new ApiProblem(
      'forbidden',
      'This account is a khai-thac (use) account: it may read within its scope but never write (seed regulation Art. 7)',
      { extensions: { reason: 'read-only-account' } },
    );
  }
}

/** Refuses (403) what only a Sở or Phòng account may read (the audit log, late pushes of many schools). */
export function requireSupervisor(account: Account, what: string): void {
  if (account.unit.kind === 'truong') {
    throw new ApiProblem('forbidden', `Only a Sở or Phòng account may read ${what}`, {
      extensions: { reason: 'supervisors-only' },
    });
  }
}
