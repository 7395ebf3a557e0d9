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
}

export function buttonClass(
  variant: ButtonVariant = "secondary",
  size: "normal" | "small" = "normal",
): string {
  return `button button--${variant}${size === "small" ? " button--small" : ""}`;
}

/**
 * A button (React Aria: consistent press handling on touch, mouse and keyboard).
 * While isPending it ignores presses, stays focusable (aria-disabled) and React Aria announces the state.
 */
export function Button({
  variant = "secondary",
  size = "normal",
  children,
  className,
  isPending,
  ...rest
}: ButtonProps) {
  return (
    <RacButton
      {...rest}
      isPending={isPending}
      className={`${buttonClass(variant, size)}${className ? ` ${className}` : ""}`}
    >
      {children}
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
