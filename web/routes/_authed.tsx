import { createFileRoute, Navigate, Outlet, redirect, useLocation } from "@tanstack/react-router";
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
  const location = useLocation();
  if (!me) return <Navigate to="/sign-in" search={{ redirect: location.href }} />;
  return (
    <MeContext value={me}>
      <Outlet />
    </MeContext>
  );
}
