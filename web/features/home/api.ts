import { queryOptions } from "@tanstack/react-query";
import type { Home } from "../../../shared/schemas/home.ts";
import { api } from "../../api/client.ts";

export type { Home, NeedsMe } from "../../../shared/schemas/home.ts";

export const homeQuery = queryOptions({
  queryKey: ["home"],
  queryFn: ({ signal }) => api.get<Home>("/api/v1/home", { signal }),
});
