// Maps the `@pc/*` aliases of tsconfig.base.json for jest.
const { compilerOptions } = require('../tsconfig.base.json');
const path = require('node:path');

exports.pathsToModuleNameMapper = () =>
  Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, path.join(__dirname, '..', target)]));
