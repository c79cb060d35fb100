package org.tradingnode.core.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocket;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.tradingnode.core.testing.DocumentedBybitMessages;

/**
 * A WebSocket server on 127.0.0.1 that speaks Bybit's documented public protocol: it answers a ping
 * with the documented linear pong, a subscribe with the documented linear success response (or, like
 * Bybit, refuses the whole request if a topic is already subscribed on that connection), an
 * unsubscribe in the same shape, and after each subscription pushes the frames its {@link Script}
 * gives for that topic. It records every frame the client sends.
 */
final class LocalBybitServer {
  static final String PATH = "/v5/public/linear";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int OUTGOING_BUFFER = 1024;

  /** What the server pushes after a subscription. */
  interface Script {
    /** Frames to send after the {@code subscription}-th subscribe (counting from 1) of {@code topic}. */
    List<String> afterSubscribe(String topic, int subscription);
  }

  private final ActorSystem<?> system;
  private final Script script;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> subscriptions = new ConcurrentHashMap<>();
  private final Set<BoundedSourceQueue<Message>> openConnections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger acceptedConnections = new AtomicInteger();
  private ServerBinding binding;

  private LocalBybitServer(ActorSystem<?> system, Script script) {
    this.system = system;
    this.script = script;
  }

  static LocalBybitServer start(ActorSystem<?> system, Script script) throws Exception {
    LocalBybitServer server = new LocalBybitServer(system, script);
    server.binding = Http.get(system).newServerAt("127.0.0.1", 0).bindSync(server::handle)
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    return server;
  }

  String url() {
    return "ws://127.0.0.1:" + binding.localAddress().getPort() + PATH;
  }

  /** Every frame a client sent with this {@code op}, in arrival order. */
  List<String> requests(String op) {
    List<String> matching = new ArrayList<>();
    for (String frame : received) {
      if (parse(frame).path("op").asText().equals(op)) {
        matching.add(frame);
      }
    }
    return matching;
  }

  /** How often a topic has been subscribed, over all connections. */
  int subscriptions(String topic) {
    AtomicInteger count = subscriptions.get(topic);
    return count == null ? 0 : count.get();
  }

  /** How many WebSocket connections were accepted. */
  int acceptedConnections() {
    return acceptedConnections.get();
  }

  /** Closes every open connection from the server's side. */
  void dropConnections() {
    openConnections.forEach(BoundedSourceQueue::complete);
    openConnections.clear();
  }

  /** Drops every connection and stops listening. */
  void stop() throws Exception {
    dropConnections();
    binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpResponse handle(HttpRequest request) {
    if (!request.getUri().path().equals(PATH)) {
      return HttpResponse.create().withStatus(StatusCodes.NOT_FOUND);
    }
    return WebSocket.handleWebSocketRequestWith(request, connection());
  }

  private Flow<Message, Message, NotUsed> connection() {
    Pair<BoundedSourceQueue<Message>, Source<Message, NotUsed>> outgoing =
        Source.<Message>queue(OUTGOING_BUFFER).preMaterialize(system);
    BoundedSourceQueue<Message> queue = outgoing.first();
    openConnections.add(queue);
    acceptedConnections.incrementAndGet();
    Set<String> subscribed = ConcurrentHashMap.newKeySet();
    Sink<Message, NotUsed> incoming = Flow.<Message>create()
        .mapAsync(1, this::text)
        .to(Sink.foreach(frame -> onRequest(frame, queue, subscribed)));
    return Flow.fromSinkAndSourceCoupled(incoming, outgoing.second());
  }

  private void onRequest(String frame, BoundedSourceQueue<Message> queue, Set<String> subscribed) {
    received.add(frame);
    JsonNode request = parse(frame);
    String op = request.path("op").asText();
    List<String> topics = new ArrayList<>();
    request.path("args").forEach(arg -> topics.add(arg.asText()));
    if (op.equals("ping")) {
      send(queue, DocumentedBybitMessages.linearPong());
    } else if (op.equals("subscribe")) {
      subscribe(topics, queue, subscribed);
    } else if (op.equals("unsubscribe")) {
      subscribed.removeAll(topics);
      send(queue, response("unsubscribe", true, ""));
    }
  }

  private void subscribe(List<String> topics, BoundedSourceQueue<Message> queue, Set<String> subscribed) {
    Optional<String> duplicate = topics.stream().filter(subscribed::contains).findFirst();
    if (duplicate.isPresent()) {
      send(queue, response("subscribe", false, "error:already subscribed,topic:" + duplicate.get()));
      return;
    }
    subscribed.addAll(topics);
    send(queue, DocumentedBybitMessages.linearSubscribeSuccess());
    for (String topic : topics) {
      int subscription = subscriptions.computeIfAbsent(topic, t -> new AtomicInteger()).incrementAndGet();
      script.afterSubscribe(topic, subscription).forEach(frame -> send(queue, frame));
    }
  }

  /** The documented linear subscribe success response with its op, success and ret_msg replaced. */
  private static String response(String op, boolean success, String message) {
    ObjectNode response = (ObjectNode) parse(DocumentedBybitMessages.linearSubscribeSuccess());
    return response.put("op", op).put("success", success).put("ret_msg", message).toString();
  }

  private static void send(BoundedSourceQueue<Message> queue, String frame) {
    QueueOfferResult result = queue.offer(TextMessage.create(frame));
    if (result != QueueOfferResult.enqueued() && !queue.isCompleted()) {
      throw new IllegalStateException("could not push a frame: " + result);
    }
  }

  private CompletionStage<String> text(Message message) {
    TextMessage text = message.asTextMessage();
    if (text.isStrict()) {
      return CompletableFuture.completedFuture(text.getStrictText());
    }
    return text.getStreamedText().runFold("", String::concat, system);
  }

  private static JsonNode parse(String frame) {
    try {
      return JSON.readTree(frame);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
