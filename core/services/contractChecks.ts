// Compile-time checks that the contract's browser-safe copies of core types agree with the originals.
// (The enums need no check: core/db/schema.ts takes its tuples from the contract.)
import type {
  JobSummary as ContractJobSummary,
  LibraryStats as ContractStats,
  ProgressSnapshotData,
  SettingsData,
} from '../contract';
import type { ProgressSnapshot } from '../jobs/progress';
import type { JobSummary } from '../jobs/supervisor';
import type { Settings } from '../library/settings';
import type { LibraryStats } from '../queries/stats';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const contractAgrees: [
  Same<ProgressSnapshotData, ProgressSnapshot>,
  Same<SettingsData, Settings>,
  Same<ContractStats, LibraryStats>,
  Same<ContractJobSummary, JobSummary>,
] = [true, true, true, true];
