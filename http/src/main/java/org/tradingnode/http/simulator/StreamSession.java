package org.tradingnode.http.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.BoundedSourceQueue;

/**
 * One client WebSocket: the streams it listens to, whether payloads are wrapped as a combined
 * stream ({@code {"stream": ..., "data": ...}}), the queue its outgoing messages go through, and
 * the TCP connection it runs on. A stream socket answers the documented control messages ({@code SUBSCRIBE}, {@code UNSUBSCRIBE},
 * {@code LIST_SUBSCRIPTIONS}, {@code SET_PROPERTY}/{@code GET_PROPERTY} of {@code combined}); a
 * WebSocket API socket hands its requests to {@link WsApiRequests}. A
 * client too slow to take its messages loses the socket, as on Binance. Thread-safe.
 */
final class StreamSession {
  private final Set<String> streams = ConcurrentHashMap.newKeySet();
  private final BoundedSourceQueue<Message> outgoing;
  private final BooleanSupplier silent;
  private final ClientConnection connection;
  private final Map<String, Integer> userDataSubscriptions = new ConcurrentHashMap<>();
  private final AtomicInteger nextSubscriptionId = new AtomicInteger();
  private final WsApiRequests wsApi;
  private volatile boolean combined;

  StreamSession(BoundedSourceQueue<Message> outgoing, ClientConnection connection, Collection<String> streams,
      boolean combined, BooleanSupplier silent, WsApiRequests wsApi) {
    this.wsApi = wsApi;
    this.outgoing = outgoing;
    this.connection = connection;
    this.streams.addAll(streams);
    this.combined = combined;
    this.silent = silent;
  }

  /** Sends a user data event wrapped with its subscription id if this socket subscribed to {@code account}. */
  void deliverUserData(String account, String payload) {
    Integer subscriptionId = userDataSubscriptions.get(account);
    if (subscriptionId != null) {
      send("{\"subscriptionId\":" + subscriptionId + ",\"event\":" + payload + "}");
    }
  }

  /** Sends the payload if this socket listens to {@code stream}. */
  void deliver(String stream, String payload) {
    if (streams.contains(stream)) {
      send(combined ? "{\"stream\":" + SimulatorJson.write(SimulatorJson.MAPPER.getNodeFactory().textNode(stream))
          + ",\"data\":" + payload + "}" : payload);
    }
  }

  /** A WebSocket API subscription to the account's user data; its id, the same one again if already subscribed. */
  int subscribeUserData(String account) {
    return userDataSubscriptions.computeIfAbsent(account, a -> nextSubscriptionId.getAndIncrement());
  }

  void unsubscribeUserData() {
    userDataSubscriptions.clear();
  }

  /** Handles a text frame from the client: a control request (or a WebSocket API request), answered on the same socket. */
  void onClientText(String text) {
    if (wsApi != null) {
      wsApi.handle(this, text);
      return;
    }
    JsonNode request;
    try {
      request = SimulatorJson.MAPPER.readTree(text);
    } catch (IOException e) {
      send(SimulatorJson.write(SimulatorJson.object().put("code", 3).put("msg", "Invalid JSON: " + e.getMessage())));
      return;
    }
    JsonNode id = request.path("id");
    ObjectNode answer = SimulatorJson.object();
    switch (request.path("method").asText()) {
      case "SUBSCRIBE" -> {
        names(request.path("params")).forEach(streams::add);
        answer.putNull("result");
      }
      case "UNSUBSCRIBE" -> {
        names(request.path("params")).forEach(streams::remove);
        answer.putNull("result");
      }
      case "LIST_SUBSCRIPTIONS" -> {
        var list = answer.putArray("result");
        streams.stream().sorted().forEach(list::add);
      }
      case "SET_PROPERTY" -> {
        JsonNode params = request.path("params");
        if (!params.path(0).asText().equals("combined")) {
          send(error(0, "Unknown property", id));
          return;
        }
        if (!params.path(1).isBoolean()) {
          send(error(1, "Invalid value type: expected Boolean", id));
          return;
        }
        combined = params.path(1).asBoolean();
        answer.putNull("result");
      }
      case "GET_PROPERTY" -> {
        if (!request.path("params").path(0).asText().equals("combined")) {
          send(error(0, "Unknown property", id));
          return;
        }
        answer.put("result", combined);
      }
      default -> {
        send(error(2, "Invalid request: unknown method", id));
        return;
      }
    }
    answer.set("id", id.isMissingNode() ? SimulatorJson.MAPPER.getNodeFactory().nullNode() : id);
    send(SimulatorJson.write(answer));
  }

  /** Sends {@code text} as it is, whatever the socket subscribed to (also a fault: a garbled or unexpected frame). */
  void sendText(String text) {
    send(text);
  }

  /** Ends the socket at once, as a network failure would: the TCP connection closes without a close frame. */
  void drop() {
    connection.drop();
  }

  private void send(String text) {
    if (silent.getAsBoolean()) {
      return;
    }
    if (!outgoing.offer(TextMessage.create(text)).isEnqueued()) {
      drop();
    }
  }

  private static List<String> names(JsonNode params) {
    List<String> names = new ArrayList<>();
    params.forEach(p -> names.add(p.asText()));
    return names;
  }

  private static String error(int code, String message, JsonNode id) {
    ObjectNode error = SimulatorJson.object().put("code", code).put("msg", message);
    error.set("id", id.isMissingNode() ? SimulatorJson.MAPPER.getNodeFactory().nullNode() : id);
    return SimulatorJson.write(error);
  }
}
