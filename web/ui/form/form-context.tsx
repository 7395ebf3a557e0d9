import { createContext, useContext } from "react";
import { type FieldErrors, fieldDomId } from "./field-errors.ts";

interface FormContextValue {
  formId: string;
  errors: FieldErrors;
}

export const FormContext = createContext<FormContextValue | null>(null);

export interface FieldBinding {
  /** id for the control (links from the error summary land here). */
  id: string;
  error: string | undefined;
}

/** Connects a field to its form: its DOM id and its current error message. */
export function useField(name: string | undefined, fallbackId: string): FieldBinding {
  const form = useContext(FormContext);
  if (!form || name === undefined) return { id: fallbackId, error: undefined };
  return { id: fieldDomId(form.formId, name), error: form.errors[name] };
}
