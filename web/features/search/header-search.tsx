import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import "./search.css";

/** The search box of the app header: submitting opens the results page with the words in the URL. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [q, setQ] = useState("");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const words = q.trim();
    void navigate({ to: "/search", search: words ? { q: words } : {} });
  };

  return (
    <search aria-label={t("search.headerLandmark")} className="header-search">
      <form className="header-search__form" onSubmit={onSubmit}>
        <label htmlFor={id} className="visually-hidden">
          {t("search.headerLabel")}
        </label>
        <input
          id={id}
          type="search"
          name="q"
          className="header-search__input"
          value={q}
          maxLength={200}
          placeholder={t("search.headerPlaceholder")}
          onChange={(event) => setQ(event.target.value)}
        />
        <Button type="submit" size="small" variant="secondary">
          {t("search.headerSubmit")}
        </Button>
      </form>
    </search>
  );
}
