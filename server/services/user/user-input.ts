import { z } from "zod";
import { ROLES } from "@/lib/roles";

export const emailInput = z.email({ error: "Enter a valid email address, like ana@example.org." }).trim().toLowerCase().max(254);
export const passwordInput = z
  .string()
  .min(12, "Use a password of at least 12 characters.")
  // argon2 hashes any length, but hashing megabytes on every login attempt is a denial-of-service lever.
  .max(256, "Use a password of at most 256 characters.");
export const roleInput = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}.` });
