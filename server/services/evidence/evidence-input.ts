import { z } from "zod";
import { STANCES } from "@/lib/sources/vocabulary";
import { optionalLine } from "../claim/claim-input";

export const stanceInput = z.enum(STANCES, { error: `Stance must be one of: ${STANCES.join(", ")}.` });
export const excerptInput = optionalLine(5000);
/** Where in the source: "1:02:03", "p. 12", "para 4". */
export const locatorInput = optionalLine(100);
export const noteInput = optionalLine(2000);
