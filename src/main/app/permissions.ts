import { isTrustedSender } from './sender';

// Yeban needs no browser permission today (no camera, geolocation, notifications, clipboard-read…).
// A later need is added here by name, with its reason, so that anything unlisted stays denied and
// nothing is ever granted to a document outside the app origin.
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, trustedOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedSender(requestingUrl, trustedOrigin);
}
