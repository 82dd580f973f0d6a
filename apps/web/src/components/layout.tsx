// The frame of every page: a skip link, the header (name, role-aware navigation, language, account)
// and the main region. On a phone the navigation folds into a drawer behind a burger button.
import { Suspense, type ReactNode } from 'react';
import { Anchor, AppShell, Burger, Button, Group, Menu, NavLink as MantineNavLink, SegmentedControl, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS, type Lang } from '@konkurs/shared';
import { navFor } from '../areas';
import { useAuth } from '../auth/auth';
import { LANGS, useLang, useT } from '../i18n';
import { Loading } from './states';
import classes from './layout.module.css';

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
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.account}>
          <Text size="sm" fw={600} lineClamp={1}>{user.fullName}</Text>
          <Text size="xs" c="dimmed" lineClamp={1}>{ROLE_LABELS[lang][user.role]}</Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
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
    <AppShell header={{ height: 64 }} navbar={{ width: 280, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }} padding="md">
      <a href="#main" className={classes.skip}>{t.skipToContent}</a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t.openMenu} aria-expanded={opened} />
            <Anchor component={Link} to="/" underline="never" className={classes.brand}>
              <span className={classes.logo} aria-hidden>К</span>
              <Stack gap={0} visibleFrom="sm">
                <Text fw={700} c="var(--mantine-color-text)" lh={1.2}>{t.appName}</Text>
                <Text size="xs" c="dimmed" lh={1.2}>{t.appTagline}</Text>
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
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
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
          <Suspense fallback={<Loading />}>{children ?? <Outlet />}</Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
