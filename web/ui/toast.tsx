import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckIcon, CloseIcon, WarningIcon } from "./icons.tsx";
import "./toast.css";

type ToastTone = "success" | "error";

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

interface ToastApi {
  success: (message: string) => void;
  error: (message: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const TIMEOUT_MS = 8000;

/** Short confirmations ("Invitation sent") announced politely; errors assertively. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setItems((list) => list.filter((item) => item.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const schedule = useCallback(
    (id: number) => {
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), TIMEOUT_MS),
      );
    },
    [dismiss],
  );

  const pause = (id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
  };

  const push = useCallback(
    (message: string, tone: ToastTone) => {
      const id = nextId.current++;
      setItems((list) => [...list.slice(-2), { id, message, tone }]);
      schedule(id);
    },
    [schedule],
  );

  const api = useMemo<ToastApi>(
    () => ({ success: (m) => push(m, "success"), error: (m) => push(m, "error") }),
    [push],
  );

  const render = (tone: ToastTone) =>
    items
      .filter((item) => item.tone === tone)
      .map((item) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: hover only pauses the timer
        <div
          key={item.id}
          className={`toast toast--${item.tone}`}
          onMouseEnter={() => pause(item.id)}
          onMouseLeave={() => schedule(item.id)}
          onFocus={() => pause(item.id)}
          onBlur={() => schedule(item.id)}
        >
          {item.tone === "success" ? <CheckIcon /> : <WarningIcon />}
          <span className="toast__message">{item.message}</span>
          <button
            type="button"
            className="toast__dismiss"
            onClick={() => dismiss(item.id)}
            aria-label={t("common.dismiss")}
          >
            <CloseIcon size={18} />
          </button>
        </div>
      ));

  return (
    <ToastContext value={api}>
      {children}
      <div className="toast-region">
        <div role="status" aria-live="polite" className="toast-region__list">
          {render("success")}
        </div>
        <div role="alert" className="toast-region__list">
          {render("error")}
        </div>
      </div>
    </ToastContext>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs a ToastProvider");
  return api;
}
