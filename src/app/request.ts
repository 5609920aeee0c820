// What a run is asked to do, whichever entry point asked: the CLI parses argv into it, the action
// its inputs. Everything else the run needs comes from the run environment and the services.

import type {Overrides} from '../core/config/overrides.js';
import type {StepKind} from '../core/trust.js';
import type {Fact, Scenario} from '../core/scenario.js';

export const COMMANDS = [
  'plan',
  'run',
  'check',
  'gate',
  'merge',
  'promote',
  'release',
  'verify',
  'cleanup',
  'setup',
  'doctor'
] as const;
export type Command = (typeof COMMANDS)[number];

export interface RunRequest {
  command: Command;
  /** The working directory: relative paths of the request start here. */
  cwd: string;
  /** The configuration file, relative to `cwd` (default `.imagegate.yml`). */
  config?: string;
  /** An explicit scenario (a flag, an input, or the command itself), with where it came from. */
  scenario?: Fact<Scenario>;
  /** A sub-action's fixed step: its scenario follows from the event (components/gate, components/promote). */
  step?: StepKind;
  /** How many independent images build and test at once. */
  parallel: number;
  /** Write JUnit XML of the in-image tests here. */
  junit?: string;
  /** Split builds: build and test only this platform. */
  platform?: string;
  /** Where `gate --platform` writes its records and `merge` reads them (relative to `cwd`). */
  records?: string;
  /** A buildx builder to build with. */
  builder?: string;
  /** `verify REF`: the reference to check; `doctor REF`: production's builder. */
  target?: string;
  /** `cleanup --older-than`, in milliseconds. */
  olderThanMs?: number;
  /** `cleanup --unrecorded`: a staging tag without a staging record is kept, or judged by its image's `created`. */
  unrecorded?: Unrecorded;
  /** `setup --tools cosign,pack`. */
  tools?: string;
  /** The workflow's opt-in for pull_request_target pushes (an action input); else the environment's. */
  allowPullRequestTargetPush?: boolean;
  /** `--registry`, `--image`, `--platforms`, `--release-version`: the configuration as this run changes it. */
  overrides?: Overrides;
}

export const DEFAULT_PARALLEL = 2;
export type Unrecorded = 'keep' | 'created';

export const DEFAULT_CLEANUP_AGE_MS = 24 * 3600 * 1000;
