#!/usr/bin/env node
import {main} from './main.js';
import {VERSION} from '../version.js';

// stdout carries the result alone (text, or the --json document); workflow commands that
// @actions/core writes to stdout and any other chatter belong to the log on stderr.
const result = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: text => void result(text),
  stderr: text => void process.stderr.write(text),
  version: VERSION
});
