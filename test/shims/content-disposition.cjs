// Jest on Node 20 cannot require() an ES module from CommonJS, and @fastify/static (CJS)
// requires content-disposition 3 (ESM) only for reply.download(), which Accompany never
// uses. Tests map the package to this stand-in; production loads the real one.
'use strict';
exports.create = function create(filename) {
  return `attachment; filename="${String(filename).replace(/["\\]/g, '')}"`;
};
exports.parse = function parse() {
  throw new Error('content-disposition parse is not available in tests');
};
