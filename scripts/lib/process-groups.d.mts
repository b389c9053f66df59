/** Types for process-groups.mjs, for the TypeScript fault tests (tests/faults). */
export declare function recordProcessGroup(stateDir: string, pid: number): () => void;
export declare function endRecordedProcessGroups(stateDir: string): number[];
