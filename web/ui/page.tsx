import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { consumeFocusRequest } from "./focus-on-navigate.ts";
import "./page.css";

interface PageProps {
  /** The page's h1 and the first part of document.title. */
  title: string;
  /** Shown above the title (e.g. the community kind). */
  eyebrow?: ReactNode;
  /** Sentence under the title. */
  lead?: ReactNode;
  /** Buttons and links at the top right (wrap under on phones). */
  actions?: ReactNode;
  children?: ReactNode;
  width?: "normal" | "narrow";
}

/** A screen: one h1, the document title, and focus on the heading after client-side navigation. */
export function Page({ title, eyebrow, lead, actions, children, width = "normal" }: PageProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t("app.documentTitle", { page: title });
  }, [title, t]);

  useEffect(() => {
    if (consumeFocusRequest()) headingRef.current?.focus({ preventScroll: false });
  }, []);

  return (
    <div className={width === "narrow" ? "page page--narrow" : "page"}>
      <header className="page__header">
        <div className="page__heading">
          {eyebrow ? <p className="page__eyebrow">{eyebrow}</p> : null}
          <h1 ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
          {lead ? <div className="page__lead">{lead}</div> : null}
        </div>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </header>
      {children}
    </div>
  );
}

interface SectionProps {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  id?: string;
  headingLevel?: 2 | 3;
}

/** A titled region of a page (h2), labelled by its heading. */
export function Section({ title, children, actions, id, headingLevel = 2 }: SectionProps) {
  const headingId = `${id ?? title.replace(/\W+/g, "-").toLowerCase()}-heading`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="section" aria-labelledby={headingId} id={id}>
      <div className="section__header">
        <Heading id={headingId} className="section__title">
          {title}
        </Heading>
        {actions ? <div className="cluster">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
