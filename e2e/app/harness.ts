// Everything the specs run in the test process, bundled by global-setup.ts into one ES module:
// Node cannot import the catalog's JSON (no import attribute) from TypeScript sources directly.
export { startDesktopMain, type DesktopApp } from './desktop-main';
export { startWorld, TEST_ISSUER, type Scenario, type World } from '../fake-internet/world';
