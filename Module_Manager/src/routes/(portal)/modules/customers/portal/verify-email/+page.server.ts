import type { PageServerLoad } from './$types';

/**
 * Links from the old sign-up, which confirmed an email AFTER a password had been chosen by whoever
 * signed up. They are no longer honoured: the page sends the customer to sign up again, which emails
 * a link where the password is chosen.
 */
export const load: PageServerLoad = () => ({ result: 'retired' as const });
