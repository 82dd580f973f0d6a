// The frame of every page: a skip link, the header (name, role-aware navigation, language, account)
// and the main region. Below 1200 px (a phone, a tablet, a narrow laptop window) the navigation folds into a
// drawer behind a burger button, so that on a laptop every entry of the longest menu (the admin's six) is
// read whole; on a phone the account shows as initials. The main region never scrolls sideways: what is too
// wide for it (a table) scrolls in a region of its own (components/scroll-region.tsx).
import { lazy, Suspense, type ReactNode } from 'react';
import { Anchor, AppShell, Avatar, Burger, Button, Group, Menu, NavLink as MantineNavLink, SegmentedControl, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS, type Lang } from '@konkurs/shared';
import { navFor } from '../areas';
import { useAuth } from '../auth/auth';
import { LANGS, useLang, useT } from '../i18n';
import { AccountBanner } from './account-banner';
import { NotificationBell } from './notification-bell';
import { Loading } from './states';
import classes from './layout.module.css';

// An applicant who has not given the consent in force sees it in place of any page (loaded only for them).
const ConsentScreen = lazy(() => import('../pages/public/consent').then((m) => ({ default: m.ConsentScreen })));

function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useT('common');
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.language}
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      data={LANGS.map((l) => ({ value: l, label: <span lang={l}>{l.toUpperCase()}</span> }))}
    />
  );
}

function AccountMenu() {
  const { user, signOut } = useAuth();
  const t = useT('common');
  const { lang } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  if (!user) {
    const next = location.pathname === '/' || location.pathname.startsWith('/sign') ? '' : `?next=${encodeURIComponent(location.pathname)}`;
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to={`/signin${next}`} variant="default" size="xs">{t.signIn}</Button>
        <Button component={Link} to="/signup" size="xs" visibleFrom="xs">{t.signUp}</Button>
      </Group>
    );
  }
  const role = ROLE_LABELS[lang][user.role];
  // The whole name and role, never clamped: beside the menu on a laptop, inside it on a phone.
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.account}>
          <Avatar name={user.fullName} color="gov.7" variant="filled" size={34} className={classes.accountAvatar} aria-hidden />
          <span className={classes.accountText}>
            <Text size="sm" fw={600} lh={1.25}>{user.fullName}</Text>
            <Text size="xs" c="dimmed" lh={1.25}>{role}</Text>
          </span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label className={classes.accountLabel}>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">{user.fullName}</Text>
          <Text size="xs">{role} · {user.email}</Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/password">{t.changePassword}</Menu.Item>
        <Menu.Item onClick={async () => { await signOut(); navigate('/'); }}>{t.signOut}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function Layout({ children }: { children?: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { user } = useAuth();
  const t = useT('common');
  const items = navFor(user?.role);
  const location = useLocation();
  // The deepest matching entry is the current one ('/applicant' must not light up on '/applicant/organizations').
  const current = items
    .filter((i) => location.pathname === i.to || (i.to !== '/' && location.pathname.startsWith(i.to + '/')))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 280, breakpoint: 'lg', collapsed: { desktop: true, mobile: !opened } }} padding="md">
      <a href="#main" className={classes.skip}>{t.skipToContent}</a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap" className={classes.start}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="lg" size="sm" aria-label={t.openMenu} aria-expanded={opened} />
            <Anchor component={Link} to="/" underline="never" className={classes.brand}>
              <span className={classes.logo} aria-hidden>К</span>
              <Stack gap={0} visibleFrom="sm">
                <Text fw={700} c="var(--mantine-color-text)" lh={1.2}>{t.appName}</Text>
                <Text size="xs" c="dimmed" lh={1.2} className={classes.tagline}>{t.appTagline}</Text>
              </Stack>
              <VisuallyHidden>{t.appName}</VisuallyHidden>
            </Anchor>
            <nav aria-label={t.mainNav} className={classes.desktopNav}>
              {items.map((i) => (
                <NavLink key={i.to} to={i.to} end className={classes.navLink} data-active={current === i.to || undefined} aria-current={current === i.to ? 'page' : undefined}>
                  {t.nav[i.label]}
                </NavLink>
              ))}
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap" className={classes.end}>
            <LanguageSwitch />
            {user && <NotificationBell />}
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t.mainNav} component="nav">
        {items.map((i) => (
          <MantineNavLink key={i.to} component={Link} to={i.to} label={t.nav[i.label]} active={current === i.to} onClick={close} aria-current={current === i.to ? 'page' : undefined} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <div className={classes.content}>
          <AccountBanner />
          <Suspense fallback={<Loading />}>{user?.consentRequired ? <ConsentScreen /> : (children ?? <Outlet />)}</Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
