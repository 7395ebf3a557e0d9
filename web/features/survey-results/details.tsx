import { useTranslation } from "react-i18next";
import { Section } from "../../ui/page.tsx";
import type { QuestionResult, SectionResult, SurveyResults } from "./api.ts";

const fixed = (v: number | null) => (v === null ? "—" : v.toFixed(2));

/** Every section: its statements' mean, SD and distribution as a table, its choices, its free text. */
export function StatementDetails({ results: r }: { results: SurveyResults }) {
  const { t } = useTranslation();
  return (
    <Section title={t("surveyResults.detailsTitle")} id="details">
      {r.sections.map((s) => (
        <SectionDetails key={s.key} section={s} />
      ))}
    </Section>
  );
}

function SectionDetails({ section: s }: { section: SectionResult }) {
  const { t } = useTranslation();
  const likert = s.questions.filter((q) => q.kind === "likert");
  const others = s.questions.filter((q) => q.kind !== "likert");
  const points = Math.max(4, ...likert.map((q) => q.distribution.length));
  const scale = (v: number) =>
    points === 5
      ? t(`surveyResults.scale5.${v}` as "surveyResults.scale5.1")
      : t(`surveyResults.scale4.${v}` as "surveyResults.scale4.1");
  const caption = t("surveyResults.tableOf", { title: s.title });
  return (
    <section className="survey-results-section" aria-labelledby={`section-${s.key}`}>
      <h3 id={`section-${s.key}`}>
        {s.title}
        {s.mean !== null ? (
          <span className="survey-results-muted">
            {" "}
            — {t("surveyResults.meanOf", { mean: fixed(s.mean), sd: fixed(s.sd) })}
          </span>
        ) : null}
      </h3>
      {likert.length ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it.
        <section className="table-wrap" tabIndex={0} aria-label={caption}>
          <table className="table survey-results-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveyResults.statement")}</th>
                <th scope="col">{t("surveyResults.mean")}</th>
                <th scope="col">{t("surveyResults.sdShort")}</th>
                {Array.from({ length: points }, (_, i) => scale(i + 1)).map((label) => (
                  <th scope="col" key={label}>
                    {label}
                  </th>
                ))}
                <th scope="col">{t("surveyResults.answers")}</th>
              </tr>
            </thead>
            <tbody>
              {likert.map((q) => (
                <tr key={q.key}>
                  <th scope="row">{q.text}</th>
                  <td>{fixed(q.mean)}</td>
                  <td>{fixed(q.sd)}</td>
                  {q.distribution.map((d) => (
                    <td key={String(d.value)}>
                      {d.percent}% <span className="survey-results-muted">({d.count})</span>
                    </td>
                  ))}
                  <td>{q.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {others.map((q) =>
        q.kind === "short_text" || q.kind === "long_text" ? (
          <FreeText key={q.key} question={q} />
        ) : (
          <Choices key={q.key} question={q} />
        ),
      )}
    </section>
  );
}

function Choices({ question: q }: { question: QuestionResult }) {
  const { t } = useTranslation();
  const caption = t("surveyResults.choicesOf", { question: q.text });
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it.
    <section className="table-wrap" tabIndex={0} aria-label={caption}>
      <table className="table survey-results-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("surveyResults.option")}</th>
            <th scope="col">{t("surveyResults.count")}</th>
            <th scope="col">{t("surveyResults.percent")}</th>
          </tr>
        </thead>
        <tbody>
          {q.distribution.map((d) => (
            <tr key={String(d.value)}>
              <th scope="row">{d.label}</th>
              <td>{d.count}</td>
              <td>{d.percent}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FreeText({ question: q }: { question: QuestionResult }) {
  const { t } = useTranslation();
  return (
    <div className="survey-results-free-text">
      <h4>{q.text}</h4>
      {q.answers.length ? (
        <>
          <p className="survey-results-muted">{t("surveyResults.freeTextHint")}</p>
          <ul aria-label={t("surveyResults.freeTextTitle")}>
            {q.answers.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: identical answers are allowed; the order is fixed (alphabetical).
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="survey-results-muted">{t("surveyResults.noFreeText")}</p>
      )}
    </div>
  );
}
