export function packAsar(): Promise<string[]>;
export function checkAsarContents(files: readonly string[]): string[];
export const REQUIRED_FUSES: Readonly<Record<string, boolean>>;
export function checkFuses(config: { electronFuses?: unknown }): string[];
