/**
 * Events the server pushes to the web app, one map shared by server and browser. Payloads
 * carry ids and small summaries; the app reads full records through the REST API.
 */
export interface ServerToClientEvents {
  'message:created': (payload: { conversationId: string; messageId: string; direction: 'inbound' | 'outbound' }) => void;
  'message:updated': (payload: { conversationId: string; messageId: string; status: string }) => void;
  'conversation:updated': (payload: { conversationId: string }) => void;
  'call:updated': (payload: { callId: string; conversationId: string | null }) => void;
  'notification:created': (payload: { notificationId: string; conversationId: string | null; kind: string }) => void;
}

export type RealtimeEventName = keyof ServerToClientEvents;
export type RealtimePayload<Name extends RealtimeEventName> = Parameters<ServerToClientEvents[Name]>[0];
