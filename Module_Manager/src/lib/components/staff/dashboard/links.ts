/**
 * Where each dashboard number leads: the desk list filtered to exactly those tickets. The desk
 * (`/modules/maintain`) reads these query parameters.
 */
export const DESK_LINKS = {
  open: '/modules/maintain?view=open',
  unassigned: '/modules/maintain?view=unassigned',
  waitingOnCustomer: '/modules/maintain?view=waiting',
  oldestOpen: '/modules/maintain?view=open&sort=oldest',
  newToday: '/modules/maintain?view=open&created=today',
  atIncidentSites: '/modules/maintain?view=open&incident=active',
  breachingSoon: '/modules/maintain?view=breaching&sort=due',
} as const;
