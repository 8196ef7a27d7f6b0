// Runs the compiled build (`npm run build` → dist/): maps the `@pc/*` aliases of tsconfig.base.json to
// their compiled files, as tools/register.js does for the TypeScript sources. No TypeScript at run time.
const Module = require('node:module');
const path = require('node:path');
const { compilerOptions } = require('../tsconfig.base.json');

const DIST = path.join(__dirname, '..', 'dist');
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(DIST, target.replace(/\.ts$/, '.js'))]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};
