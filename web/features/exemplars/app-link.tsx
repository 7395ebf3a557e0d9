import { useNavigate } from "@tanstack/react-router";
import type { MouseEvent, ReactNode } from "react";

/**
 * A link to an app path the router may not know statically (an artifact page built by another
 * feature): a real <a href>, navigated client-side on a plain click.
 */
export function AppLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    void navigate({ href });
  };
  return (
    <a href={href} className={className} onClick={onClick}>
      {children}
    </a>
  );
}

export const artifactPath = (artifactId: string) => `/artifacts/${artifactId}`;
