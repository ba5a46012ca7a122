#!/usr/bin/env node
// Entry point of the `msp-docs` command line; the code is the bundle built by `npm run build`.
require('../dist/cli.js').main();
