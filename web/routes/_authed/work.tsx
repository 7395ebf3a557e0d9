import { createFileRoute } from "@tanstack/react-router";
import { MyWorkPage } from "../../features/artifacts/my-work-page.tsx";

export const Route = createFileRoute("/_authed/work")({ component: MyWorkPage });
