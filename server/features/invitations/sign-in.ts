import type { FastifyReply, FastifyRequest } from "fastify";
import type { Auth } from "../../http/auth/better-auth.ts";
import type { Accepted } from "./accept.ts";

/** Signs a person in right after their account was created from an invitation, so they land inside. */
export async function signInAfterAccept(
  auth: Auth,
  request: FastifyRequest,
  reply: FastifyReply,
  accepted: Accepted,
): Promise<boolean> {
  const password = (request.body as { password?: string }).password;
  if (!accepted.createdAccount || !password) return false;
  const headers = new Headers();
  if (request.headers["user-agent"]) headers.set("user-agent", request.headers["user-agent"]);
  const response = await auth.api.signInEmail({
    body: { email: accepted.email, password },
    headers,
    asResponse: true,
  });
  const cookies = response.headers.getSetCookie();
  if (!response.ok || cookies.length === 0) return false;
  reply.header("set-cookie", cookies);
  return true;
}
