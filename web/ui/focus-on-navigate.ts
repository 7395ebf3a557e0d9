/**
 * After a client-side navigation, the new page's h1 takes focus so screen-reader and keyboard users
 * start at the top of the new content (and hear its name). Not on the first load.
 */
let pending = false;

export function requestFocusOnNextPage(): void {
  pending = true;
}

export function consumeFocusRequest(): boolean {
  const was = pending;
  pending = false;
  return was;
}
