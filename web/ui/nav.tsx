import { Link, type LinkProps } from "@tanstack/react-router";
import type { ReactNode } from "react";
import "./nav.css";

export interface NavItem {
  to: LinkProps["to"];
  label: string;
  exact?: boolean;
}

interface NavProps {
  label: string;
  items: readonly NavItem[];
  id?: string;
  /** Extra controls at the end of the list (e.g. the sign-out button). */
  end?: ReactNode;
  isOpen?: boolean;
}

/** The main navigation: a labelled list of links; the current page is marked (aria-current + underline). */
export function Nav({ label, items, id, end, isOpen }: NavProps) {
  return (
    <nav aria-label={label} id={id} className="nav" data-open={isOpen ? true : undefined}>
      <ul className="nav__list">
        {items.map((item) => (
          <li key={String(item.to)}>
            <Link to={item.to} className="nav__link" activeOptions={{ exact: item.exact ?? false }}>
              {item.label}
            </Link>
          </li>
        ))}
        {end ? <li className="nav__end">{end}</li> : null}
      </ul>
    </nav>
  );
}
