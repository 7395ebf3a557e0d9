import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";

/** Languages with a catalogue. Add "es" here once web/i18n/es.ts exists. */
export const availableLanguages = ["en"] as const;
export type AvailableLanguage = (typeof availableLanguages)[number];

function isAvailable(language: string): language is AvailableLanguage {
  return (availableLanguages as readonly string[]).includes(language);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: "en",
  fallbackLng: "en",
  supportedLngs: [...availableLanguages],
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
});

/** Switches the interface to the person's language when we have a catalogue for it. */
export function applyLanguage(language: string | undefined): void {
  const next = language && isAvailable(language) ? language : "en";
  if (i18n.language !== next) void i18n.changeLanguage(next);
  document.documentElement.lang = next;
}

export { i18n };
