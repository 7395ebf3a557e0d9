import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import { communityInviteSchema } from "../../../shared/schemas/communities.ts";
import {
  invitationAcceptSchema,
  invitationPreviewSchema,
  invitationSchema,
} from "../../../shared/schemas/invitations.ts";
import { personInviteSchema } from "../../../shared/schemas/people.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { acceptInvitation, previewInvitation } from "./accept.ts";
import { inviteToCommunity, inviteToOrganization, listInvitations, revokeInvitation } from "./service.ts";
import { signInAfterAccept } from "./sign-in.ts";

const tags = ["invitations"];
const list = { 200: z.object({ items: z.array(invitationSchema) }) };
const created = { 201: invitationSchema, 200: invitationSchema };
const tokenParams = z.object({ token: z.string().min(20).max(100) });

export const invitationRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/communities/:id/invitations",
    { schema: { tags, params: z.object({ id: idSchema }), response: list } },
    async (request) => ({
      items: await listInvitations(await contextOf(request, deps), request.params.id),
    }),
  );

  app.post(
    "/api/v1/communities/:id/invitations",
    { schema: { tags, params: z.object({ id: idSchema }), body: communityInviteSchema, response: created } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => inviteToCommunity(ctx, request.params.id, request.body)),
  );

  app.delete(
    "/api/v1/communities/:id/invitations/:invitationId",
    { schema: { tags, params: z.object({ id: idSchema, invitationId: idSchema }) } },
    async (request, reply) => {
      await revokeInvitation(await contextOf(request, deps), request.params.id, request.params.invitationId);
      return reply.status(204).send();
    },
  );

  app.get("/api/v1/people/invitations", { schema: { tags, response: list } }, async (request) => ({
    items: await listInvitations(await contextOf(request, deps), null),
  }));

  app.post(
    "/api/v1/people/invitations",
    { schema: { tags, body: personInviteSchema, response: created } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => inviteToOrganization(ctx, request.body)),
  );

  app.delete(
    "/api/v1/people/invitations/:invitationId",
    { schema: { tags, params: z.object({ invitationId: idSchema }) } },
    async (request, reply) => {
      await revokeInvitation(await contextOf(request, deps), null, request.params.invitationId);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/invitations/:token",
    { schema: { tags, params: tokenParams, response: { 200: invitationPreviewSchema } } },
    async (request) => previewInvitation(deps.db, request.params.token),
  );

  app.post(
    "/api/v1/invitations/:token/accept",
    {
      schema: {
        tags,
        params: tokenParams,
        body: invitationAcceptSchema,
        response: { 200: z.object({ communityId: idSchema.nullable(), signedIn: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const actor = await request.optionalActor();
      const accepted = await acceptInvitation(
        deps.db,
        { token: request.params.token },
        actor,
        request.body,
        request.ip,
      );
      const signedIn = actor !== null || (await signInAfterAccept(deps.auth, request, reply, accepted));
      return { communityId: accepted.communityId, signedIn };
    },
  );

  app.post(
    "/api/v1/me/invitations/:invitationId/accept",
    {
      schema: {
        tags,
        params: z.object({ invitationId: idSchema }),
        response: { 200: z.object({ communityId: idSchema.nullable(), signedIn: z.boolean() }) },
      },
    },
    async (request) => {
      const actor = await request.actor();
      const accepted = await acceptInvitation(
        deps.db,
        { id: request.params.invitationId },
        actor,
        {},
        request.ip,
      );
      return { communityId: accepted.communityId, signedIn: true };
    },
  );
};
