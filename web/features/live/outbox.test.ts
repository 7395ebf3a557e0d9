import { describe, expect, it } from "vitest";
import { type KeyValueStore, Outbox, outboxKey, type PendingContribution } from "./outbox.ts";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const card = (clientId: string, body = "The rubric is clear."): PendingContribution => ({
  clientId,
  agendaItemId: "0190d4a4-5a4e-7c1e-8f00-000000000001",
  stepIndex: 3,
  kind: "warm_feedback",
  body,
  anonymous: false,
  createdAt: "2030-01-01T10:00:00.000Z",
});

describe("outbox", () => {
  const key = outboxKey("meeting-1", "person-1");

  it("keeps a card on the device before it is sent, so a reload still has it", () => {
    const store = memoryStore();
    new Outbox(store, key).add(card("a"));
    const afterReload = new Outbox(store, key);
    expect(afterReload.list().map((c) => c.body)).toEqual(["The rubric is clear."]);
  });

  it("adds the same card only once", () => {
    const outbox = new Outbox(memoryStore(), key);
    outbox.add(card("a"));
    outbox.add(card("a"));
    expect(outbox.list()).toHaveLength(1);
  });

  it("removes a card when the server acknowledges it, and forgets the key when empty", () => {
    const store = memoryStore();
    const outbox = new Outbox(store, key);
    outbox.add(card("a"));
    outbox.add(card("b", "Consider a model answer."));
    expect(outbox.remove("a")?.clientId).toBe("a");
    expect(new Outbox(store, key).list().map((c) => c.clientId)).toEqual(["b"]);
    outbox.remove("b");
    expect(store.data.has(key)).toBe(false);
    expect(outbox.remove("b")).toBeUndefined();
  });

  it("keeps each person's cards apart on a shared laptop", () => {
    const store = memoryStore();
    new Outbox(store, outboxKey("meeting-1", "person-1")).add(card("a"));
    expect(new Outbox(store, outboxKey("meeting-1", "person-2")).list()).toEqual([]);
    expect(new Outbox(store, outboxKey("meeting-2", "person-1")).list()).toEqual([]);
  });

  it("still works in memory when storage is blocked or full", () => {
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {},
    };
    const outbox = new Outbox(blocked, key);
    outbox.add(card("a"));
    expect(outbox.list()).toHaveLength(1);
    expect(new Outbox(null, key).list()).toEqual([]);
  });

  it("ignores a corrupt stored value instead of breaking the room", () => {
    const store = memoryStore();
    store.setItem(key, "{not json");
    expect(new Outbox(store, key).list()).toEqual([]);
    store.setItem(key, JSON.stringify([{ clientId: 3 }, card("ok")]));
    expect(new Outbox(store, key).list().map((c) => c.clientId)).toEqual(["ok"]);
  });
});
