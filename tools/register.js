// Runs the TypeScript sources directly (SWC, with decorator metadata) and resolves the
// `@pc/*` aliases of tsconfig.base.json. Used by every npm script: `node -r ./tools/register.js`.
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
