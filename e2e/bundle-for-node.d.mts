export function bundleForNode(entry: string, outName: string): Promise<string>;
