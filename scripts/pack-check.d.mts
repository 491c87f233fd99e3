export function packAsar(): Promise<string[]>;
export function checkAsarContents(files: readonly string[]): string[];
