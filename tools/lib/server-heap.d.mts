export function serverHeapFlags(env?: Record<string, string | undefined>): string[];
