/**
 * The app server's V8 old-space limit. Node sizes it from the machine's memory (about 4 GB on a
 * 24 GB host), so under load the heap grows to a gigabyte of garbage before a full collection runs
 * and the process keeps that memory: bench/lists.ts measured 875 MB RSS after a load whose live
 * heap was 100 MB (heap snapshot). 256 MB keeps RSS under 400 MB at the same throughput.
 * SERVER_HEAP_MB overrides it (raise it for very large PDF batches).
 */
export function serverHeapFlags(env = process.env) {
  const mb = Number(env.SERVER_HEAP_MB ?? 256);
  return Number.isInteger(mb) && mb >= 128 ? [`--max-old-space-size=${mb}`] : [];
}
