import type { ContributionKind } from "../../../shared/protocols/definition.ts";

/** A contribution written on this device and not yet acknowledged by the server. */
export interface PendingContribution {
  clientId: string;
  agendaItemId: string;
  stepIndex: number;
  kind: ContributionKind;
  body: string;
  anonymous: boolean;
  /** Local time it was written (ISO), to show and order pending cards. */
  createdAt: string;
}

/** The part of `localStorage` the outbox uses (tests pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** One outbox per meeting and person: two people sharing a laptop never send each other's cards. */
export function outboxKey(meetingId: string, personId: string): string {
  return `lamplight.live.outbox.${meetingId}.${personId}`;
}

/**
 * Contributions waiting for the server, persisted before they are sent so a closed tab, a dropped
 * connection or a reload never loses one. The server dedupes by clientId, so resending is safe;
 * an entry leaves only on "ack" (or "rejected").
 */
export class Outbox {
  private entries: PendingContribution[];
  private readonly storage: KeyValueStore | null;
  private readonly key: string;

  constructor(storage: KeyValueStore | null, key: string) {
    this.storage = storage;
    this.key = key;
    this.entries = this.load();
  }

  list(): readonly PendingContribution[] {
    return this.entries;
  }

  has(clientId: string): boolean {
    return this.entries.some((entry) => entry.clientId === clientId);
  }

  get(clientId: string): PendingContribution | undefined {
    return this.entries.find((entry) => entry.clientId === clientId);
  }

  add(entry: PendingContribution): void {
    if (this.has(entry.clientId)) return;
    this.entries = [...this.entries, entry];
    this.save();
  }

  /** Returns the removed entry, or undefined when it was not (or no longer) waiting. */
  remove(clientId: string): PendingContribution | undefined {
    const entry = this.get(clientId);
    if (!entry) return undefined;
    this.entries = this.entries.filter((e) => e.clientId !== clientId);
    this.save();
    return entry;
  }

  private load(): PendingContribution[] {
    try {
      const raw = this.storage?.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter(isPendingContribution) : [];
    } catch {
      // Unreadable storage (private mode, corrupt value): start empty rather than break the room.
      return [];
    }
  }

  private save(): void {
    try {
      if (this.entries.length === 0) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify(this.entries));
    } catch {
      // Storage full or blocked: the entries still live in memory until this tab closes.
    }
  }
}

function isPendingContribution(value: unknown): value is PendingContribution {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.clientId === "string" &&
    typeof v.agendaItemId === "string" &&
    typeof v.stepIndex === "number" &&
    typeof v.kind === "string" &&
    typeof v.body === "string" &&
    typeof v.anonymous === "boolean"
  );
}
