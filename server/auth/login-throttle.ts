export interface LoginThrottleOptions {
  /** Failed logins allowed for one e-mail address from one client address per window. */
  maxFailuresPerAccount: number;
  /** Failed logins allowed from one client address across all e-mail addresses per window. */
  maxFailuresPerAddress: number;
  windowMs: number;
  /** Maximum number of counters kept in memory. */
  maxEntries: number;
}

/** The e-mail address tried and the client address (`req.ip`) it came from. */
export interface LoginAttempt {
  email: string;
  address: string;
}

const defaultOptions: LoginThrottleOptions = {
  maxFailuresPerAccount: 10,
  maxFailuresPerAddress: 50,
  windowMs: 15 * 60 * 1000,
  maxEntries: 10_000,
};

interface FailureCount {
  count: number;
  /** Time of the first failure in this window, in milliseconds since the epoch. */
  since: number;
}

/**
 * Counts failed logins in memory, to slow password guessing. Failures are counted per e-mail
 * address and client address together, so a stranger cannot lock a user out, and per client
 * address alone, so one client cannot try a few passwords on many accounts.
 * Limitation: the counts live in one process and reset on restart. When `maxEntries` counters
 * are live, the oldest is dropped, so a client with very many addresses can shorten its own wait.
 */
export class LoginThrottle {
  private readonly options: LoginThrottleOptions;
  private readonly counts = new Map<string, FailureCount>();

  constructor(options: Partial<LoginThrottleOptions> = {}) {
    this.options = { ...defaultOptions, ...options };
  }

  isBlocked(attempt: LoginAttempt, now: Date): boolean {
    const accountFailures = this.countOf(accountKey(attempt), now);
    const addressFailures = this.countOf(addressKey(attempt), now);
    return (
      accountFailures >= this.options.maxFailuresPerAccount ||
      addressFailures >= this.options.maxFailuresPerAddress
    );
  }

  recordFailure(attempt: LoginAttempt, now: Date): void {
    this.increment(accountKey(attempt), now);
    this.increment(addressKey(attempt), now);
  }

  /** Forgets the account's failures after a successful login; the address count stays. */
  clearAccount(attempt: LoginAttempt): void {
    this.counts.delete(accountKey(attempt));
  }

  /** Number of counters in memory. */
  get size(): number {
    return this.counts.size;
  }

  private countOf(key: string, now: Date): number {
    const entry = this.counts.get(key);
    if (entry === undefined) {
      return 0;
    }
    if (this.isExpired(entry, now)) {
      this.counts.delete(key);
      return 0;
    }
    return entry.count;
  }

  private increment(key: string, now: Date): void {
    const count = this.countOf(key, now);
    const since = this.counts.get(key)?.since ?? now.getTime();
    // Deleting first moves the key to the end, so the Map stays ordered by last failure.
    this.counts.delete(key);
    this.makeRoom(now);
    this.counts.set(key, { count: count + 1, since });
  }

  private makeRoom(now: Date): void {
    if (this.counts.size < this.options.maxEntries) {
      return;
    }
    for (const [key, entry] of this.counts) {
      if (this.isExpired(entry, now)) {
        this.counts.delete(key);
      }
    }
    for (const key of this.counts.keys()) {
      if (this.counts.size < this.options.maxEntries) {
        break;
      }
      this.counts.delete(key);
    }
  }

  private isExpired(entry: FailureCount, now: Date): boolean {
    return now.getTime() - entry.since >= this.options.windowMs;
  }
}

function accountKey(attempt: LoginAttempt): string {
  return JSON.stringify(['account', attempt.address, attempt.email]);
}

function addressKey(attempt: LoginAttempt): string {
  return JSON.stringify(['address', attempt.address]);
}
