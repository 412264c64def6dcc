#!/usr/bin/env node
'use strict';
require('tsx/cjs');
require('../bench/main.ts')
  .main(process.argv.slice(2))
  .catch((err) => { console.error(err); process.exitCode = 1; });
