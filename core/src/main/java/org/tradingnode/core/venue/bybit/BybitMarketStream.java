package org.tradingnode.core.venue.bybit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketRequest;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.venue.bybit.BybitRequests;

/**
 * A client of Bybit's v5 public WebSocket: it subscribes to the configured topics, pings to keep the
 * connection alive, and hands every trade, liquidation and in-sequence book update to a consumer as a
 * normalized {@link MarketEvent}.
 *
 * <p>Each order book topic is kept by a {@link org.tradingnode.core.domain.venue.bybit.BybitBookSync}.
 * When a delta does not follow its book, the stream unsubscribes and subscribes that topic again,
 * which makes Bybit send a fresh snapshot; deltas in between are not passed on. When the connection
 * drops, fails or stays silent past the idle timeout, the stream reconnects with exponential backoff
 * and subscribes everything again. Malformed frames are counted and dropped; they never end the stream.
 *
 * <p>The consumer is called from the stream, one event at a time, in the order of the venue's frames;
 * an actor's {@code tell} is a good consumer. {@link #stats()} may be read from any thread.
 */
public final class BybitMarketStream {
  private static final Logger LOG = LoggerFactory.getLogger(BybitMarketStream.class);
  private static final int OUTGOING_BUFFER = 64;
  private static final double BACKOFF_RANDOM_FACTOR = 0.2;

  /** What reaches the stream's single consuming stage, in order. */
  private sealed interface Inbound {}

  /** A new connection attempt begins; frames that follow belong to it. */
  private enum Connecting implements Inbound { INSTANCE }

  private enum BinaryFrame implements Inbound { INSTANCE }

  private record TextFrame(String text) implements Inbound {}

  private final ActorSystem<?> system;
  private final BybitStreamSettings settings;
  private final BybitFrameRouter router;
  private final AtomicReference<BoundedSourceQueue<Message>> outgoing = new AtomicReference<>();
  private final UniqueKillSwitch killSwitch;
  private final CompletionStage<Done> finished;

  private BybitMarketStream(ActorSystem<?> system, BybitStreamSettings settings, Consumer<MarketEvent> consumer) {
    this.system = system;
    this.settings = settings;
    this.router = new BybitFrameRouter(settings.topics(), consumer, this::resubscribe);
    RestartSettings backoff = RestartSettings.create(settings.minBackoff(), settings.maxBackoff(),
        BACKOFF_RANDOM_FACTOR);
    Pair<UniqueKillSwitch, CompletionStage<Done>> running = RestartSource.withBackoff(backoff, this::connection)
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.foreach(this::onInbound), Keep.both())
        .run(system);
    this.killSwitch = running.first();
    this.finished = running.second();
  }

  /** Connects to {@code settings.url()} and keeps the stream running until {@link #stop()}. */
  public static BybitMarketStream start(ActorSystem<?> system, BybitStreamSettings settings,
      Consumer<MarketEvent> consumer) {
    return new BybitMarketStream(system, settings, consumer);
  }

  /** The counters so far. */
  public BybitStreamStats stats() {
    return router.stats();
  }

  /** Closes the connection for good; completes when the stream has stopped. */
  public CompletionStage<Done> stop() {
    killSwitch.shutdown();
    return finished;
  }

  /** One connection: subscribe, ping, and read frames until the socket closes, fails or falls silent. */
  private Source<Inbound, NotUsed> connection() {
    Source<Message, NotUsed> requests = Source.<Message>queue(OUTGOING_BUFFER)
        .mapMaterializedValue(queue -> {
          outgoing.set(queue);
          send(queue, BybitRequests.subscribe(settings.topics()));
          return NotUsed.notUsed();
        })
        .merge(Source.<Message>tick(settings.pingInterval(), settings.pingInterval(),
            TextMessage.create(BybitRequests.ping())));
    Source<Inbound, NotUsed> frames = requests
        .via(Http.get(system).webSocketClientFlow(WebSocketRequest.create(settings.url())))
        .idleTimeout(settings.idleTimeout())
        .mapAsync(1, this::read);
    return Source.<Inbound>single(Connecting.INSTANCE).concat(frames);
  }

  private CompletionStage<Inbound> read(Message message) {
    if (!message.isText()) {
      message.asBinaryMessage().getStreamedData().runWith(Sink.ignore(), system);
      return CompletableFuture.completedFuture(BinaryFrame.INSTANCE);
    }
    TextMessage text = message.asTextMessage();
    if (text.isStrict()) {
      return CompletableFuture.completedFuture(new TextFrame(text.getStrictText()));
    }
    return text.getStreamedText()
        .runFold(new StringBuilder(), (joined, part) -> joined.append(part), system)
        .thenApply(joined -> new TextFrame(joined.toString()));
  }

  private void onInbound(Inbound inbound) {
    if (inbound instanceof TextFrame frame) {
      router.onTextFrame(frame.text());
    } else if (inbound == Connecting.INSTANCE) {
      router.onConnecting();
    } else {
      router.onBinaryFrame();
    }
  }

  /**
   * Unsubscribes first: Bybit refuses a subscribe for a topic the connection already has ("error:already
   * subscribed"), while a new subscription starts with a snapshot.
   */
  private void resubscribe(String topic) {
    BoundedSourceQueue<Message> queue = outgoing.get();
    send(queue, BybitRequests.unsubscribe(List.of(topic)));
    send(queue, BybitRequests.subscribe(List.of(topic)));
  }

  private static void send(BoundedSourceQueue<Message> queue, List<String> requests) {
    for (String request : requests) {
      QueueOfferResult result = queue.offer(TextMessage.create(request));
      if (result != QueueOfferResult.enqueued()) {
        LOG.warn("could not send {} ({}); the next connection subscribes again", request, result);
      }
    }
  }
}
