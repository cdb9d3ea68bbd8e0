/** Failed logins allowed per e-mail address within `windowMs` before further tries are refused. */
const maxFailures = 10;
const windowMs = 15 * 60 * 1000;

/**
 * Counts failed logins per e-mail address in memory, to slow password guessing.
 * Limitation: the counts live in one process and reset on restart.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  isBlocked(email: string, now: Date): boolean {
    return this.recent(email, now).length >= maxFailures;
  }

  recordFailure(email: string, now: Date): void {
    this.failures.set(email, [...this.recent(email, now), now.getTime()]);
  }

  clear(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string, now: Date): number[] {
    const since = now.getTime() - windowMs;
    return (this.failures.get(email) ?? []).filter((time) => time > since);
  }
}
