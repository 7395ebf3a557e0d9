import type { KeyValueStore } from "./outbox.ts";

/** What the connection needs from the browser; tests provide Node's WebSocket and a Map store. */
export interface LiveEnvironment {
  createSocket: (url: string) => WebSocket;
  storage: KeyValueStore | null;
  isOnline: () => boolean;
  /** Calls back with true/false when the device's network comes or goes; returns an unsubscribe. */
  onNetworkChange: (listener: (online: boolean) => void) => () => void;
  /** Calls back when the page becomes visible again (a laptop lid opened, a tab brought back). */
  onVisible: (listener: () => void) => () => void;
  random: () => number;
}

/** The room's WebSocket address on the same origin as the page (ws: or wss: to match). */
export function liveUrl(meetingId: string, origin: string): string {
  return `${origin.replace(/^http/, "ws")}/api/v1/meetings/${encodeURIComponent(meetingId)}/live`;
}

function safeLocalStorage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked by the browser's privacy settings
  }
}

export function browserEnvironment(): LiveEnvironment {
  return {
    createSocket: (url) => new WebSocket(url),
    storage: safeLocalStorage(),
    isOnline: () => navigator.onLine !== false,
    onNetworkChange: (listener) => {
      const online = () => listener(true);
      const offline = () => listener(false);
      window.addEventListener("online", online);
      window.addEventListener("offline", offline);
      return () => {
        window.removeEventListener("online", online);
        window.removeEventListener("offline", offline);
      };
    },
    onVisible: (listener) => {
      const handler = () => {
        if (document.visibilityState === "visible") listener();
      };
      document.addEventListener("visibilitychange", handler);
      window.addEventListener("pageshow", handler);
      return () => {
        document.removeEventListener("visibilitychange", handler);
        window.removeEventListener("pageshow", handler);
      };
    },
    random: Math.random,
  };
}
