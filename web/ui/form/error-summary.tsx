import type { MouseEvent, Ref } from "react";
import { useTranslation } from "react-i18next";
import { type FieldErrors, FORM_LEVEL, fieldDomId } from "./field-errors.ts";
import "./form.css";

interface ErrorSummaryProps {
  formId: string;
  errors: FieldErrors;
  ref?: Ref<HTMLDivElement>;
}

/** Finds the control for a path, or for its nearest parent ("norms.2" → "norms") when there is none. */
function findControl(formId: string, path: string): HTMLElement | null {
  const parts = path.split(".");
  while (parts.length > 0) {
    const element = document.getElementById(fieldDomId(formId, parts.join(".")));
    if (element) {
      if (element.matches("input, select, textarea, button, [tabindex]")) return element;
      return element.querySelector<HTMLElement>("input, select, textarea, button") ?? element;
    }
    parts.pop();
  }
  return null;
}

/** "There is a problem" box at the top of a form, linking each message to its field. */
export function ErrorSummary({ formId, errors, ref }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;

  const focusField = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    const control = findControl(formId, path);
    if (!control) return;
    event.preventDefault();
    control.focus();
    control.scrollIntoView({ block: "center" });
  };

  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby={`${formId}-summary-title`}
    >
      <h2 className="error-summary__title" id={`${formId}-summary-title`}>
        {t("form.summaryTitle")}
      </h2>
      <ul className="error-summary__list">
        {entries.map(([path, message]) => (
          <li key={path || "form"}>
            {path === FORM_LEVEL ? (
              message
            ) : (
              <a href={`#${fieldDomId(formId, path)}`} onClick={(event) => focusField(event, path)}>
                {message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
