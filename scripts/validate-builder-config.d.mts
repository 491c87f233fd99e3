export function validateBuilderConfig(file: string): Promise<{ config: Record<string, unknown>; problems: string[] }>;
