/** Defaults shared by the command line and the desktop app. */
export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_CONCURRENCY = 48;
