import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { schoolYearLabel } from "../../../shared/schemas/learning-plans.ts";
import { Button } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { QueryView } from "../../ui/states.tsx";
import { ActivitiesSection } from "./activities-section.tsx";
import { type LearningPlan, planQuery } from "./api.ts";
import { GoalsSection } from "./goals-section.tsx";
import { ReflectionSection } from "./reflection-section.tsx";
import { TotalsSection } from "./totals-section.tsx";
import "./learning-plans.css";

/** /learning-plan?year= — "My learning plan 2026–27": goals, activities with hours, totals, reflection. */
export function PlanPage({ year }: { year: string }) {
  const { t } = useTranslation();
  const query = useQuery(planQuery(year));
  return (
    <QueryView query={query} loadingLabel={t("learningPlan.loading")}>
      {(plan) => <PlanView plan={plan} requested={year} />}
    </QueryView>
  );
}

function PlanView({ plan, requested }: { plan: LearningPlan; requested: string }) {
  const { t } = useTranslation();
  // Writes go to the year asked for, so a plan opened as "current" keeps its cache entry up to date.
  const year = requested;
  return (
    <Page
      title={t("learningPlan.title", { year: schoolYearLabel(plan.schoolYear) })}
      lead={t("learningPlan.lead")}
      actions={<YearSwitcher plan={plan} />}
    >
      <GoalsSection plan={plan} year={year} />
      <ActivitiesSection plan={plan} year={year} />
      <TotalsSection plan={plan} />
      <ReflectionSection plan={plan} year={year} />
    </Page>
  );
}

function YearSwitcher({ plan }: { plan: LearningPlan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(plan.schoolYear);
  return (
    <div className="plan-year">
      <form
        className="plan-year__form"
        onSubmit={(e) => {
          e.preventDefault();
          void navigate({ to: "/learning-plan", search: { year: chosen } });
        }}
      >
        <SelectField
          label={t("learningPlan.year")}
          value={chosen}
          options={plan.years.map((y) => ({ value: y, label: schoolYearLabel(y) }))}
          onChange={setChosen}
        />
        <Button type="submit" variant="secondary">
          {t("learningPlan.show")}
        </Button>
      </form>
      <Link to="/learning-plan/$year/summary" params={{ year: plan.schoolYear }}>
        {t("learningPlan.summaryLink")}
      </Link>
    </div>
  );
}
