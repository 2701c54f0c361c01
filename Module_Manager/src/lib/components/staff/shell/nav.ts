import { m } from '$lib/paraglide/messages';

export type StaffNavItem = { href: string; label: string };

export const SETTINGS_SECTION = '/modules/settings';

/**
 * The staff side's sections as the shell lists them. Settings (admins only) is one tab that opens its
 * first page; inside it, a second row lists its pages.
 */
export function staffNav(role: string): { main: StaffNavItem[]; settings: StaffNavItem[] } {
  const main = [
    { href: '/dashboard', label: m.staff_shell_nav_dashboard() },
    { href: '/modules/customers', label: m.staff_shell_nav_customers() },
    { href: '/modules/maintain', label: m.staff_shell_nav_tickets() },
    // Outages (issue 17): the incident and FAQ editors.
    { href: '/modules/outages', label: m.outage_nav_outages() },
    { href: '/modules/support/faq', label: m.outage_nav_faq() },
  ];
  if (role === 'admin') main.push({ href: '/modules/settings/branding', label: m.staff_shell_nav_settings() });
  return {
    main,
    settings:
      role === 'admin'
        ? [
            { href: '/modules/settings/branding', label: m.staff_shell_nav_branding() },
            { href: '/modules/settings/team', label: m.staff_shell_nav_team() },
            { href: '/modules/settings/audit', label: m.staff_shell_nav_audit() },
            { href: '/modules/settings/service-levels', label: m.sla_nav_service_levels() },
          ]
        : [],
  };
}

const within = (section: string, pathname: string) => pathname === section || pathname.startsWith(`${section}/`);

/** Whether `href` is the page (or section) the page at `pathname` belongs to. */
export function isCurrent(href: string, pathname: string): boolean {
  return within(href, pathname);
}

/** Whether the main tab `href` is the one to mark: the Settings tab stands for every settings page. */
export function isCurrentTab(href: string, pathname: string): boolean {
  return within(href, pathname) || (within(SETTINGS_SECTION, href) && within(SETTINGS_SECTION, pathname));
}
