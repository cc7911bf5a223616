// Preloaded into `next start` / `next dev` (node --require) by tools/launch.mjs and tools/e2e-server.mjs.
// Next.js does not expose the socket address to route handlers or server actions, and it only fills
// X-Forwarded-For with it when the client sent none, so a client can always write its own. This hook
// copies the TCP peer of every request into a header, overwriting whatever the client sent under that
// name, and marks the process so the app knows the header can be trusted (src/server/http/request-context.ts).
const http = require("node:http");

const HEADER = "x-comptoir-peer-address";
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, req, ...rest) {
  if (event === "request" && req && typeof req === "object" && req.headers) {
    req.headers[HEADER] = req.socket?.remoteAddress ?? "";
  }
  return emit.call(this, event, req, ...rest);
};
globalThis[Symbol.for("comptoir.peer-address-header")] = HEADER;
