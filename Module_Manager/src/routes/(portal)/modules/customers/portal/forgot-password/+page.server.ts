import { loginActions } from '$lib/server/login-actions';

// The same "send me a reset link" action as the inline form on the login page.
export const actions = { forgot: loginActions.forgot! };
