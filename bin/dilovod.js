#!/usr/bin/env node
'use strict';
// `npm install` builds the JavaScript (`prepare` → dist/), and the CLI and `npm start` run it: a
// call costs Node's start-up and the hub's own, not a TypeScript compilation (README, "Start-up
// and memory"). With DILOVOD_FROM_SOURCE=1 (development) the sources run through tsx instead.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
const fromSource = process.env.DILOVOD_FROM_SOURCE === '1';
if (!fromSource && !existsSync(built)) {
  console.error('dilovod: немає зібраного коду (dist/): виконайте `npm ci` або `npm run build`');
  console.error('dilovod: the built code (dist/) is missing: run `npm ci` or `npm run build`');
  process.exit(70);
}
if (fromSource) require('tsx/cjs');

require(fromSource ? '../src/cli/main.ts' : built)
  .main(process.argv.slice(2))
  .then((code) => { if (typeof code === 'number') process.exitCode = code; })
  .catch((err) => { console.error(err && err.message ? err.message : err); process.exitCode = 70; });
