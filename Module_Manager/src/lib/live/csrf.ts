/** The double-submit CSRF token the server put in a readable cookie, for the page's own fetches. */
export function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)wisp_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]!) : '';
}
