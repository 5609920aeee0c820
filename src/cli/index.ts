#!/usr/bin/env node
import {main} from './main.js';
import {VERSION} from '../version.js';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: text => void process.stdout.write(text),
  stderr: text => void process.stderr.write(text),
  version: VERSION
});
