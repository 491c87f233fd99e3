'use strict';
/**
 * The CommonJS wrapper around the CLI bundle, shared by the launcher that runs it with V8's code
 * cache and by the build that writes that cache: the cache only fits the exact same source text.
 */
function wrapBundle(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

module.exports = { wrapBundle };
