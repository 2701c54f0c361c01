import { describe, expect, it } from 'vitest';
import { fakeEvent } from '../testing/fake-event.ts';
import { firstVisitLocale, locale, LOCALE_COOKIE } from './locale.ts';

const PAGE = 'http://summitridge.localhost:4173/modules/customers/portal/login';

function eventFor(headers: Record<string, string>, cookies: Record<string, string> = {}, defaultLocale = 'es') {
  const made = fakeEvent(PAGE, { headers, cookies });
  (made.event.locals as { tenant: unknown }).tenant = { slug: 'summitridge', defaultLocale };
  return made;
}

describe('the language of a first visit', () => {
  it('a browser speaking none of the portal languages gets the tenant default, remembered in the cookie', async () => {
    const { event, setCookies } = eventFor({ 'accept-language': 'fr-FR,fr;q=0.9,de;q=0.5' });
    expect(firstVisitLocale(event)).toBe('es');
    let lang = '';
    await locale({
      event,
      resolve: (_e, opts) => {
        lang = String(opts?.transformPageChunk?.({ html: '<html lang="%lang%">', done: true }));
        return new Response('ok');
      },
    });
    expect(lang).toBe('<html lang="es">');
    expect(setCookies.get(LOCALE_COOKIE)?.value).toBe('es');
  });

  it('a browser that speaks a portal language keeps it, whatever the tenant default', () => {
    expect(firstVisitLocale(eventFor({ 'accept-language': 'en-US,en;q=0.9' }).event)).toBeUndefined();
    expect(firstVisitLocale(eventFor({ 'accept-language': 'fr-FR,es;q=0.4' }).event)).toBeUndefined();
  });

  it('a language chosen before (the cookie) always wins', () => {
    expect(firstVisitLocale(eventFor({ 'accept-language': 'fr' }, { [LOCALE_COOKIE]: 'en' }).event)).toBeUndefined();
  });

  it('an English-default tenant changes nothing (English is the base language anyway)', () => {
    expect(firstVisitLocale(eventFor({ 'accept-language': 'fr' }, {}, 'en').event)).toBe('en');
  });
});
