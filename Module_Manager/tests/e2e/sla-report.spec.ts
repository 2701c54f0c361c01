import { expect, test } from '@playwright/test';
import { CUSTOMERS, expectAxeClean, expectNoHorizontalScroll, shot, staffApi } from './tickets-helpers';
import { signInAsStaff, staffUrl } from './staff-helpers';

// Service levels and satisfaction (issue 17). Tickets made here are this spec's own; seeded data is read only.
const slug = 'prairiesky' as const;
const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

test('the desk shows each ticket as due or overdue, sorts by it, and the breaching view lists what is close', async ({
  page,
  browser,
}, testInfo) => {
  const api = await staffApi(browser, slug);
  const tag = unique();
  const open = (title: string, priority: string) =>
    api.post<{ ticket: { id: string } }>('/api/work-orders', {
      customerId: CUSTOMERS.prairiesky[1].customerId,
      title,
      description: 'Opened by the service-level spec.',
      category: 'no-connection',
      priority,
    });
  // A fresh high ticket has 60 business minutes for its first answer: due within the hour, so breaching soon.
  // A fresh low one has 8 business hours: due later, not breaching.
  const urgent = (await open(`SLA urgent ${tag}`, 'high')).ticket;
  const calm = (await open(`SLA calm ${tag}`, 'low')).ticket;
  await api.dispose();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsStaff(page, { tenant: slug, role: 'staff', returnTo: `/modules/maintain?q=${tag}&sort=due` });
  const urgentRow = page.locator(`[data-testid="queue-row"][data-ticket="${urgent.id}"]`);
  const calmRow = page.locator(`[data-testid="queue-row"][data-ticket="${calm.id}"]`);
  await expect(urgentRow.getByTestId('row-due')).toHaveAttribute('data-tone', 'soon');
  await expect(urgentRow.getByTestId('row-due')).toContainText(/Due in (\d+m|1h)/);
  await expect(calmRow.getByTestId('row-due')).toHaveAttribute('data-tone', 'later');
  await expect(calmRow.getByTestId('row-due')).toContainText(/Due in \d+h/);
  // Sorted by due: the urgent one comes first.
  await expect(page.getByTestId('queue-row').first()).toHaveAttribute('data-ticket', urgent.id);
  await shot(page, testInfo, 'sla-queue-1280');

  await page.getByTestId('view-breaching').click();
  await expect(page).toHaveURL(/view=breaching/);
  await expect(page.locator(`[data-testid="queue-row"][data-ticket="${urgent.id}"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="queue-row"][data-ticket="${calm.id}"]`)).toHaveCount(0);
  for (const tone of await page
    .getByTestId('row-due')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-tone'))))
    expect(['soon', 'overdue']).toContain(tone);

  // The dashboard links to the same view.
  await page.goto(staffUrl(slug, '/dashboard'));
  await page.locator('[data-link="breachingSoon"]').click();
  await expect(page).toHaveURL(/\/modules\/maintain\?view=breaching/);
});

test('the satisfaction report shows the average, the distribution and a seeded low rating linked to its ticket', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsStaff(page, { tenant: slug, role: 'staff', returnTo: '/modules/reports/satisfaction' });
  await expect(page.getByRole('heading', { name: 'Customer satisfaction', level: 1 })).toBeVisible();
  await expect(page.getByTestId('csat-summary')).toContainText('/ 5');
  await expect(page.getByTestId('csat-distribution').locator('[data-rating="2"]')).not.toHaveText('0');
  const low = page.getByTestId('csat-low-item').filter({ hasText: 'Dish moved in the wind' });
  await expect(low).toContainText('two days without a usable signal');
  await expectAxeClean(page);
  await shot(page, testInfo, 'sla-report-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page);
  await shot(page, testInfo, 'sla-report-360');

  await low.getByRole('link').click();
  await expect(page).toHaveURL(/\/modules\/maintain\/[0-9a-f]{24}$/);
  await expect(page.getByRole('heading', { name: /Dish moved in the wind/ })).toBeVisible();
});

test('service levels: staff read the targets, an admin changes one and the page says so', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsStaff(page, { tenant: slug, role: 'staff', returnTo: '/modules/settings/service-levels' });
  await expect(page.getByTestId('sla-targets')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save targets' })).toHaveCount(0);
  await expect(page.getByText('Only admins can change these targets.')).toBeVisible();
  await shot(page, testInfo, 'sla-settings-staff-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page);
  await shot(page, testInfo, 'sla-settings-staff-360');
  await page.context().clearCookies();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsStaff(page, { tenant: slug, role: 'admin', returnTo: '/modules/settings/service-levels' });
  // Critical is never used by the other specs' tickets, so changing it leaves their clocks alone.
  const field = page.locator('#critical-resolutionMinutes');
  await field.fill('10');
  await page.locator('#critical-firstResponseMinutes').fill('20');
  await page.getByRole('button', { name: 'Save targets' }).click();
  await expect(page.getByRole('alert')).toContainText('Resolution cannot be due before the first response.');
  await field.fill('300');
  await page.getByRole('button', { name: 'Save targets' }).click();
  await expect(page.getByRole('status')).toContainText('Targets saved');
  await expect(page.locator('#critical-firstResponseMinutes')).toHaveValue('20');
  await expect(page.getByText('Last changed by admin@prairiesky.example.')).toBeVisible();
  await expectAxeClean(page);
  await shot(page, testInfo, 'sla-settings-admin-1280');
});
