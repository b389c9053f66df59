import { readFileSync } from "node:fs";

/** The pids of a process's children (Linux: /proc/<pid>/task/<tid>/children), none once it has exited. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function ownRssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0; // exited between listing and reading
  }
}

/** Resident memory of a process and all its descendants, in MB: what one instance costs, launcher included. */
export function treeRssMb(pid: number): number {
  return ownRssMb(pid) + childrenOf(pid).reduce((sum, child) => sum + treeRssMb(child), 0);
}

/**
 * Samples treeRssMb every `intervalMs` until stopped: the peak during a load, which a single reading after it
 * misses (V8 collects garbage lazily, so the resident size rises and falls with the load).
 */
export function sampleRss(pid: number, intervalMs = 200): { stop(): { peakMb: number; lastMb: number } } {
  let peakMb = treeRssMb(pid);
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, treeRssMb(pid));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const lastMb = treeRssMb(pid);
      return { peakMb: Math.max(peakMb, lastMb), lastMb };
    },
  };
}
