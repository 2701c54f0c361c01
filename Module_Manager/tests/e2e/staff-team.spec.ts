import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, linkFromMail } from './portal-helpers';
import { expectNoHorizontalScroll } from './tickets-helpers';
import { fillStaffSignIn, signInAsStaff, STAFF, staffUrl } from './staff-helpers';

// Each project uses its own tenant, so the two runs never change each other's team.
const tenantOf = (project: string): 'summitridge' | 'prairiesky' =>
  project === 'phone' ? 'summitridge' : 'prairiesky';

test('an admin disables a staff member (who is signed out at once), the audit log shows it, and re-enables them', async ({
  page,
  browser,
}, testInfo) => {
  const tenant = tenantOf(testInfo.project.name);
  const dale = STAFF[tenant].staff;
  const daleContext = await browser.newContext();
  const dalePage = await daleContext.newPage();
  await signInAsStaff(dalePage, { tenant, role: 'staff' });

  await signInAsStaff(page, { tenant, role: 'admin', returnTo: '/modules/settings/team' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Team');
  const settings = page.getByRole('navigation', { name: 'Settings' });
  await expect(settings.getByRole('link', { name: 'Team' })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `/tmp/staff-team-${testInfo.project.name}.png`, fullPage: true });

  const row = page.getByRole('row', { name: new RegExp(dale.replace('.', '\\.')) });
  await expect(row).not.toContainText('Never');
  try {
    await row.getByRole('button', { name: /^Disable/ }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(row).toContainText('Disabled');
    await dalePage.goto(staffUrl(tenant, '/dashboard'));
    await expect(dalePage).toHaveURL(/\/staff\/login$/);

    await page.goto(staffUrl(tenant, '/modules/settings/audit?action=staff.disable'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
    await expect(
      page.getByRole('row', { name: new RegExp(`staff\\.disable.*${dale.replace('.', '\\.')}`) }),
    ).toHaveCount(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `/tmp/staff-audit-${testInfo.project.name}.png`, fullPage: true });
  } finally {
    await page.goto(staffUrl(tenant, '/modules/settings/team'));
    const again = page.getByRole('row', { name: new RegExp(dale.replace('.', '\\.')) });
    if (await again.getByRole('button', { name: /^Enable/ }).count())
      await again.getByRole('button', { name: /^Enable/ }).click();
    await expect(again).toContainText('Active');
    await daleContext.close();
  }
  // Enabled again, Dale signs in as before.
  const fresh = await browser.newPage();
  await signInAsStaff(fresh, { tenant, role: 'staff' });
  await fresh.close();
});

test('the last admin cannot demote themselves: the reason shows in the error summary', async ({ page }, testInfo) => {
  const tenant = tenantOf(testInfo.project.name);
  await signInAsStaff(page, { tenant, role: 'admin', returnTo: '/modules/settings/team' });
  const me = page.getByRole('row', { name: new RegExp(STAFF[tenant].admin.replace('.', '\\.')) });
  await me.getByRole('combobox').selectOption('staff');
  await me.getByRole('button', { name: /^Save role/ }).click();
  await expect(page.getByRole('alert')).toContainText('The last admin cannot be removed.');
  await expect(me).toContainText('Active');
});

test('plain staff cannot open the team or the audit log', async ({ page }) => {
  await signInAsStaff(page, { tenant: 'prairiesky', role: 'staff' });
  for (const path of ['/modules/settings/team', '/modules/settings/audit']) {
    const res = await page.goto(staffUrl('prairiesky', path));
    expect(res?.status(), path).toBe(404);
  }
});

test('an admin invites a new member, who chooses a password from the emailed link and signs in', async ({
  page,
  browser,
}, testInfo) => {
  const tenant = tenantOf(testInfo.project.name);
  const email = `invitee.${testInfo.project.name}.${Date.now()}@example.com`;
  await signInAsStaff(page, { tenant, role: 'admin', returnTo: '/modules/settings/team' });
  await page.getByLabel('Name', { exact: true }).fill('Iris Invitee');
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(`Invitation sent to ${email}.`);
  await expect(page.getByRole('row', { name: /Iris Invitee/ })).toContainText('Invited');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `/tmp/staff-team-invite-${testInfo.project.name}.png`, fullPage: true });

  const link = await linkFromMail(email, /https?:\/\/[^\s"<>]+\/staff\/accept\?code=[\w-]+/);
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Join the team');
  await expectNoAxeViolations(invitee);
  await expectNoHorizontalScroll(invitee);
  await invitee.screenshot({ path: `/tmp/staff-accept-${testInfo.project.name}.png`, fullPage: true });
  await invitee.getByLabel('New password').fill('Iris-Chooses-This-2026');
  await invitee.getByRole('button', { name: 'Set my password' }).click();
  await expect(invitee).toHaveURL(/\/staff\/login\?passwordSet=1$/);
  await expect(invitee.getByRole('status')).toHaveText('Your password is set. Sign in with it.');
  await fillStaffSignIn(invitee, email, 'Iris-Chooses-This-2026');
  await expect(invitee).toHaveURL((url) => url.pathname === '/dashboard');

  await page.reload();
  await expect(page.getByRole('row', { name: /Iris Invitee/ })).toContainText('Active');
  await invitee.context().close();
});
