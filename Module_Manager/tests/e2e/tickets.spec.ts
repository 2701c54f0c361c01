import { expect, test, type Page } from '@playwright/test';
import {
  browserFetch,
  signInCustomerWithoutJs,
  CUSTOMERS,
  expectAxeClean,
  expectNoHorizontalScroll,
  shot,
  signInCustomer,
  staffApi,
  ticketsUrl,
  tinyPng,
  type Slug,
} from './tickets-helpers';
import { portalUrl } from './portal-urls';

// Desktop walks Prairie Sky, the phone walks Summit Ridge: both brandings, both sizes, one run each.
const tenantFor = (project: string): Slug => (project === 'phone' ? 'summitridge' : 'prairiesky');

/** Signs in this project's tenant's second demo customer (the one the ticket journeys use). */
async function signInJourneyCustomer(page: Page, project: string) {
  const slug = tenantFor(project);
  const customer = CUSTOMERS[slug][1];
  await signInCustomer(page, slug, customer.email);
  return { slug, customer };
}

test('an anonymous visitor to the tickets pages is sent to sign in and back', async ({ page }) => {
  await page.goto(ticketsUrl('prairiesky', '?filter=closed'));
  await expect(page).toHaveURL(
    /\/modules\/customers\/portal\/login\?returnTo=%2Fmodules%2Fcustomers%2Fportal%2Ftickets%3Ffilter%3Dclosed/,
  );
});

test('a customer files a ticket with a photo, sees the staff reply arrive live, closes and rates it', async ({
  page,
  browser,
}, testInfo) => {
  const { slug } = await signInJourneyCustomer(page, testInfo.project.name);

  // One page: compact category choices and the form together.
  await page.goto(ticketsUrl(slug, '/new'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report a problem');
  await expectAxeClean(page);
  await shot(page, testInfo, `${slug}-ticket-new-category`);
  await page.getByRole('radio', { name: /Equipment problem/ }).check();

  // Errors before upload: summary linked to the fields, fields marked invalid.
  const title = page.getByLabel('Short title (optional)');
  await expect(title).toBeVisible();
  await title.fill('Ant');
  await page.getByRole('button', { name: 'Send ticket' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /short title/ })).toHaveAttribute('href', '#title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAttribute('aria-describedby', /title-error/);
  await expectNoHorizontalScroll(page);

  // A file the portal cannot take is refused before upload, by name.
  await page
    .getByLabel('Photos or files (optional)')
    .setInputFiles({ name: 'virus.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await expect(page.getByText("virus.exe can't be attached").first()).toBeVisible();

  const unique = `Antenna light blinking ${Date.now()}`;
  await title.fill(unique);
  await page.getByLabel('What happened?').fill('The antenna light blinks red since the storm last night.');
  await page.getByRole('radio', { name: /High/ }).check();
  await page
    .getByLabel('Photos or files (optional)')
    .setInputFiles({ name: 'antenna.png', mimeType: 'image/png', buffer: tinyPng() });
  await expect(
    page.getByRole('list', { name: 'Files to send' }).getByRole('button', { name: 'Remove antenna.png' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Files to send' }).locator('img')).toHaveCount(1);
  await expectAxeClean(page);
  await shot(page, testInfo, `${slug}-ticket-new-form`);
  await page.getByRole('button', { name: 'Send ticket' }).click();

  await expect(page).toHaveURL(/\/tickets\/[a-f0-9]{24}\?created=1/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(unique);
  const ticketId = page.url().match(/tickets\/([a-f0-9]{24})/)![1]!;
  await expect(page.getByText(/^TKT-\d{4}-\d{4,}$/)).toBeVisible();
  const gallery = page.getByRole('link', { name: 'Open antenna.png full size' });
  await expect(gallery).toBeVisible();
  const full = await browserFetch(page, (await gallery.getAttribute('href')) as string);
  expect(full.contentType).toMatch(/^image\//);

  // Staff answer from the staff API: an internal note first (must never show), then a public reply.
  // A marker on the window proves the reply arrives without a page reload.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const staff = await staffApi(browser, slug);
  const secret = `INTERNAL-${Date.now()} customer seems confused`;
  await staff.post(`/api/work-orders/${ticketId}/notes`, { body: secret });
  const reply = `Thanks! A technician will swap the radio tomorrow (${Date.now()}).`;
  await staff.post(`/api/work-orders/${ticketId}/replies`, { body: reply });
  await expect(page.getByText(reply)).toBeVisible({ timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(page.getByTestId('live-announcement')).not.toBeEmpty();
  await expect(page.getByText(secret)).toHaveCount(0);

  // The list shows it without the unread badge (opening it marked it read), with text status.
  await page.goto(ticketsUrl(slug));
  const card = page.locator(`[data-ticket-id="${ticketId}"]`);
  await expect(card.getByText('In progress', { exact: true })).toBeVisible();
  await expect(card.getByText('Priority: High')).toBeVisible();
  await expectAxeClean(page);
  await expectNoHorizontalScroll(page);
  await shot(page, testInfo, `${slug}-tickets-list`);
  await card.click();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.getByText(reply)).toBeVisible();

  // A comment that fails keeps the text (empty message → error, nothing lost); a real one is sent.
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByText('Write a message before sending.')).toBeVisible();
  await page.getByLabel('Your message').fill('Great, I will be home after 9.');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByRole('list', { name: 'Messages' }).getByText('Great, I will be home after 9.')).toBeVisible();

  // Staff resolve it: the status changes live; the customer closes and rates.
  await staff.post(`/api/work-orders/${ticketId}/status`, { status: 'resolved' });
  await expect(page.getByTestId('ticket-status')).toHaveText('Resolved', { timeout: 10_000 });
  await expectAxeClean(page);
  await shot(page, testInfo, `${slug}-ticket-detail`);
  // The one question a resolved ticket asks, at the top; the answer is confirmed.
  await page.getByTestId('did-this-fix-it').getByRole('button', { name: 'Yes, close it' }).click();
  await expect(page.getByTestId('ticket-status')).toHaveText('Closed');
  await expect(page.getByTestId('confirmation')).toContainText('your ticket is closed');
  await page.getByRole('radio', { name: '5 stars' }).check();
  await page.getByLabel(/Anything you'd like to tell us/).fill('Quick and friendly.');
  await page.getByRole('button', { name: 'Send rating' }).click();
  await expect(page.getByTestId('rated')).toContainText('5 of 5');
  await expect(page.getByTestId('confirmation')).toHaveText('Thank you for your rating.');
  await expectNoHorizontalScroll(page);
  await staff.dispose();
});

test('a new staff reply raises the unread badge on the list live, without a reload', async ({
  page,
  browser,
}, testInfo) => {
  const { slug, customer } = await signInJourneyCustomer(page, testInfo.project.name);
  const created = await browserFetch<{ ticket: { id: string } }>(
    page,
    `/api/work-orders/customer/${customer.customerId}`,
    {
      form: {
        title: 'Slow evenings',
        description: 'Every evening speed drops a lot.',
        category: 'other',
        priority: 'low',
      },
    },
  );
  expect(created.status).toBe(201);
  const ticketId = created.json.ticket.id;
  await page.goto(ticketsUrl(slug));
  const card = page.locator(`[data-ticket-id="${ticketId}"]`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId('unread-badge')).toHaveCount(0);
  // Give the event stream a moment to connect before staff act.
  await page.waitForTimeout(500);
  const staff = await staffApi(browser, slug);
  await staff.post(`/api/work-orders/${ticketId}/replies`, { body: 'Could you run a speed test by cable?' });
  await staff.post(`/api/work-orders/${ticketId}/status`, { status: 'waiting-on-customer' });
  await expect(card.getByTestId('unread-badge')).toHaveText('New replies: 1', { timeout: 10_000 });
  await expect(card.getByText('Waiting on you')).toBeVisible({ timeout: 10_000 });
  await staff.dispose();
});

// Issue 18, items 6 and 8: photos are picked with a translated button and seen in the conversation.
test('photos: an "Add photos" button instead of the raw input, thumbnails with remove, and a lightbox in the thread', async ({
  page,
  context,
}, testInfo) => {
  const { slug } = await signInJourneyCustomer(page, testInfo.project.name);
  await page.goto(ticketsUrl(slug, '/new'));
  const input = page.locator('input#files');
  // The browser's own "Choose Files / No file chosen" control is not what a person sees: the styled label is.
  await expect(page.getByTestId('add-photos')).toHaveText('Add photos');
  const inputBox = await input.boundingBox();
  expect(inputBox!.width).toBeLessThanOrEqual(1);
  expect(await input.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
  expect(await input.getAttribute('accept')).toContain('image/*');
  expect(await input.getAttribute('capture')).toBeNull();
  // Only a mouse or trackpad is told to drag (the phone project emulates a touch screen).
  const fine = await page.evaluate(() => matchMedia('(pointer: fine)').matches);
  expect(fine).toBe(testInfo.project.name === 'desktop');
  await expect(page.getByText('You can also drag files here.')).toHaveCount(fine ? 1 : 0);

  await page.getByRole('radio', { name: /Equipment problem/ }).check();
  await page.getByLabel('What happened?').fill('The cable to the roof radio is chewed through.');
  await input.setInputFiles(
    ['cable.png', 'radio.png', 'wall.png'].map((name) => ({ name, mimeType: 'image/png', buffer: tinyPng() })),
  );
  const chosen = page.getByRole('list', { name: 'Files to send' });
  await expect(chosen.locator('img')).toHaveCount(3);
  await expect(page.getByTestId('add-photos')).toHaveText('Add more photos');
  // Removing a photo removes it from what the form sends (the input's own file list follows).
  await chosen.getByRole('button', { name: 'Remove wall.png' }).click();
  await expect(chosen.locator('img')).toHaveCount(2);
  expect(await input.evaluate((el: HTMLInputElement) => [...(el.files ?? [])].map((f) => f.name))).toEqual([
    'cable.png',
    'radio.png',
  ]);
  await expectAxeClean(page);
  await shot(page, testInfo, `${slug}-ticket-new-photos`);
  await page.getByRole('button', { name: 'Send ticket' }).click();
  await expect(page).toHaveURL(/\/tickets\/[a-f0-9]{24}\?created=1/);

  // In the conversation: the message shows its photos as thumbnails (not file-name links), each opening a lightbox.
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByRole('list', { name: 'Photos' }).locator('img')).toHaveCount(2);
  await expect(page.getByText('wall.png')).toHaveCount(0);
  const first = thread.getByRole('link', { name: 'Open cable.png full size' });
  await first.click();
  const lightbox = page.getByRole('dialog');
  await expect(lightbox).toBeVisible();
  await expect(lightbox).toHaveAccessibleName(/cable\.png/);
  await expect(lightbox).toContainText(/1 kB · photo 1 of 2/);
  const image = lightbox.getByRole('img', { name: 'cable.png' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  await expect(lightbox.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectAxeClean(page);
  await shot(page, testInfo, `${slug}-ticket-lightbox`);
  await lightbox.getByRole('button', { name: 'Next' }).click();
  await expect(lightbox.getByRole('img', { name: 'radio.png' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(lightbox.getByRole('img', { name: 'cable.png' })).toBeVisible();
  // Esc closes it and the keyboard is back on the thumbnail it came from.
  await page.keyboard.press('Escape');
  await expect(lightbox).toBeHidden();
  await expect(first).toBeFocused();
  const second = thread.getByRole('link', { name: 'Open radio.png full size' });
  await second.click();
  await lightbox.getByRole('button', { name: 'Close' }).click();
  await expect(lightbox).toBeHidden();
  await expect(second).toBeFocused();

  // The same picker, in Spanish, on the reply form.
  await context.addCookies([{ name: 'portal_locale', value: 'es', url: portalUrl(slug) }]);
  await page.reload();
  await expect(page.getByTestId('add-photos')).toHaveText('Añadir fotos');
  await expect(page.getByText('También puede arrastrar archivos aquí.')).toHaveCount(fine ? 1 : 0);
});

// Issue 18, item 7: the card is one link, says when and where in one line, and marks unread quietly but clearly.
test('a ticket card is one link with one line of meta, and an unread one shows a dot and a bold title', async ({
  page,
  browser,
}, testInfo) => {
  const { slug, customer } = await signInJourneyCustomer(page, testInfo.project.name);
  const created = await browserFetch<{ ticket: { id: string } }>(
    page,
    `/api/work-orders/customer/${customer.customerId}`,
    {
      form: {
        title: `Card check ${Date.now()}`,
        description: 'Checking the card.',
        category: 'other',
        priority: 'low',
      },
    },
  );
  const ticketId = created.json.ticket.id;
  const staff = await staffApi(browser, slug);
  await staff.post(`/api/work-orders/${ticketId}/replies`, { body: 'Is the radio light green?' });
  await staff.dispose();

  await page.goto(ticketsUrl(slug));
  await expect(page.getByText(/^Tickets: \d+$/)).toHaveCount(0);
  const card = page.locator(`[data-ticket-id="${ticketId}"]`);
  expect(await card.evaluate((el) => el.tagName)).toBe('A');
  await expect(card.locator('a, button, input, select, textarea, [tabindex]')).toHaveCount(0);
  // One line of meta: when it last moved, then its status.
  const meta = card.locator('.meta');
  // (\s: a no-break space ties the dot to the time before it.)
  await expect(meta).toHaveText(/^Updated (now|\d+ minutes? ago)\s· In progress$/);
  const lines = await meta.evaluate((el) =>
    Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
  );
  expect(lines).toBe(1);
  // Unread: a dot and a bold title, with words for screen readers.
  await expect(card.getByTestId('unread-badge')).toHaveText('New replies: 1');
  await expect(card.locator('.dot')).toBeVisible();
  const weight = await card.getByRole('heading').evaluate((el) => Number(getComputedStyle(el).fontWeight));
  expect(weight).toBeGreaterThanOrEqual(700);
  await expectAxeClean(page);
  // A tap anywhere on the card opens the ticket, not only on its title.
  await card.scrollIntoViewIfNeeded();
  const box = (await card.boundingBox())!;
  await page.mouse.click(box.x + box.width - 8, box.y + box.height - 8);
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticketId}$`));
  await page.goto(ticketsUrl(slug));
  await expect(card.locator('.dot')).toHaveCount(0);
  const readWeight = await card.getByRole('heading').evaluate((el) => Number(getComputedStyle(el).fontWeight));
  expect(readWeight).toBeLessThan(700);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the ticket form works as a plain form post, with errors and a file', async ({
    page,
    browser,
    context,
  }, testInfo) => {
    const slug = tenantFor(testInfo.project.name);
    await signInCustomerWithoutJs(browser, context, slug, CUSTOMERS[slug][1].email);
    await page.goto(ticketsUrl(slug, '/new'));
    await page.getByRole('radio', { name: /Billing/ }).check();
    await page.getByLabel('What happened?').fill('I was charged twice this month.');
    await page.getByLabel('Short title (optional)').fill('Bill');
    await page.getByRole('button', { name: 'Send ticket' }).click();
    // Server-side errors; what was typed is still there.
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
    await expect(page.getByLabel('What happened?')).toHaveValue('I was charged twice this month.');
    await expect(page.getByRole('radio', { name: /Billing/ })).toBeChecked();
    await expect(page.getByLabel('Short title (optional)')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Short title (optional)').fill('Double charge on my bill');
    await page
      .getByLabel('Photos or files (optional)')
      .setInputFiles({ name: 'bill.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByRole('button', { name: 'Send ticket' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Double charge on my bill');
    await expect(page.getByRole('link', { name: 'Open bill.png full size' })).toBeVisible();
    // Commenting without JavaScript too.
    await page.getByLabel('Your message').fill('Invoice number is 4711.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await expect(page.getByRole('list', { name: 'Messages' }).getByText('Invoice number is 4711.')).toBeVisible();
  });
});

test('the tickets pages read in Spanish', async ({ page, context }, testInfo) => {
  const slug = tenantFor(testInfo.project.name);
  await signInCustomer(page, slug, CUSTOMERS[slug][1].email);
  await context.addCookies([{ name: 'portal_locale', value: 'es', url: portalUrl(slug) }]);
  await page.goto(ticketsUrl(slug));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mis tickets');
  await expect(page.getByRole('link', { name: 'Reportar un problema' }).first()).toBeVisible();
  await expectAxeClean(page);
  await page.goto(ticketsUrl(slug, '/new?category=other'));
  await expect(page.getByLabel('Título')).toBeVisible();
  await expectAxeClean(page);
});
