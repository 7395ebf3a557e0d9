import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button.tsx";
import { describeError } from "./form/field-errors.ts";
import { CheckIcon, InfoIcon, WarningIcon } from "./icons.tsx";
import "./states.css";

/** "Loading…" in a polite live region, with a calm skeleton underneath. */
export function Loading({ label, lines = 3 }: { label?: string; lines?: number }) {
  const { t } = useTranslation();
  return (
    <div className="loading">
      <p role="status" aria-live="polite" className="loading__label">
        {label ?? t("common.loading")}
      </p>
      <div className="skeleton" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
          <span key={i} className="skeleton__line" style={{ width: `${90 - i * 15}%` }} />
        ))}
      </div>
    </div>
  );
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** What went wrong, in words, and a way to try again. */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <WarningIcon size={24} />
      <div>
        <p className="state__title">{title ?? t("errors.loadFailed")}</p>
        <p>{describeError(error, t)}</p>
        {onRetry ? (
          <Button variant="secondary" onPress={onRetry}>
            {t("common.retry")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}

/** Nothing here yet — and what to do next. */
export function EmptyState({ title, children, actions }: EmptyStateProps) {
  return (
    <div className="state state--empty">
      <InfoIcon size={24} />
      <div>
        <p className="state__title">{title}</p>
        {children}
        {actions ? <div className="cluster">{actions}</div> : null}
      </div>
    </div>
  );
}

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}

/** Renders loading, error-with-retry, or the data of one query. */
export function QueryView<T>({ query, loadingLabel, children }: QueryViewProps<T>) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** A short status word with a shape as well as a colour (never colour alone). */
export function Badge({
  children,
  tone = "neutral",
}: {
  children: ReactNode;
  tone?: "neutral" | "success" | "warning" | "danger" | "info";
}) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return <article className={className ? `card ${className}` : "card"}>{children}</article>;
}

/** A box that tells the outcome of something: done (success) or needs attention (warning). */
export function Notice({
  tone = "success",
  children,
  role,
}: {
  tone?: "success" | "warning";
  children: ReactNode;
  role?: "status" | "alert";
}) {
  return (
    <div className={tone === "warning" ? "notice notice--warning" : "notice"} role={role}>
      {tone === "warning" ? <WarningIcon size={24} /> : <CheckIcon size={24} />}
      <div>{children}</div>
    </div>
  );
}
