import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, Notice, QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { ExemplarPanel } from "../exemplars/index.ts";
import { ArtifactFeedback } from "../feedback/index.ts";
import { type Artifact, artifactKeys, artifactQuery, setArchived } from "./api.ts";
import { EditDetails } from "./edit-details.tsx";
import { FileList } from "./file-list.tsx";
import { Reflection } from "./reflection.tsx";
import { NewVersionForm, VersionHistory } from "./versions.tsx";
import "./artifacts.css";

/** One work sample: its question, files with previews, feedback, reflection, versions and exemplar state. */
export function ArtifactPage({ artifactId }: { artifactId: string }) {
  const { t } = useTranslation();
  const artifact = useQuery(artifactQuery(artifactId));
  if (!artifact.data)
    return (
      <Page title={t("artifacts.listTitle")}>
        <QueryView query={artifact} loadingLabel={t("artifacts.loadingOne")}>
          {() => null}
        </QueryView>
      </Page>
    );
  return <ArtifactView artifact={artifact.data} />;
}

function ArtifactView({ artifact }: { artifact: Artifact }) {
  const { t } = useTranslation();
  const kind = t(`artifactKinds.${artifact.kind}`);
  return (
    <Page
      title={artifact.title}
      eyebrow={
        artifact.communityName
          ? t("artifacts.eyebrow", { kind, community: artifact.communityName })
          : t("artifacts.eyebrowOwn", { kind })
      }
      lead={
        <>
          {t("artifacts.sharedBy", { name: artifact.owner.name })}
          {artifact.communityId ? (
            <>
              {" · "}
              <Link to="/communities/$communityId/artifacts" params={{ communityId: artifact.communityId }}>
                {t("artifacts.listTitle")}
              </Link>
            </>
          ) : null}
        </>
      }
      actions={
        artifact.can.edit || artifact.can.archive ? (
          <div className="cluster">
            {artifact.can.edit ? <EditDetails artifact={artifact} /> : null}
            {artifact.can.archive ? <ArchiveButton artifact={artifact} /> : null}
          </div>
        ) : undefined
      }
    >
      {artifact.archived ? <Notice tone="warning">{t("artifacts.archivedNotice")}</Notice> : null}
      {artifact.attribution ? <p className="artifact-muted">{artifact.attribution}</p> : null}
      {artifact.focusingQuestion ? (
        <Section title={t("artifacts.focusingQuestionHeading")}>
          <p className="artifact-question">{artifact.focusingQuestion}</p>
        </Section>
      ) : null}
      {hasDetails(artifact) ? (
        <Section title={t("artifacts.details")}>
          {artifact.description ? <p className="artifact-description">{artifact.description}</p> : null}
          <Tags artifact={artifact} />
        </Section>
      ) : null}
      <Section title={t("artifacts.filesHeading", { version: artifact.currentVersion })} id="files">
        <FileList files={artifact.files} withPreviews />
      </Section>
      <ArtifactFeedback artifactId={artifact.id} />
      <Reflection artifact={artifact} />
      {artifact.can.edit ? <NewVersionForm artifact={artifact} /> : null}
      <VersionHistory artifact={artifact} />
      <ExemplarPanel artifactId={artifact.id} />
    </Page>
  );
}

const hasDetails = (a: Artifact) =>
  Boolean(a.description) ||
  a.containsStudentWork ||
  [a.subjects, a.gradeBands, a.standards, a.topics, a.rubricCriteria].some((list) => list.length > 0);

function Tags({ artifact }: { artifact: Artifact }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const rows: [string, string[]][] = [
    [t("artifacts.subjects"), artifact.subjects],
    [t("artifacts.gradeBands"), artifact.gradeBands.map(labels.gradeBand)],
    [t("artifacts.standards"), artifact.standards],
    [t("artifacts.topics"), artifact.topics],
    [t("artifacts.rubricCriteria"), artifact.rubricCriteria],
  ];
  const shown = rows.filter(([, values]) => values.length > 0);
  return (
    <>
      {artifact.containsStudentWork ? (
        <p>
          <Badge tone="info">{t("artifacts.studentWork")}</Badge>{" "}
          {artifact.privacyAttestation ? t(`privacyAttestations.${artifact.privacyAttestation}`) : null}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <dl className="artifact-tags">
          {shown.map(([label, values]) => (
            <div key={label} style={{ display: "contents" }}>
              <dt>{label}</dt>
              <dd>{values.join(", ")}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}

function ArchiveButton({ artifact }: { artifact: Artifact }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const change = useMutation({
    mutationFn: (archived: boolean) => setArchived(artifact.id, archived),
    onSuccess: (next) => {
      queryClient.setQueryData(artifactKeys.one(artifact.id), next);
      void queryClient.invalidateQueries({ queryKey: artifactKeys.all });
      setConfirming(false);
      toast.success(next.archived ? t("artifacts.archivedDone") : t("artifacts.restoredDone"));
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  if (artifact.archived)
    return (
      <Button variant="secondary" isPending={change.isPending} onPress={() => change.mutate(false)}>
        {t("artifacts.restore")}
      </Button>
    );
  return (
    <>
      <Button variant="secondary" onPress={() => setConfirming(true)}>
        {t("artifacts.archive")}
      </Button>
      <ConfirmDialog
        title={t("artifacts.archiveTitle")}
        isOpen={confirming}
        onOpenChange={setConfirming}
        confirmLabel={t("artifacts.archiveConfirm")}
        onConfirm={() => change.mutate(true)}
        isPending={change.isPending}
      >
        <p>{t("artifacts.archiveBody")}</p>
      </ConfirmDialog>
    </>
  );
}
