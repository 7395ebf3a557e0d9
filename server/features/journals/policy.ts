/*
 * Personal reflection journals. An entry is its author's alone — nobody else reads it, administrators
 * and school leaders included — until the author shares it with one community; then the people of that
 * community (its active members, whatever their role) read it. Leaders and district-visible readers who
 * are not in the community do not: sharing with "my team" means the people in it.
 * Sharing is for communities the author is an active facilitator or member of (not observer or partner:
 * they sit beside the team's professional learning, not in it). Only the author edits, shares or deletes.
 */
export type Membership = { role: "facilitator" | "member" | "partner" | "observer"; status: string } | null;

export type EntryAccess = {
  actorId: string;
  authorId: string;
  /** The actor's membership in the community the entry is shared with (null if not shared or not in it). */
  sharedMembership: Membership;
  shared: boolean;
};

export const isAuthor = (a: EntryAccess) => a.actorId === a.authorId;

export const canReadEntry = (a: EntryAccess) =>
  isAuthor(a) || (a.shared && a.sharedMembership?.status === "active");

export const canShareWith = (m: Membership, archived: boolean) =>
  !archived && m?.status === "active" && (m.role === "facilitator" || m.role === "member");

/** What an entry may be about: a meeting or cycle of a community the author is active in. */
export const canLinkTo = (m: Membership) => m?.status === "active";
