/**
 * Bounded concurrency in front of the database pool: at most `limit` requests run at once, up to
 * `queueLimit` more wait (first come, first served) for at most `maxWaitMs`; anyone beyond is
 * refused at once. A refused or timed-out caller gets `null` and answers 503 with Retry-After,
 * instead of piling thousands of requests onto a pool of ten connections until they fail with 500s.
 */
export class AdmissionGate {
  private running = 0;
  private readonly waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly limit: number,
    private readonly queueLimit: number,
    private readonly maxWaitMs: number,
  ) {}

  /** A release function once admitted, or null when the gate is full or the wait ran out. */
  enter(): Promise<(() => void) | null> {
    if (this.running < this.limit) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queueLimit) return Promise.resolve(null);
    return new Promise((resolve) => {
      const entry = {
        admit: () => resolve(this.releaser()),
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(entry);
          if (at >= 0) this.waiting.splice(at, 1);
          resolve(null);
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  get load() {
    return { running: this.running, waiting: this.waiting.length };
  }

  private releaser() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.admit(); // the slot passes straight to the next in line
      } else {
        this.running -= 1;
      }
    };
  }
}
