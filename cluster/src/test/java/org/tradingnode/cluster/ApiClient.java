package org.tradingnode.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.tradingnode.core.testing.Await;

/**
 * A small HTTP client for the control API (or the venue simulator) on 127.0.0.1, and polling without
 * wall-clock assertions.
 */
final class ApiClient {
  /** How often a node in a process of its own is asked again while a test waits on it. */
  static final Duration PACE = Duration.ofMillis(500);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Status and parsed body. */
  record Answer(int status, JsonNode body) {
    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A GET with one extra header, e.g. an API key. */
  Answer get(String path, String header, String value) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET());
  }

  /** A DELETE with one extra header, e.g. an API key. */
  Answer delete(String path, String header, String value) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).DELETE());
  }

  Answer post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  Answer patch(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer put(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(response.statusCode(), body == null || body.isEmpty() ? null : parse(body));
    } catch (IOException e) {
      return new Answer(-1, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** JSON, or the text itself when the body is not JSON (the management port's health checks answer text). */
  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return TextNode.valueOf(body);
    }
  }

  /**
   * Asks again every {@link #PACE} until the answer satisfies the condition; gives up after {@code attempts}
   * paces with a message showing the last answer. The pause only paces the polling, nothing is asserted
   * about time.
   */
  static Answer until(Supplier<Answer> ask, Predicate<Answer> condition, int attempts, String what) {
    return Await.until(what, ask, a -> a.status() >= 0 && condition.test(a), PACE.multipliedBy(attempts), PACE);
  }
}
