import { createRootRouteWithContext, Outlet } from "@tanstack/react-router";
import { AppShell } from "../features/shell/app-shell.tsx";
import { ErrorPage } from "../features/shell/error-page.tsx";
import { NotFoundPage } from "../features/shell/not-found-page.tsx";
import type { RouterContext } from "../router.tsx";

export const Route = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <AppShell>
      <Outlet />
    </AppShell>
  ),
  notFoundComponent: NotFoundPage,
  errorComponent: ({ error }) => (
    <AppShell>
      <ErrorPage error={error} />
    </AppShell>
  ),
});
