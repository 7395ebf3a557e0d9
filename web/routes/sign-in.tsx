import { createFileRoute, redirect } from "@tanstack/react-router";
import { z } from "zod";
import { safeRedirect } from "../features/auth/api.ts";
import { meQueryOptions } from "../features/auth/me.ts";
import { SignInPage } from "../features/auth/sign-in-page.tsx";

export const Route = createFileRoute("/sign-in")({
  validateSearch: z.object({ redirect: z.string().optional(), email: z.string().optional() }),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: function SignInRoute() {
    const search = Route.useSearch();
    return <SignInPage redirect={search.redirect} email={search.email} />;
  },
});
