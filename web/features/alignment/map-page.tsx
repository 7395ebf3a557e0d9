import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { type AlignmentMap, alignmentMapQuery } from "./api.ts";
import { Diagram } from "./diagram.tsx";
import { GapsPanel, MapList, SelectionText } from "./map-lists.tsx";
import { modelOf, relatedTo } from "./model.ts";
import "./alignment.css";

/** /alignment?schoolId= — the alignment map of the district or one school, and its gaps. */
export function AlignmentMapPage({ schoolId }: { schoolId: string | undefined }) {
  const { t } = useTranslation();
  const query = useQuery(alignmentMapQuery(schoolId));
  return (
    <Page title={t("alignment.map.title")} lead={<p>{t("alignment.map.lead")}</p>}>
      {query.isPending ? (
        <Loading label={t("alignment.map.loading")} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <MapView key={schoolId ?? "district"} map={query.data} schoolId={schoolId} />
      )}
    </Page>
  );
}

function MapView({ map, schoolId }: { map: AlignmentMap; schoolId: string | undefined }) {
  const { t } = useTranslation();
  const model = useMemo(() => modelOf(map), [map]);
  const [selected, setSelected] = useState<string | null>(null);
  const [list, setList] = useState(false);
  const related = useMemo(() => relatedTo(model, selected), [model, selected]);
  return (
    <div className="stack">
      <SchoolFilter map={map} schoolId={schoolId} />
      {map.goals.length === 0 ? (
        <EmptyState title={t("alignment.map.empty")}>
          <p>{t("alignment.map.emptyHint")}</p>
        </EmptyState>
      ) : (
        <section aria-label={t("alignment.map.diagramLabel")} className="stack">
          <div className="cluster">
            <Button variant="secondary" onPress={() => setList((v) => !v)}>
              {list ? t("alignment.map.diagramView") : t("alignment.map.listView")}
            </Button>
            {selected && !list ? (
              <Button variant="quiet" onPress={() => setSelected(null)}>
                {t("alignment.map.clearSelection")}
              </Button>
            ) : null}
          </div>
          {map.summarised ? <p className="muted">{t("alignment.map.summarised")}</p> : null}
          {list ? (
            <MapList model={model} />
          ) : (
            <>
              <SelectionText model={model} selected={selected} />
              <Diagram model={model} selected={selected} related={related} onSelect={setSelected} />
            </>
          )}
        </section>
      )}
      <GapsPanel map={map} model={model} />
    </div>
  );
}

function SchoolFilter({ map, schoolId }: { map: AlignmentMap; schoolId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(schoolId ?? "");
  return (
    <search>
      <form
        className="alignment-filter"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate({ to: "/alignment", search: { schoolId: value || undefined } });
        }}
      >
        <SelectField
          label={t("alignment.map.schoolLabel")}
          name="schoolId"
          value={value}
          onChange={setValue}
          options={[
            { value: "", label: t("alignment.map.wholeDistrict") },
            ...map.schools.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <Button type="submit" variant="secondary">
          {t("alignment.map.show")}
        </Button>
      </form>
    </search>
  );
}
