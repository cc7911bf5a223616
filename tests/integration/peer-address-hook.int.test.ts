import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// tools/lib/peer-address.cjs is preloaded into `next start`; check it in a child process of its own
// so the patched http.Server never leaks into this test worker.
const hook = path.resolve(__dirname, "../../tools/lib/peer-address.cjs");
const server = `
const http = require("node:http");
const s = http.createServer((req, res) => {
  res.end(JSON.stringify({ peer: req.headers["x-comptoir-peer-address"], marked: globalThis[Symbol.for("comptoir.peer-address-header")] }));
});
s.listen(0, "127.0.0.1", async () => {
  const { port } = s.address();
  const r = await fetch("http://127.0.0.1:" + port + "/", { headers: { "x-comptoir-peer-address": "6.6.6.6", "x-forwarded-for": "7.7.7.7" } });
  process.stdout.write(await r.text());
  s.close();
});`;

describe("peer-address hook", () => {
  it("overwrites a forged peer header with the socket address and marks the process", async () => {
    const child = spawn(process.execPath, ["--require", hook, "-e", server]);
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    await new Promise((resolve) => child.on("exit", resolve));
    expect(JSON.parse(out)).toEqual({ peer: "127.0.0.1", marked: "x-comptoir-peer-address" });
  });
});
