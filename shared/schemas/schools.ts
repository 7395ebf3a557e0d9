import { z } from "zod";
import { idSchema, requiredText } from "./common.ts";

export const schoolInputSchema = z.object({ name: requiredText(120, "the school's name") }).strict();
export type SchoolInput = z.infer<typeof schoolInputSchema>;

export const schoolSchema = z.object({
  id: idSchema,
  name: z.string(),
  memberCount: z.number().int(),
  leaderNames: z.array(z.string()),
  archived: z.boolean(),
});
export type School = z.infer<typeof schoolSchema>;
