package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A WebSocket client over {@link java.net.http.WebSocket} that keeps what it receives for the test to read. */
final class StreamClient implements WebSocket.Listener, AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<String> ended = new CompletableFuture<>();
  private final AtomicInteger pings = new AtomicInteger();
  private final AtomicInteger pongs = new AtomicInteger();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  static StreamClient connect(String url) {
    StreamClient client = new StreamClient();
    client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
        .buildAsync(URI.create(url), client).join();
    return client;
  }

  /** The next message as JSON; fails the test when none comes. */
  JsonNode next() throws InterruptedException, IOException {
    String text = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (text == null) {
      fail("no message within " + WAIT);
    }
    return SimulatorClient.JSON.readTree(text);
  }

  /** The next message that matches, skipping the others. */
  JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode message = next();
      if (wanted.test(message)) {
        return message;
      }
    }
    return fail("no matching message within " + WAIT);
  }

  /** Whether a message arrives within {@code wait}; for checking that none does. */
  boolean receivesWithin(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS) != null;
  }

  void discardReceived() {
    messages.clear();
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  void ping() {
    socket.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3})).join();
  }

  int pingsReceived() {
    return pings.get();
  }

  int pongsReceived() {
    return pongs.get();
  }

  /** Completes with how the socket ended: {@code close <code>} or {@code error <message>}. */
  CompletableFuture<String> ended() {
    return ended;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    pings.incrementAndGet();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    pongs.incrementAndGet();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    ended.complete("close " + statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    ended.complete("error " + error.getMessage());
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    socket.abort();
  }
}
