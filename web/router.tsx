import { QueryCache, QueryClient } from "@tanstack/react-query";
import { createRouter, type ErrorComponentProps } from "@tanstack/react-router";
import { isApiError, setUnauthorizedHandler } from "./api/client.ts";
import { meKey } from "./features/auth/me.ts";
import { ErrorPage } from "./features/shell/error-page.tsx";
import { NotFoundPage } from "./features/shell/not-found-page.tsx";
import { routeTree } from "./routeTree.gen.ts";
import { requestFocusOnNextPage } from "./ui/focus-on-navigate.ts";
import { Loading } from "./ui/states.tsx";

export interface RouterContext {
  queryClient: QueryClient;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) will not change by asking again; a flaky network or a restart might.
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
  // Errors and unknown paths inside a screen keep the header and navigation around them.
  defaultErrorComponent: ({ error }: ErrorComponentProps) => <ErrorPage error={error} />,
  defaultNotFoundComponent: NotFoundPage,
  defaultPendingComponent: () => <Loading />,
  defaultPendingMs: 400,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

const publicPaths = ["/sign-in", "/forgot-password", "/reset-password", "/invitations/"];

// The session ended (expired, signed out elsewhere, deactivated): go to sign-in and come back after.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(meKey, null);
  const { pathname, href } = router.state.location;
  if (publicPaths.some((p) => pathname.startsWith(p))) return;
  void router.navigate({ to: "/sign-in", search: { redirect: href } });
});

router.subscribe("onBeforeNavigate", (event) => {
  if (event.fromLocation && event.pathChanged) requestFocusOnNextPage();
});
