export function packAsar(): Promise<{ files: string[]; unpacked: string[] }>;
export function checkAsarContents(files: readonly string[]): string[];
