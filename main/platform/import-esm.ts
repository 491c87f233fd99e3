/**
 * import() of an ES module from node_modules, at run time. The CLI's build replaces this module
 * with a CommonJS file beside the bundle (scripts/build-cli.mjs): the launcher runs the bundle
 * through vm.Script with V8's code cache, and there import() would need an experimental loader.
 */
export function importEsm<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
