package org.tradingnode.core.domain.venue.bybit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests a client sends on a Bybit v5 WebSocket, as JSON text frames
 * (docs/v5/websocket/wss-authentication.mdx): {@code subscribe}, {@code unsubscribe}, {@code ping}
 * and {@code auth}.
 */
public final class BybitRequests {
  /** Spot takes at most 10 topics per subscribe request; the other categories take more. */
  static final int MAX_TOPICS_PER_REQUEST = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private BybitRequests() {}

  /** Subscribe requests for the topics, in order, at most {@value #MAX_TOPICS_PER_REQUEST} topics each. */
  public static List<String> subscribe(List<String> topics) {
    return topicRequests("subscribe", topics);
  }

  /** Unsubscribe requests for the topics, in order, at most {@value #MAX_TOPICS_PER_REQUEST} topics each. */
  public static List<String> unsubscribe(List<String> topics) {
    return topicRequests("unsubscribe", topics);
  }

  /** The heartbeat the venue answers with a pong. */
  public static String ping() {
    return JSON.createObjectNode().put("op", "ping").toString();
  }

  /** The authentication request of a private connection. */
  public static String auth(String apiKey, long expires, String signature) {
    ObjectNode request = JSON.createObjectNode().put("op", "auth");
    request.putArray("args").add(apiKey).add(expires).add(signature);
    return request.toString();
  }

  private static List<String> topicRequests(String op, List<String> topics) {
    if (topics.isEmpty()) {
      throw new IllegalArgumentException(op + " needs at least one topic");
    }
    List<String> requests = new ArrayList<>();
    for (int from = 0; from < topics.size(); from += MAX_TOPICS_PER_REQUEST) {
      ObjectNode request = JSON.createObjectNode().put("op", op);
      ArrayNode args = request.putArray("args");
      topics.subList(from, Math.min(from + MAX_TOPICS_PER_REQUEST, topics.size())).forEach(args::add);
      requests.add(request.toString());
    }
    return List.copyOf(requests);
  }
}
