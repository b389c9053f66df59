import { appendFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/** Prints a result line (e.g. "faults: sigkill acked=…") and keeps it for the runner's closing summary. */
export function reportFigure(line: string): void {
  console.log(line);
  appendFileSync(path.join(inject("faultsStateDir"), "figures.txt"), `${line}\n`);
}
