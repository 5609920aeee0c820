// One bundle for the root action and the node sub-actions, main and post: the file the runner starts
// says which sub-action it is (dist/action/gate.js, promote.js are two-line wrappers made by the build).
import * as core from '@actions/core';
import {basename} from 'node:path';
import {runAction, STATE, type Entry} from './main.js';
import {runPost} from './post.js';

const ENTRIES: Record<string, Entry> = {'gate.js': 'gate', 'promote.js': 'promote'};

if (core.getState(STATE.post) === 'true') await runPost();
else await runAction(ENTRIES[basename(process.argv[1] ?? '')] ?? 'run');
