#!/usr/bin/env node
import module from 'node:module';
import {VERSION} from '../version.js';

// V8's compile cache keeps the bundle's compiled code between runs where Node has it (≥ 22.1; a
// no-op on Node 20); NODE_DISABLE_COMPILE_CACHE=1 turns it off.
(module as {enableCompileCache?: () => unknown}).enableCompileCache?.();

const argv = process.argv.slice(2);
// `--version` answers before the rest of imagegate is loaded (a start-up every wrapper pays).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`imagegate ${VERSION}\n`);
} else {
  const {main} = await import('./main.js');
  // stdout carries the result alone (text, or the --json document); workflow commands that
  // @actions/core writes to stdout and any other chatter belong to the log on stderr.
  const result = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  process.exitCode = await main(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: text => void result(text),
    stderr: text => void process.stderr.write(text),
    version: VERSION
  });
}
