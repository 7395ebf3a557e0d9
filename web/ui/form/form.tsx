import type { FormEvent, ReactNode } from "react";
import { ErrorSummary } from "./error-summary.tsx";
import { FormContext } from "./form-context.tsx";
import type { FormSubmit } from "./use-form-submit.ts";
import "./form.css";

interface FormProps {
  /** Unique on the page; prefixes every field id. */
  id: string;
  form: Pick<FormSubmit, "errors" | "summaryRef">;
  onSubmit: () => void;
  children: ReactNode;
  className?: string;
  "aria-labelledby"?: string;
  "aria-label"?: string;
}

/** A form with an error summary on top; fields inside find their errors by name. */
export function Form({ id, form, onSubmit, children, className, ...aria }: FormProps) {
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <FormContext value={{ formId: id, errors: form.errors }}>
      <form id={id} noValidate onSubmit={handleSubmit} className={className ?? "form"} {...aria}>
        <ErrorSummary formId={id} errors={form.errors} ref={form.summaryRef} />
        {children}
      </form>
    </FormContext>
  );
}

/** The row of buttons at the end of a form. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form__actions">{children}</div>;
}
