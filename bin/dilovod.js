#!/usr/bin/env node
'use strict';
// The CLI runs the TypeScript sources through tsx, so `npx dilovod …` works right after
// `npm install` with no build step (see README, "Why tsx").
require('tsx/cjs');
require('../src/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => { if (typeof code === 'number') process.exitCode = code; })
  .catch((err) => { console.error(err && err.message ? err.message : err); process.exitCode = 70; });
