export * from "./users";
export * from "./publishers";
export * from "./articles";
export * from "./sources";
export * from "./claims";
export * from "./evidence";
export * from "./audit-events";
export * from "./relations";
