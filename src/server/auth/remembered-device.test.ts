import { describe, expect, it } from "vitest";
import { readRememberedDevice, signRememberedDevice } from "./remembered-device";

describe("remembered-device cookie", () => {
  const claim = { userId: "u1", sessionVersion: 2, totpEnabledAtMs: 1000, expiresAtMs: 2000 };

  it("reads back what it signed, and nothing signed with another key or altered", () => {
    const v = signRememberedDevice(claim, "secret-a");
    expect(v && readRememberedDevice(v, "secret-a")).toEqual(claim);
    expect(v && readRememberedDevice(v, "secret-b")).toBeNull();
    const forged = `${Buffer.from(JSON.stringify(["u2", 2, 1000, 2000])).toString("base64url")}.${v?.split(".")[1]}`;
    expect(readRememberedDevice(forged, "secret-a")).toBeNull();
    expect(readRememberedDevice("garbage", "secret-a")).toBeNull();
  });
});
