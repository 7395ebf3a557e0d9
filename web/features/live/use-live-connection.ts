import { useEffect, useState, useSyncExternalStore } from "react";
import { LiveConnection } from "./connection.ts";
import { browserEnvironment, liveUrl } from "./environment.ts";
import { initialView, type LiveView } from "./live-view.ts";

const noSubscription = () => () => {};
const noView = () => initialView;

/**
 * Opens the meeting's live connection for as long as the screen is shown. Each mount gets its own
 * connection (created in the effect, so React's double-mount in development never shares one that was
 * already stopped).
 */
export function useLiveConnection(
  meetingId: string,
  personId: string,
): { connection: LiveConnection | null; view: LiveView } {
  const [connection, setConnection] = useState<LiveConnection | null>(null);

  useEffect(() => {
    const created = new LiveConnection({
      url: liveUrl(meetingId, window.location.origin),
      meetingId,
      personId,
      env: browserEnvironment(),
    });
    created.start();
    setConnection(created);
    return () => {
      created.stop();
      setConnection(null);
    };
  }, [meetingId, personId]);

  const view = useSyncExternalStore(connection?.subscribe ?? noSubscription, connection?.getView ?? noView);
  return { connection, view };
}
