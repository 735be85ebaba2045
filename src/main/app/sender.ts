// Every IPC call names the URL of the frame that sent it; only documents of our own origin
// (app://yeban in Electron, the loopback server in the Chromium e2e host) may call the main process.
export function isTrustedSender(senderUrl: string | undefined | null, trustedOrigin: string): boolean {
  if (!senderUrl) return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  // URL.origin is "null" for non-special schemes like app:, so compare scheme and host ourselves.
  let trusted: URL;
  try {
    trusted = new URL(trustedOrigin);
  } catch {
    return false;
  }
  return url.protocol === trusted.protocol && url.host === trusted.host && url.username === '' && url.password === '';
}
