package org.tradingnode.http.simulator;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.stream.BoundedSourceQueue;

/**
 * The open WebSockets. A socket is registered before its upgrade is answered, so a client that has
 * seen its socket open misses nothing published after that. While the venue is silent nothing is
 * sent. Thread-safe.
 */
final class StreamRegistry implements StreamPublisher {
  private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
  private final Faults faults;

  StreamRegistry(Faults faults) {
    this.faults = faults;
  }

  /** A socket of the WebSocket API when {@code wsApi} is given, of the streams otherwise. */
  StreamSession open(BoundedSourceQueue<Message> outgoing, ClientConnection connection, Collection<String> streams,
      boolean combined, WsApiRequests wsApi) {
    StreamSession session = new StreamSession(outgoing, connection, streams, combined, faults::silent, wsApi);
    sessions.add(session);
    return session;
  }

  void close(StreamSession session) {
    sessions.remove(session);
  }

  @Override
  public void publish(String stream, String payload) {
    if (!faults.silent()) {
      sessions.forEach(s -> s.deliver(stream, payload));
    }
  }

  @Override
  public void publishUserData(String account, String payload) {
    if (!faults.silent()) {
      sessions.forEach(s -> s.deliverUserData(account, payload));
    }
  }

  int openSockets() {
    return sessions.size();
  }

  /** Sends each of {@code frames} as it is to every open socket. */
  void sendRawToAll(List<String> frames) {
    sessions.forEach(s -> frames.forEach(s::sendText));
  }

  /** Ends every open socket. */
  void dropAll() {
    sessions.forEach(StreamSession::drop);
  }
}
