// One process at a time per data folder: a lock file holding the owner's pid. A lock left by a dead
// process (kill -9, crash) is taken over.
import fs from "node:fs";
import path from "node:path";

/** Whether a process with this pid exists (EPERM: it does, but belongs to another user). */
export const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
};

/** Takes `dir`/comptoir.lock or throws if a live process holds it. Returns the release function. */
export function acquireDirLock(dir, what) {
  const lockPath = path.join(dir, "comptoir.lock");
  fs.mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`The ${what} in ${dir} is already in use by process ${owner}. Stop it first (only one process may open it).`);
      }
      fs.rmSync(lockPath, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}
