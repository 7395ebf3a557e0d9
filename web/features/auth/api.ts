import { api } from "../../api/client.ts";

/** Better Auth endpoints (not /api/v1): errors come back as { code, message }. */
export function signIn(email: string, password: string) {
  return api.post<unknown>("/api/auth/sign-in/email", { email, password }, { allowUnauthorized: true });
}

export function signOut() {
  return api.post<unknown>("/api/auth/sign-out", {}, { allowUnauthorized: true });
}

export function requestPasswordReset(email: string) {
  return api.post<unknown>(
    "/api/auth/request-password-reset",
    { email, redirectTo: "/reset-password" },
    { allowUnauthorized: true },
  );
}

export function resetPassword(newPassword: string, token: string) {
  return api.post<unknown>("/api/auth/reset-password", { newPassword, token }, { allowUnauthorized: true });
}

/** Only local paths are allowed as a return path, so a link can never send someone off-site. */
export function safeRedirect(raw: string | undefined | null): string {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  if (raw.startsWith("/sign-in")) return "/";
  return raw;
}
