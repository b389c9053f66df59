// Process groups a test run starts (servers under test, detached so a kill reaches all their processes),
// recorded as files in a state folder so whoever cleans up last can end any a test could not stop.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Records `pid` (the leader of its own process group); returns a function that forgets it once it exited. */
export function recordProcessGroup(stateDir, pid) {
  const file = path.join(stateDir, `group-${pid}.pid`);
  writeFileSync(file, String(pid));
  return () => rmSync(file, { force: true });
}

/** Sends SIGKILL to every recorded group still alive, by its recorded id; returns the ids it ended. */
export function endRecordedProcessGroups(stateDir) {
  const ended = [];
  let files = [];
  try {
    files = readdirSync(stateDir).filter((name) => /^group-\d+\.pid$/.test(name));
  } catch {
    return ended; // no state folder: nothing was started
  }
  for (const file of files) {
    const pid = Number(readFileSync(path.join(stateDir, file), "utf8"));
    try {
      process.kill(-pid, "SIGKILL");
      ended.push(pid);
    } catch {
      // already gone
    }
    rmSync(path.join(stateDir, file), { force: true });
  }
  return ended;
}
