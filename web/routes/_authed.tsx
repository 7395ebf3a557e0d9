import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { MeContext, meQueryOptions, useMeQuery } from "../features/auth/me.ts";

/** Every screen below needs a signed-in person; without one, go to sign-in and come back after. */
export const Route = createFileRoute("/_authed")({
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
  },
  component: SignedInLayout,
});

function SignedInLayout() {
  const me = useMeQuery().data;
  // "me" only turns null here while leaving (sign out, or a 401 that is already redirecting to sign-in):
  // render nothing rather than redirect a second time.
  if (!me) return null;
  return (
    <MeContext value={me}>
      <Outlet />
    </MeContext>
  );
}
