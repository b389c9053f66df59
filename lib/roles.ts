export const ROLES = ["reader", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];
