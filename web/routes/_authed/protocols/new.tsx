import { createFileRoute } from "@tanstack/react-router";
import { NewProtocolPage } from "../../../features/protocols/editor/editor-pages.tsx";

export const Route = createFileRoute("/_authed/protocols/new")({
  component: NewProtocolPage,
});
