import { createLink } from "@tanstack/react-router";
import type { AnchorHTMLAttributes, ReactNode, Ref } from "react";
import { Button as RacButton, type ButtonProps as RacButtonProps } from "react-aria-components";
import "./button.css";

export type ButtonVariant = "primary" | "secondary" | "quiet" | "danger";

export interface ButtonProps extends Omit<RacButtonProps, "className" | "children"> {
  variant?: ButtonVariant;
  size?: "normal" | "small";
  children: ReactNode;
  className?: string;
  ref?: Ref<HTMLButtonElement>;
  /**
   * A fuller name for assistive technology ("Remove Ana Ruiz" for a visible "Remove"). Rendered as
   * visually hidden text rather than aria-label, so getByLabel("…") in tests never matches buttons.
   * It must contain the visible text (WCAG 2.5.3).
   */
  accessibleName?: string;
}

export function buttonClass(
  variant: ButtonVariant = "secondary",
  size: "normal" | "small" = "normal",
): string {
  return `button button--${variant}${size === "small" ? " button--small" : ""}`;
}

/**
 * A button (React Aria: consistent press handling on touch, mouse and keyboard).
 * While isPending it ignores presses and stays focusable, marked aria-disabled, with a spinner.
 */
export function Button({
  variant = "secondary",
  size = "normal",
  children,
  className,
  isPending,
  accessibleName,
  ...rest
}: ButtonProps) {
  return (
    <RacButton
      {...rest}
      // Our own pending state rather than React Aria's isPending: its announcement leaves an
      // aria-labelledby pointing at a button that is gone after navigation (axe: role-img-alt).
      type={isPending && rest.type === "submit" ? "button" : rest.type}
      onPress={isPending ? undefined : rest.onPress}
      aria-disabled={isPending ? true : undefined}
      data-pending={isPending ? true : undefined}
      className={`${buttonClass(variant, size)}${className ? ` ${className}` : ""}`}
    >
      {accessibleName ? (
        <>
          <span aria-hidden="true" className="button__visible">
            {children}
          </span>
          <span className="visually-hidden">{accessibleName}</span>
        </>
      ) : (
        children
      )}
      {isPending ? <span className="button__spinner" aria-hidden="true" /> : null}
    </RacButton>
  );
}

interface AnchorButtonProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  variant?: ButtonVariant;
  size?: "normal" | "small";
  ref?: Ref<HTMLAnchorElement>;
}

function AnchorButton({
  variant = "secondary",
  size = "normal",
  className,
  ref,
  ...rest
}: AnchorButtonProps) {
  return (
    <a ref={ref} {...rest} className={`${buttonClass(variant, size)}${className ? ` ${className}` : ""}`} />
  );
}

/** A router link that looks like a button (navigation stays a link for assistive technology). */
export const LinkButton = createLink(AnchorButton);
