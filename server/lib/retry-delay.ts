/** Downloads from the provider are tried this many times before they count as failed. */
export const maxDownloadAttempts = 5;

/** The wait before retry number `attempts`: 2 s, 8 s, 32 s, 128 s. */
export function retryDelayMs(attempts: number): number {
  return 2_000 * 4 ** (attempts - 1);
}
