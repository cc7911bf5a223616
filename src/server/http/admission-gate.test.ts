import { afterEach, describe, expect, it, vi } from "vitest";
import { AdmissionGate } from "./admission-gate";

afterEach(() => vi.useRealTimers());

describe("AdmissionGate", () => {
  it("admits up to the limit, queues up to the queue limit in arrival order, refuses the rest at once", async () => {
    const gate = new AdmissionGate(2, 2, 1_000);
    const a = await gate.enter();
    const b = await gate.enter();
    expect(a && b).toBeTruthy();
    const order: string[] = [];
    const admittedInOrder = (name: string) => (release: (() => void) | null) => {
      order.push(name);
      return release;
    };
    const c = gate.enter().then(admittedInOrder("c"));
    const d = gate.enter().then(admittedInOrder("d"));
    expect(await gate.enter()).toBeNull();
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    a?.();
    a?.(); // releasing twice frees one slot only
    const admittedC = await c;
    expect(admittedC).toBeTypeOf("function");
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    b?.();
    expect(await d).toBeTypeOf("function");
    expect(order).toEqual(["c", "d"]);
    admittedC?.();
    (await d)?.();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it("gives up on a caller that waited too long, and its slot is not lost", async () => {
    vi.useFakeTimers();
    const gate = new AdmissionGate(1, 5, 100);
    const first = await gate.enter();
    const late = gate.enter();
    vi.advanceTimersByTime(101);
    expect(await late).toBeNull();
    first?.();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
    expect(await gate.enter()).toBeTypeOf("function");
  });
});
