import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { cycleStatuses, goalLevels, goalStatuses } from "../../../shared/schemas/goal-enums.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import type { Dashboard, DashboardFilters } from "./api.ts";

type Draft = Record<"schoolId" | "communityId" | "level" | "status" | "stage" | "cycleStatus" | "q", string>;
const toDraft = (f: DashboardFilters): Draft => ({
  schoolId: f.schoolId ?? "",
  communityId: f.communityId ?? "",
  level: f.level ?? "",
  status: f.status ?? "",
  stage: f.stage ? String(f.stage) : "",
  cycleStatus: f.cycleStatus ?? "",
  q: f.q ?? "",
});

/** The dashboard's filters; applying them puts them in the URL (shareable, back-button safe). */
export function DashboardFilterForm({
  filters,
  choices,
}: {
  filters: DashboardFilters;
  choices: Pick<Dashboard, "schools" | "communities"> | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(() => toDraft(filters));
  const set = (key: keyof Draft) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value, ...(key === "schoolId" ? { communityId: "" } : {}) }));
  const go = (d: Draft) =>
    void navigate({
      to: "/dashboard",
      search: {
        schoolId: d.schoolId || undefined,
        communityId: d.communityId || undefined,
        level: (d.level || undefined) as DashboardFilters["level"],
        status: (d.status || undefined) as DashboardFilters["status"],
        stage: d.stage ? Number(d.stage) : undefined,
        cycleStatus: (d.cycleStatus || undefined) as DashboardFilters["cycleStatus"],
        q: d.q.trim().slice(0, 200) || undefined,
      },
    });
  const communities = (choices?.communities ?? []).filter(
    (c) => !draft.schoolId || c.schoolIds.includes(draft.schoolId),
  );
  const any = (label: string) => ({ value: "", label });
  return (
    <search>
      <form
        className="dashboard-filters"
        aria-label={t("alignment.dashboard.filtersLabel")}
        onSubmit={(event) => {
          event.preventDefault();
          go(draft);
        }}
      >
        <SelectField
          label={t("alignment.dashboard.school")}
          name="schoolId"
          value={draft.schoolId}
          onChange={set("schoolId")}
          options={[
            any(t("alignment.dashboard.anySchool")),
            ...(choices?.schools ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <SelectField
          label={t("alignment.dashboard.community")}
          name="communityId"
          value={draft.communityId}
          onChange={set("communityId")}
          isDisabled={communities.length === 0}
          description={communities.length === 0 ? t("alignment.dashboard.chooseSchoolFirst") : undefined}
          options={[
            any(t("alignment.dashboard.anyCommunity")),
            ...communities.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <SelectField
          label={t("alignment.dashboard.level")}
          name="level"
          value={draft.level}
          onChange={set("level")}
          options={[
            any(t("alignment.dashboard.anyLevel")),
            ...goalLevels.map((l) => ({ value: l, label: t(`alignment.levels.${l}`) })),
          ]}
        />
        <SelectField
          label={t("alignment.dashboard.status")}
          name="status"
          value={draft.status}
          onChange={set("status")}
          options={[
            any(t("alignment.dashboard.anyStatus")),
            ...goalStatuses.map((s) => ({ value: s, label: t(`alignment.statuses.${s}`) })),
          ]}
        />
        <SelectField
          label={t("alignment.dashboard.stage")}
          name="stage"
          value={draft.stage}
          onChange={set("stage")}
          options={[
            any(t("alignment.dashboard.anyStage")),
            ...(["1", "2", "3", "4", "5", "6", "7"] as const).map((s) => ({
              value: s,
              label: t("alignment.stageOf", { stage: s, name: t(`alignment.stages.${s}`) }),
            })),
          ]}
        />
        <SelectField
          label={t("alignment.dashboard.cycleStatus")}
          name="cycleStatus"
          value={draft.cycleStatus}
          onChange={set("cycleStatus")}
          options={[
            any(t("alignment.dashboard.anyCycleStatus")),
            ...cycleStatuses.map((s) => ({ value: s, label: t(`alignment.cycleStatuses.${s}`) })),
          ]}
        />
        <TextField
          label={t("alignment.dashboard.search")}
          name="q"
          type="search"
          value={draft.q}
          onChange={set("q")}
        />
        <div className="cluster">
          <Button type="submit" variant="secondary">
            {t("alignment.dashboard.apply")}
          </Button>
          <Button
            variant="quiet"
            onPress={() => {
              const empty = toDraft({});
              setDraft(empty);
              go(empty);
            }}
          >
            {t("alignment.dashboard.clear")}
          </Button>
        </div>
      </form>
    </search>
  );
}
