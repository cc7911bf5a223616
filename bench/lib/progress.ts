/** A one-line progress bar on stderr: `label [#####-----] 3/6 step`. */
export function progress(label: string, total: number) {
  let done = 0;
  const t0 = performance.now();
  const draw = (step: string) => {
    const width = 20;
    const filled = Math.round((done / total) * width);
    const seconds = ((performance.now() - t0) / 1000).toFixed(0);
    process.stderr.write(
      `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${seconds}s ${step}`.padEnd(
        100,
      ),
    );
    if (done === total) process.stderr.write("\n");
  };
  draw("");
  return {
    tick(step: string) {
      done += 1;
      draw(step);
    },
    /** Moves the bar to `value` (for work counted in items rather than steps). */
    to(value: number, step: string) {
      done = Math.min(value, total);
      draw(step);
    },
  };
}
