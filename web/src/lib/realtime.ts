import { useEffect, useRef } from 'react';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  RealtimeEventName,
  RealtimePayload,
  ServerToClientEvents,
} from '../../../server/realtime/realtime-events.ts';

type InboxSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: InboxSocket | null = null;

/** The socket.io connection for the logged-in user, opened on first use. */
function getSocket(): InboxSocket {
  // The session cookie authenticates the handshake; the server puts the socket in its
  // business's room.
  socket ??= io({ withCredentials: true });
  return socket;
}

/** Closes the connection, such as after logging out. */
export function closeRealtime(): void {
  socket?.disconnect();
  socket = null;
}

export type RealtimeListener = <Name extends RealtimeEventName>(
  event: Name,
  payload: RealtimePayload<Name>,
) => void;

/**
 * Calls `listener` for every event pushed to the user's business, and once with
 * `reconnected` after a dropped connection comes back, so the page can catch up on what it
 * missed.
 */
export function useRealtime(listener: RealtimeListener, onReconnect?: () => void): void {
  const listenerRef = useRef(listener);
  const reconnectRef = useRef(onReconnect);
  listenerRef.current = listener;
  reconnectRef.current = onReconnect;

  useEffect(() => {
    const current = getSocket();
    const handleAny = (event: string, payload: unknown) => {
      listenerRef.current(event as RealtimeEventName, payload as never);
    };
    let hasConnected = current.connected;
    const handleConnect = () => {
      if (hasConnected) {
        reconnectRef.current?.();
      }
      hasConnected = true;
    };
    current.onAny(handleAny);
    current.on('connect', handleConnect);
    return () => {
      current.offAny(handleAny);
      current.off('connect', handleConnect);
    };
  }, []);
}
