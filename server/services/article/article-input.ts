import { z } from "zod";
import { ARTICLE_STATUSES } from "@/lib/articles/status";

export const articleStatusInput = z.enum(ARTICLE_STATUSES, { error: `Status must be one of: ${ARTICLE_STATUSES.join(", ")}.` });
