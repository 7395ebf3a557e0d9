import type { Executor } from "../db/client.ts";
import type { Actor } from "../http/auth/plugin.ts";

/** What every service function receives: who acts, on which database (pool or open transaction). */
export type ServiceContext = {
  db: Executor;
  actor: Actor;
  ip: string | null;
  publicUrl: string;
};
