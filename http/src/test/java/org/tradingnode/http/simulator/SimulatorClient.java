package org.tradingnode.http.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.domain.venue.binance.BinanceSigner;

/** A plain Binance REST client over {@link HttpClient}, as a connector would call the venue. */
final class SimulatorClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Status, the weight header and the parsed body of one answer. */
  record Answer(int status, OptionalLong usedWeight, OptionalLong retryAfter, JsonNode body) {
    int code() {
      return body.path("code").asInt();
    }

    String msg() {
      return body.path("msg").asText();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private final String baseUrl;
  private final String apiKey;
  private final BinanceSigner signer;
  private final Clock clock;

  SimulatorClient(String baseUrl, String apiKey, String apiSecret, Clock clock) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.signer = new BinanceSigner(apiSecret);
    this.clock = clock;
  }

  Answer publicGet(String path, BinanceQuery params) throws IOException, InterruptedException {
    return send("GET", path + query(params.encoded()), "", null);
  }

  /** A SIGNED request with {@code timestamp} from the clock; POST and PUT send the parameters as a form body. */
  Answer signed(String method, String path, BinanceQuery params) throws IOException, InterruptedException {
    BinanceQuery signed = signer.signed(params.with("timestamp", clock.millis()));
    if (method.equals("POST") || method.equals("PUT")) {
      return send(method, path, signed.encoded(), apiKey);
    }
    return send(method, path + query(signed.encoded()), "", apiKey);
  }

  /** An endpoint that needs only the API key header (the listenKey endpoints). */
  Answer withApiKey(String method, String path, BinanceQuery params) throws IOException, InterruptedException {
    return send(method, path + query(params.encoded()), "", apiKey);
  }

  /** Exactly these bytes: the path with its query string, the form body, the API key header (null: none). */
  Answer send(String method, String pathAndQuery, String body, String key) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT)
        .method(method, body.isEmpty()
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (!body.isEmpty()) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    if (key != null) {
      request.header("X-MBX-APIKEY", key);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    return new Answer(response.statusCode(), longHeader(response, "X-MBX-USED-WEIGHT-1M"),
        longHeader(response, "Retry-After"), json);
  }

  /** A JSON call to the admin API. */
  JsonNode admin(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("admin " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String query(String encoded) {
    return encoded.isEmpty() ? "" : "?" + encoded;
  }

  private static OptionalLong longHeader(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).map(v -> OptionalLong.of(Long.parseLong(v)))
        .orElse(OptionalLong.empty());
  }
}
