import type { ReactNode } from "react";
import { FieldErrorText } from "./text-field.tsx";
import "./field.css";

/** The ids a native control points at with aria-describedby: its description, then its error. */
export function describedBy(
  id: string,
  hasDescription: boolean,
  error: string | undefined,
): string | undefined {
  return (
    [hasDescription ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

interface FieldFrameProps {
  id: string;
  label: string;
  error: string | undefined;
  description?: ReactNode;
  /** Hide the visible label (the accessible name stays). */
  hideLabel?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * Label, description and error around one native control (select, date, time, number, tag input), laid
 * out as every field of the app is; the control itself is the child, with `describedBy(...)` set.
 */
export function FieldFrame(props: FieldFrameProps) {
  return (
    <div
      className={props.className ? `field ${props.className}` : "field"}
      data-invalid={props.error ? true : undefined}
    >
      <label htmlFor={props.id} className={props.hideLabel ? "visually-hidden" : "field__label"}>
        {props.label}
      </label>
      {props.description ? (
        <span id={`${props.id}-description`} className="field__description">
          {props.description}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${props.id}-error`} className="field__error">
          <FieldErrorText>{props.error}</FieldErrorText>
        </span>
      ) : null}
      {props.children}
    </div>
  );
}
