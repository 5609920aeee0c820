// The assertions of a test as the rest of imagegate reads them (see check-schema.ts).

export interface TextExpect {
  contains: string[];
  notContains: string[];
  /** A regular expression (multi-line). */
  matches?: string;
  equals?: string;
}

export interface Expect {
  /** The exit codes that pass. */
  exitCodes: number[];
  stdout?: TextExpect;
  stderr?: TextExpect;
}

export interface FileCheck {
  name: string;
  path: string;
  exists: boolean;
  type?: 'file' | 'directory' | 'symlink';
  /** Permission bits (with setuid, setgid, sticky). */
  mode?: number;
  uid?: number;
  gid?: number;
  /** A symbolic link's target, as written in the link. */
  target?: string;
  content?: TextExpect;
  minSize?: number;
  maxSize?: number;
  platforms?: string[];
}

export interface MetadataCheck {
  user?: string;
  nonRoot?: boolean;
  workdir?: string;
  /** A value it must have, or true (set) / false (not set). */
  env: Record<string, string | boolean>;
  /** `8080/tcp` */
  exposedPorts: string[];
  labels: Record<string, string>;
  entrypoint?: string[];
  cmd?: string[];
  healthcheck?: boolean;
  stopSignal?: string;
  /** true: the platform tested; a platform: that one. */
  platform?: boolean | string;
  platforms?: string[];
}
