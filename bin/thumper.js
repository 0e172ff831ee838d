#!/usr/bin/env node
'use strict';
// Runs the built CLI (npm run build first).
const path = require('node:path');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
let cli;
try {
  cli = require(entry);
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes(entry)) {
    process.stderr.write('thumper is not built yet: run `npm run build` in ' + path.join(__dirname, '..') + '\n');
    process.exit(1);
  }
  throw err;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
