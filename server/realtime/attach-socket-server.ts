import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { isSameOrigin } from '../auth/check-same-origin.ts';
import { findSessionUser } from '../auth/session-repo.ts';
import { readSessionToken } from '../auth/session-cookie.ts';
import type { Database } from '../db/open-database.ts';
import type { Logger } from '../lib/logger.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './realtime-events.ts';
import type { RealtimeHub } from './realtime-hub.ts';

export interface AttachSocketServerOptions {
  db: Database;
  log: Logger;
  publicBaseUrl: string;
  now: () => Date;
}

export interface SocketHub extends RealtimeHub {
  close: () => Promise<void>;
}

interface SocketData {
  userId: string;
  businessId: string;
  sessionId: string;
}

type InboxServer = Server<ClientToServerEvents, ServerToClientEvents, Record<never, never>, SocketData>;

/**
 * Starts socket.io on the HTTP server. A socket is admitted only with a valid session cookie and
 * a same-origin handshake, and joins its business's room alone, so events never cross
 * businesses. Limitation: a socket stays open after its session expires, until it reconnects.
 */
export function attachSocketServer(
  httpServer: HttpServer,
  options: AttachSocketServerOptions,
): SocketHub {
  const io: InboxServer = new Server(httpServer, {
    serveClient: false,
    // WebSocket handshakes are not covered by CORS, so a page on another origin could open one
    // with the user's cookie; checking Origin here closes that.
    allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers, options.publicBaseUrl)),
  });

  io.use((socket, next) => {
    const token = readSessionToken(socket.request.headers.cookie);
    if (!token) {
      next(new Error('unauthorized'));
      return;
    }
    findSessionUser(options.db, token, options.now()).then(
      (session) => {
        if (!session) {
          next(new Error('unauthorized'));
          return;
        }
        socket.data = {
          userId: session.user.id,
          businessId: session.user.businessId,
          sessionId: session.sessionId,
        };
        next();
      },
      (err: unknown) => {
        options.log.error({ err }, 'socket session lookup failed');
        next(new Error('internal'));
      },
    );
  });

  io.on('connection', (socket) => {
    const { userId, businessId, sessionId } = socket.data;
    void socket.join([businessRoom(businessId), `session:${sessionId}`, `user:${userId}`]);
    options.log.debug({ userId, businessId, socketId: socket.id }, 'socket connected');
  });

  return {
    publish: (businessId, event, payload) => {
      const emit = io.to(businessRoom(businessId)).emit as (
        name: string,
        data: typeof payload,
      ) => boolean;
      emit.call(io.to(businessRoom(businessId)), event, payload);
    },
    disconnectSession: (sessionId) => {
      io.in(`session:${sessionId}`).disconnectSockets(true);
    },
    disconnectUser: (userId) => {
      io.in(`user:${userId}`).disconnectSockets(true);
    },
    close: () => new Promise((resolve) => void io.close(() => resolve())),
  };
}

function businessRoom(businessId: string): string {
  return `business:${businessId}`;
}
