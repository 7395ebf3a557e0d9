/** True when a database error (however Drizzle wraps it) violates this unique constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code, constraint: name } = e as Error & { code?: string; constraint?: string };
    if (code === "23505" && name === constraint) return true;
  }
  return false;
}
