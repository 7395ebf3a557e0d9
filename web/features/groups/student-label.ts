import type { TFunction } from "i18next";
import type { GroupStudent } from "./api.ts";

/** "Ana Lopez — 40%, Math 7 A": the name when the reader may read it, else the pseudonym. */
export function studentLabel(s: GroupStudent, t: TFunction): string {
  const who = s.name ?? s.pseudonym;
  const score = s.percent === null ? t("groups.noScore") : t("groups.percent", { percent: s.percent });
  return s.classes.length ? `${who} — ${score}, ${s.classes.join(", ")}` : `${who} — ${score}`;
}
