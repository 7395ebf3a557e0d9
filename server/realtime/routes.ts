import websocket from "@fastify/websocket";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../shared/schemas/common.ts";
import { liveCloseCodes } from "../../shared/schemas/live.ts";
import type { Deps } from "../http/deps.ts";
import { AppError, forbidden } from "../http/errors.ts";
import { loadRoomAccess } from "./access.ts";
import { type Bus, InProcessBus } from "./bus.ts";
import { RoomManager, type RoomOptions } from "./rooms.ts";

/** What the app may give the live room: the bus (shared between apps of one test) and limits. */
export type LiveOptions = RoomOptions & { bus?: Bus };

/** Binary Yjs frames carry pasted text; anything larger than this closes the socket. */
const MAX_FRAME_BYTES = 1024 * 1024;

type Admission =
  | {
      ok: true;
      meeting: Awaited<ReturnType<typeof loadRoomAccess>>["meeting"];
      access: Awaited<ReturnType<typeof loadRoomAccess>>["access"];
    }
  | { ok: false; code: number; reason: string };

/**
 * GET /api/v1/meetings/:id/live — the live meeting room over a WebSocket (shared/schemas/live.ts).
 * A handshake from another site is refused before the upgrade (cross-site WebSocket hijacking: the
 * browser would send the session cookie). Otherwise the socket opens, and someone signed out or without
 * access to the meeting gets a close code and a reason the page can show, instead of reconnecting forever.
 */
export const liveRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const bus = deps.live?.bus ?? new InProcessBus();
  const manager = new RoomManager(deps.db, bus, app.log, deps.live);
  await app.register(websocket, {
    options: { maxPayload: MAX_FRAME_BYTES },
    preClose: async () => {
      await manager.shutdown();
      if (!deps.live?.bus) await bus.close();
    },
  });
  const publicOrigin = new URL(deps.publicUrl).origin;
  const admissions = new WeakMap<FastifyRequest, Admission>();

  app.get(
    "/api/v1/meetings/:id/live",
    {
      websocket: true,
      schema: { params: z.object({ id: idSchema }), hide: true },
      preHandler: async (request) => {
        const origin = request.headers.origin;
        if (origin && origin !== publicOrigin && origin !== `${request.protocol}://${request.host}`)
          throw forbidden("Connections from other sites are refused.");
        admissions.set(request, await admit(request, deps, request.params.id));
      },
    },
    (socket, request) => {
      const admission = admissions.get(request);
      if (!admission?.ok) {
        socket.close(admission?.code ?? liveCloseCodes.notFound, admission?.reason ?? "");
        return;
      }
      void manager.connect(socket, admission.meeting, admission.access);
    },
  );
};

async function admit(request: FastifyRequest, deps: Deps, meetingId: string): Promise<Admission> {
  const actor = await request.optionalActor();
  if (!actor)
    return { ok: false, code: liveCloseCodes.unauthenticated, reason: "Please sign in to join the meeting." };
  try {
    return { ok: true, ...(await loadRoomAccess(deps.db, actor, meetingId)) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404)
      return {
        ok: false,
        code: liveCloseCodes.notFound,
        reason: "This meeting does not exist, or you are not in its community.",
      };
    throw error;
  }
}
