import type { ESLint } from 'eslint';

export const LAYERS: Readonly<Record<string, readonly string[]>>;
export function layerOf(relativePath: string): string | undefined;
export const layersPlugin: ESLint.Plugin;
