import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useRouterState } from "@tanstack/react-router";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../shared/schemas/people.ts";
import { applyLanguage } from "../../i18n/index.ts";
import { Button } from "../../ui/button.tsx";
import { TimeZoneProvider } from "../../ui/format.tsx";
import { FlameIcon } from "../../ui/icons.tsx";
import { Nav, type NavItem } from "../../ui/nav.tsx";
import { useToast } from "../../ui/toast.tsx";
import { signOut } from "../auth/api.ts";
import { adminAccess, meKey, useMeQuery } from "../auth/me.ts";
import { NotificationBell } from "../notifications/index.ts";
import { HeaderSearch } from "../search/index.ts";
import "./app-shell.css";

/** Header, navigation, skip link and <main> around every screen. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMeQuery().data ?? null;
  const language = me?.person.language;

  useEffect(() => {
    applyLanguage(language);
  }, [language]);

  return (
    <TimeZoneProvider timeZone={me?.person.timeZone}>
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <div className="brand">
            <Link to="/" className="brand__link">
              <FlameIcon />
              <span>{t("app.name")}</span>
            </Link>
            {me ? <span className="brand__org">{me.organization.name}</span> : null}
          </div>
          {me ? <HeaderSearch /> : null}
          {me ? <NotificationBell /> : null}
          {me ? <MainNavigation me={me} /> : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>{t("shell.footer")}</p>
      </footer>
    </TimeZoneProvider>
  );
}

function MainNavigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const access = adminAccess(me);

  // Close the phone menu after moving to another page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the path changes
  useEffect(() => {
    setOpen(false);
  }, [pathname]);

  const items: NavItem[] = [
    { to: "/", label: t("nav.home"), exact: true },
    { to: "/communities", label: t("nav.communities") },
    { to: "/work", label: t("artifacts.navMyWork") },
    { to: "/protocols", label: t("nav.protocols") },
    { to: "/exemplars", label: t("nav.exemplars") },
    { to: "/goals", label: t("goals.nav") },
    ...(me.person.orgRole !== "partner" ? [{ to: "/surveys", label: t("surveys.nav") } as const] : []),
    { to: "/journal", label: t("journal.nav") },
    { to: "/learning-plan", label: t("learningPlan.nav") },
  ];
  // The leaders' dashboard (and from it the alignment map) is for administrators and school leaders.
  if (me.person.orgRole === "administrator" || me.person.orgRole === "school_leader")
    items.push({ to: "/dashboard", label: t("alignment.nav") });
  if (access.people) items.push({ to: "/admin/people", label: t("nav.people") });
  if (access.schools) items.push({ to: "/admin/schools", label: t("nav.schools") });
  if (access.audit) items.push({ to: "/admin/audit", label: t("nav.audit") });
  if (access.outbox) items.push({ to: "/admin/outbox", label: t("nav.outbox") });
  if (me.can.manageOrganization) items.push({ to: "/admin/rosters", label: t("nav.rosters") });
  if (me.can.manageOrganization) items.push({ to: "/admin/student-data", label: t("nav.studentData") });
  items.push({ to: "/profile", label: t("nav.profile") });

  return (
    <>
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls="main-nav"
        onClick={() => setOpen((v) => !v)}
      >
        <span className="menu-toggle__bars" aria-hidden="true" />
        {t("nav.menu")}
      </button>
      <Nav label={t("nav.label")} id="main-nav" items={items} isOpen={open} end={<SignOutButton />} />
    </>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [pending, setPending] = useState(false);

  const onPress = async () => {
    setPending(true);
    try {
      await signOut();
    } catch {
      toast.error(t("auth.signOutFailed"));
      setPending(false);
      return;
    }
    queryClient.setQueryData(meKey, null);
    await navigate({ to: "/sign-in" });
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    setPending(false);
  };

  return (
    <Button variant="secondary" size="small" onPress={onPress} isPending={pending}>
      {t("nav.signOut")}
    </Button>
  );
}
