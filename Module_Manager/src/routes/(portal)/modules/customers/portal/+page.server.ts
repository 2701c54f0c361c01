import { loginActions, loginPageState } from '$lib/server/login-actions';
import type { PageServerLoad } from './$types';

// The landing page is the login page (a signed-in person is sent to the dashboard by the hook).
export const load: PageServerLoad = ({ url }) => ({ state: loginPageState(url) });
export const actions = loginActions;
