import { useTranslation } from "react-i18next";

/** Hours as people read them: 3.5, 1.25, 12. */
export function useHours() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (h: number | null) => (h === null ? "" : f.format(h));
}
