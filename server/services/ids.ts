import { z } from "zod";

/** Row ids and versions as every procedure takes them: positive integers (integer columns in the database). */
export const idInput = z.number().int().positive();
export const versionInput = z.number().int().positive();
