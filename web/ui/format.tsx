import { createContext, type ReactNode, useContext, useMemo } from "react";
import { useTranslation } from "react-i18next";

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const TimeZoneContext = createContext<string>(browserTimeZone);

/** Everything below shows dates and times in this zone (the person's, from their profile). */
export function TimeZoneProvider({
  timeZone,
  children,
}: {
  timeZone: string | undefined;
  children: ReactNode;
}) {
  return <TimeZoneContext value={timeZone || browserTimeZone}>{children}</TimeZoneContext>;
}

function safeFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    const { timeZone: _ignored, ...rest } = options;
    return new Intl.DateTimeFormat(locale, rest);
  }
}

export interface Formatters {
  timeZone: string;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  number: (value: number) => string;
}

/** Date, time and number formatting in the person's language and time zone. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const timeZone = useContext(TimeZoneContext);
  const locale = i18n.language;
  return useMemo(() => {
    const dateTimeFormat = safeFormatter(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
    const dateFormat = safeFormatter(locale, { dateStyle: "long", timeZone });
    const numberFormat = new Intl.NumberFormat(locale);
    const parse = (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? null : d;
    };
    return {
      timeZone,
      dateTime: (iso) => {
        const d = parse(iso);
        return d ? dateTimeFormat.format(d) : iso;
      },
      date: (iso) => {
        const d = parse(iso);
        return d ? dateFormat.format(d) : iso;
      },
      number: (value) => numberFormat.format(value),
    };
  }, [locale, timeZone]);
}

/** A <time> element with a machine-readable datetime and a human date-time in the person's zone. */
export function DateTime({ iso, dateOnly }: { iso: string; dateOnly?: boolean }) {
  const format = useFormat();
  return <time dateTime={iso}>{dateOnly ? format.date(iso) : format.dateTime(iso)}</time>;
}
