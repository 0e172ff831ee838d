// Compile-time checks that the contract's browser-safe copies of core types agree with the originals.
import type {
  Category,
  ImageState,
  JobSummary as ContractJobSummary,
  LibraryStats as ContractStats,
  ProgressSnapshotData,
  SettingsData,
  SuggestionState,
} from '../contract';
import type * as schema from '../db/schema';
import type { ProgressSnapshot } from '../jobs/progress';
import type { JobSummary } from '../jobs/supervisor';
import type { Settings } from '../library/settings';
import type { LibraryStats } from '../queries/stats';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const contractAgrees: [
  Same<Category, schema.Category>,
  Same<ImageState, schema.ImageState>,
  Same<SuggestionState, schema.SuggestionState>,
  Same<ProgressSnapshotData, ProgressSnapshot>,
  Same<SettingsData, Settings>,
  Same<ContractStats, LibraryStats>,
  Same<ContractJobSummary, JobSummary>,
] = [true, true, true, true, true, true, true];
