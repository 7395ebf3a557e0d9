/** The words of Lamplight's mail, per language (English now; Spanish joins the same catalogue). */
const catalogue = {
  en: {
    invitationSubjectCommunity: (community: string) => `You're invited to join ${community} on Lamplight`,
    invitationSubjectDistrict: (org: string) => `You're invited to join ${org} on Lamplight`,
    invitationBodyCommunity: (inviter: string, community: string, role: string) =>
      `${inviter} invited you to join the learning community "${community}" as ${role}.`,
    invitationBodyDistrict: (inviter: string, org: string) =>
      `${inviter} invited you to join ${org} on Lamplight, where educators meet, share their work and learn together.`,
    invitationAction: "Accept the invitation",
    invitationExpiry: (date: string) => `This invitation expires on ${date}.`,
    personalNote: (inviter: string) => `A note from ${inviter}:`,
    resetSubject: "Reset your Lamplight password",
    resetBody:
      "Someone asked to reset the password of your Lamplight account. If it was you, choose a new one:",
    resetAction: "Choose a new password",
    resetIgnore: "If you did not ask for this, you can ignore this message; your password stays the same.",
    roles: {
      facilitator: "a facilitator",
      member: "a member",
      partner: "a partner",
      observer: "an observer",
    } as Record<string, string>,
  },
};

export type MailLanguage = keyof typeof catalogue;
export const mailWords = (language: string) => catalogue[language as MailLanguage] ?? catalogue.en;

export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** Lays out paragraphs and one call-to-action link as plain text and as simple, accessible HTML. */
export function renderMail(
  subject: string,
  paragraphs: string[],
  action: { label: string; url: string },
  after: string[] = [],
): RenderedMail {
  const text = [...paragraphs, `${action.label}: ${action.url}`, ...after].join("\n\n");
  const p = (s: string) => `<p style="font-size:16px;line-height:1.5;color:#1f2933">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto;padding:24px">`,
    ...paragraphs.map(p),
    `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-size:16px">${escapeHtml(action.label)}</a></p>`,
    `<p style="font-size:14px;color:#52606d">${escapeHtml(action.url)}</p>`,
    ...after.map(p),
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
