// Preloaded (`node --require`) into the app server that the launcher starts: when the launcher dies
// without stopping it (kill -9), the server is re-parented and notices within half a second, then
// stops itself as if it got Ctrl-C, freeing its port for the next `npm start`.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 500).unref();
