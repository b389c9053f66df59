import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

export class EmbeddedDatabaseBusyError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${pid}), probably the running Factdesk server. ` +
        `PGlite allows one process per data folder. Stop that process first, or point DATABASE_URL at a PostgreSQL server ` +
        `that both can share.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes an exclusive, pid-stamped lock file for a PGlite data folder. Opening the same folder from two
 * processes corrupts it, so a second opener is refused; a lock left by a dead process is taken over.
 * Returns the function that releases it.
 */
export function acquireEmbeddedLock(lockPath: string, dataDir: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockPath, "utf8").trim() === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new EmbeddedDatabaseBusyError(dataDir, holder);
      }
      unlinkSync(lockPath); // stale: its owner died without releasing it
    }
  }
  throw new Error(`Could not take the lock ${lockPath}; remove it if no Factdesk process is running.`);
}
