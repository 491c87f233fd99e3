export const SCANNER_PACKAGE: string;
export const SCANNER_LOCK_DIR: string;
export const SCANNER_INSTALL_DIR: string;
export function lockProblems(lock: unknown): string[];
export function installedScanner(installDir: string, lockText: string): string | undefined;
export function ensureScanner(
  installDir?: string,
  lockDir?: string,
): { entry: string; problem?: undefined } | { problem: string; entry?: undefined };
