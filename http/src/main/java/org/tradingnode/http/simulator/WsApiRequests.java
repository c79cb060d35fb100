package org.tradingnode.http.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The part of Binance's WebSocket API ({@code /ws-api/v3}) that carries the user data stream since
 * listen keys were retired: {@code userDataStream.subscribe.signature} (parameters sorted by name
 * and signed like a SIGNED REST request, checked by the same authenticator),
 * {@code userDataStream.unsubscribe} and {@code ping}. Answers are
 * {@code {"id", "status", "result"}} or {@code {"id", "status", "error": {"code", "msg"}}}; events
 * of a subscription arrive as {@code {"subscriptionId", "event"}}. Thread-safe.
 */
final class WsApiRequests {
  private final RequestAuthenticator authenticator;

  WsApiRequests(RequestAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  void handle(StreamSession session, String text) {
    JsonNode request;
    try {
      request = SimulatorJson.MAPPER.readTree(text);
    } catch (IOException e) {
      session.sendText(error(SimulatorJson.MAPPER.missingNode(), 400, -1000, "Malformed request: not JSON."));
      return;
    }
    JsonNode id = request.path("id");
    try {
      JsonNode result = switch (request.path("method").asText()) {
        case "userDataStream.subscribe.signature" -> SimulatorJson.object()
            .put("subscriptionId", session.subscribeUserData(account(request.path("params"))));
        case "userDataStream.unsubscribe" -> {
          session.unsubscribeUserData();
          yield SimulatorJson.object();
        }
        case "ping" -> SimulatorJson.object();
        default -> throw BinanceError.badRequest(-1020, "This operation is not supported.");
      };
      ObjectNode answer = withId(id).put("status", 200);
      answer.set("result", result);
      session.sendText(SimulatorJson.write(answer));
    } catch (BinanceError e) {
      session.sendText(error(id, e.status(), e.code(), e.getMessage()));
    }
  }

  /** The account whose API key signed the parameters; the payload is every parameter but the signature, by name. */
  private String account(JsonNode params) {
    if (!params.isObject()) {
      throw BinanceError.mandatory("params");
    }
    Map<String, String> sorted = new TreeMap<>();
    params.properties().forEach(p -> sorted.put(p.getKey(), p.getValue().asText()));
    String signature = Optional.ofNullable(sorted.remove("signature")).orElseThrow(() -> BinanceError.mandatory("signature"));
    String apiKey = Optional.ofNullable(sorted.get("apiKey")).orElseThrow(() -> BinanceError.mandatory("apiKey"));
    String payload = sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    return authenticator.authenticate(Endpoint.Security.SIGNED,
        RestRequest.of(payload + "&signature=" + signature, "", Optional.of(apiKey)));
  }

  private static ObjectNode withId(JsonNode id) {
    ObjectNode answer = SimulatorJson.object();
    answer.set("id", id.isMissingNode() ? SimulatorJson.MAPPER.getNodeFactory().nullNode() : id);
    return answer;
  }

  private static String error(JsonNode id, int status, int code, String message) {
    ObjectNode answer = withId(id).put("status", status);
    answer.putObject("error").put("code", code).put("msg", message);
    return SimulatorJson.write(answer);
  }
}
