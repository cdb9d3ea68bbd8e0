/**
 * Events the server pushes to the web app, one map shared by server and browser. Payloads
 * carry ids and small summaries; the app reads full records through the REST API, which checks
 * the reader's business again.
 */
export interface ServerToClientEvents {
  'message:created': (payload: { conversationId: string; messageId: string; direction: 'inbound' | 'outbound' }) => void;
  'message:updated': (payload: { conversationId: string; messageId: string; status: string }) => void;
  'conversation:updated': (payload: { conversationId: string }) => void;
  'call:updated': (payload: { callId: string; conversationId: string | null }) => void;
  'notification:created': (payload: { notificationId: string; conversationId: string | null; kind: string }) => void;
  'note:created': (payload: { conversationId: string; noteId: string }) => void;
  'settings:updated': (payload: { businessId: string }) => void;
}

/** The browser sends nothing over the socket; every change goes through the REST API. */
export type ClientToServerEvents = Record<never, never>;

export type RealtimeEventName = keyof ServerToClientEvents;
export type RealtimePayload<Name extends RealtimeEventName> = Parameters<ServerToClientEvents[Name]>[0];
