import Root from './login-panel.svelte';
export { Root, Root as LoginPanel };
