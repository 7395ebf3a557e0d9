import { rm } from "node:fs/promises";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { Db } from "./db/client.ts";
import { actionItemRoutes } from "./features/action-items/routes.ts";
import { alignmentRoutes } from "./features/alignment/routes.ts";
import { analysisRoutes } from "./features/analysis/routes.ts";
import { artifactRoutes } from "./features/artifacts/routes.ts";
import { attendanceRoutes } from "./features/attendance/routes.ts";
import { auditRoutes } from "./features/audit/routes.ts";
import { calendarRoutes } from "./features/calendar/routes.ts";
import { communityRoutes } from "./features/communities/routes.ts";
import { cycleRoutes } from "./features/cycles/routes.ts";
import { discussionRoutes } from "./features/discussions/routes.ts";
import { exemplarRoutes } from "./features/exemplars/routes.ts";
import { feedbackRoutes } from "./features/feedback/routes.ts";
import { goalRoutes } from "./features/goals/routes.ts";
import { groupRoutes } from "./features/groups/routes.ts";
import { growthRoutes } from "./features/growth/routes.ts";
import { homeRoutes } from "./features/home/routes.ts";
import { invitationRoutes } from "./features/invitations/routes.ts";
import { journalRoutes } from "./features/journals/routes.ts";
import { learningNeedRoutes } from "./features/learning-needs/routes.ts";
import { learningPlanRoutes } from "./features/learning-plans/routes.ts";
import { meetingRoutes } from "./features/meetings/routes.ts";
import { minutesRoutes } from "./features/minutes/routes.ts";
import { notificationRoutes } from "./features/notifications/routes.ts";
import { outboxRoutes } from "./features/outbox/routes.ts";
import { peopleRoutes } from "./features/people/routes.ts";
import { protocolRoutes } from "./features/protocols/routes.ts";
import { resultRoutes } from "./features/results/routes.ts";
import { rosterRoutes } from "./features/rosters/routes.ts";
import { schoolRoutes } from "./features/schools/routes.ts";
import { searchRoutes } from "./features/search/routes.ts";
import { surveyAdministrationRoutes } from "./features/survey-administrations/routes.ts";
import { surveyResponseRoutes } from "./features/survey-responses/routes.ts";
import { surveyResultRoutes } from "./features/survey-results/routes.ts";
import { surveyRoutes } from "./features/surveys/routes.ts";
import { teamReflectionRoutes } from "./features/team-reflections/routes.ts";
import { registerApiDocs } from "./http/api-docs.ts";
import { createAuth } from "./http/auth/better-auth.ts";
import { registerAuth } from "./http/auth/plugin.ts";
import type { Deps } from "./http/deps.ts";
import { registerErrorHandler, registerNotFound } from "./http/problem.ts";
import { registerSecurity } from "./http/security.ts";
import { serializerCompiler } from "./http/serializer.ts";
import { registerWebApp } from "./http/web-app.ts";
import { invalidateAllReadCaches } from "./lib/read-cache.ts";
import type { MailDelivery } from "./mail/delivery.ts";
import { type LiveOptions, liveRoutes } from "./realtime/routes.ts";
import { type ObjectStore, temporaryStore } from "./storage/index.ts";

export type AppOptions = {
  db: Db;
  publicUrl: string;
  authSecret: string;
  mail: MailDelivery;
  logLevel?: string;
  /** Sign-in attempts per client address per minute (tests raise it; a dedicated test lowers it). */
  signInPerMinute?: number;
  /** Behind a reverse proxy: take client addresses from X-Forwarded-For. */
  trustProxy?: boolean;
  /** Writes per client address per minute. */
  writesPerMinute?: number;
  /** The live meeting room: its bus (several apps of one test share one to act as several servers) and limits. */
  live?: LiveOptions;
  /** Uploaded files (work samples): the store and the per-file limit (25 MB unless given). */
  files?: { store: ObjectStore; sizeLimitBytes?: number };
};

/** Builds the Fastify instance from cross-cutting plugins and feature routes; nothing else. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    bodyLimit: 256 * 1024,
    requestIdHeader: false,
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await registerSecurity(app, {
    publicUrl: options.publicUrl,
    writesPerMinute: options.writesPerMinute ?? 300,
  });
  const auth = createAuth({
    db: options.db,
    secret: options.authSecret,
    publicUrl: options.publicUrl,
    signInPerMinute: options.signInPerMinute ?? 30,
    onMailQueued: () => void options.mail.kick(),
  });
  await registerAuth(app, auth, options.db, options.authSecret);
  await registerApiDocs(app);

  // A write has committed by the time its response is sent: drop cached reads first, so the writer
  // (and everyone after) reads the new state.
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD" && reply.statusCode < 400)
      invalidateAllReadCaches();
    return payload;
  });

  // Mail queued by a write is committed by the time the response goes out: deliver it now.
  app.addHook("onResponse", async (request, reply) => {
    if (request.method !== "GET" && reply.statusCode < 400) void options.mail.kick();
  });

  app.get("/healthz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await options.db.execute(sql`select 1`);
      return { status: "ok", database: "ok" };
    } catch {
      return reply.status(503).send({ status: "unavailable", database: "unreachable" });
    }
  });

  const deps: Deps = {
    db: options.db,
    auth,
    publicUrl: options.publicUrl,
    live: options.live,
    files: {
      store: options.files?.store ?? (await scratchStore(app)),
      sizeLimitBytes: options.files?.sizeLimitBytes ?? 25 * 1024 * 1024,
    },
  };
  for (const routes of [
    peopleRoutes,
    schoolRoutes,
    communityRoutes,
    invitationRoutes,
    homeRoutes,
    auditRoutes,
    outboxRoutes,
    protocolRoutes,
    meetingRoutes,
    calendarRoutes,
    liveRoutes,
    attendanceRoutes,
    minutesRoutes,
    actionItemRoutes,
    artifactRoutes,
    feedbackRoutes,
    exemplarRoutes,
    discussionRoutes,
    notificationRoutes,
    searchRoutes,
    goalRoutes,
    cycleRoutes,
    alignmentRoutes,
    rosterRoutes,
    resultRoutes,
    analysisRoutes,
    groupRoutes,
    growthRoutes,
    learningNeedRoutes,
    surveyRoutes,
    surveyAdministrationRoutes,
    surveyResponseRoutes,
    surveyResultRoutes,
    journalRoutes,
    learningPlanRoutes,
    teamReflectionRoutes,
  ]) {
    await app.register(routes, deps);
  }

  const spa = await registerWebApp(app);
  registerNotFound(app, spa);
  return app;
}

/**
 * Without a configured store (a test or tool that uploads nothing) files go to a temporary folder,
 * removed when the app closes so repeated runs leave nothing behind.
 */
async function scratchStore(app: FastifyInstance) {
  const store = await temporaryStore();
  app.addHook("onClose", async () => rm(store.root, { recursive: true, force: true }));
  return store;
}
