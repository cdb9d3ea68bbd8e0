import type { RealtimeEventName, RealtimePayload } from './realtime-events.ts';

/** Publishes an event to everyone watching one business's inbox, and no one else. */
export interface RealtimeHub {
  publish<Name extends RealtimeEventName>(
    businessId: string,
    event: Name,
    payload: RealtimePayload<Name>,
  ): void;
  /** Closes the sockets opened with one session, after it logged out. */
  disconnectSession(sessionId: string): void;
  /** Closes every socket of one user, after their account was removed. */
  disconnectUser(userId: string): void;
}

/** A hub with no listeners, for processes and tests without a web socket server. */
export const silentHub: RealtimeHub = {
  publish: () => undefined,
  disconnectSession: () => undefined,
  disconnectUser: () => undefined,
};
