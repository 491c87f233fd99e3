#!/usr/bin/env node
'use strict';
// The CLI is bundled into one file by `npm run build:cli`; it sets up its resolver environment
// itself before anything else runs (main/cli/prepare-environment.ts).
require('../out/cli/sync-doctor.cjs');
