// The inbox's two buttons: mark one notification read, or all of them.
import { z } from "zod";
import { idSchema } from "./fields.server";

export const notificationsIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: idSchema }),
  z.object({ intent: z.literal("read-all") }),
]);
