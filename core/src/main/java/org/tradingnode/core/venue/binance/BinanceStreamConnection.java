package org.tradingnode.core.venue.binance;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketRequest;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgradeResponse;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One WebSocket connection to a venue: every text frame goes to the consumer in order; binary
 * frames are drained; {@link #send} writes a request (a WebSocket API subscription). Pekko HTTP
 * answers the venue's pings. {@link #closed()} completes when the socket ends for any reason, and
 * {@link #close()} ends it from our side.
 */
final class BinanceStreamConnection {
  private static final int OUTGOING_BUFFER = 16;
  private final CompletionStage<WebSocketUpgradeResponse> upgrade;
  private final CompletionStage<Done> closed;
  private final UniqueKillSwitch killSwitch;
  private final BoundedSourceQueue<Message> outgoing;

  private BinanceStreamConnection(CompletionStage<WebSocketUpgradeResponse> upgrade, CompletionStage<Done> closed,
      UniqueKillSwitch killSwitch, BoundedSourceQueue<Message> outgoing) {
    this.upgrade = upgrade;
    this.closed = closed;
    this.killSwitch = killSwitch;
    this.outgoing = outgoing;
  }

  static BinanceStreamConnection open(ActorSystem<?> system, String url, Consumer<String> frames) {
    Materializer materializer = Materializer.matFromSystem(system);
    Sink<Message, Pair<UniqueKillSwitch, CompletionStage<Done>>> reader = Flow.<Message>create()
        .viaMat(KillSwitches.single(), Keep.right())
        .mapAsync(1, message -> message.isText()
            ? message.asTextMessage().toStrict(10_000, materializer).thenApply(m -> m.getStrictText())
            : message.asBinaryMessage().getStreamedData().runWith(Sink.ignore(), materializer).thenApply(d -> ""))
        .filter(text -> !text.isEmpty())
        .toMat(Sink.foreach(frames::accept), Keep.both());
    Pair<BoundedSourceQueue<Message>, Source<Message, NotUsed>> writer =
        Source.<Message>queue(OUTGOING_BUFFER).preMaterialize(materializer);
    Flow<Message, Message, Pair<UniqueKillSwitch, CompletionStage<Done>>> flow =
        Flow.fromSinkAndSourceCoupledMat(reader, writer.second(), Keep.left());
    Pair<CompletionStage<WebSocketUpgradeResponse>, Pair<UniqueKillSwitch, CompletionStage<Done>>> started =
        Http.get(system).singleWebSocketRequest(WebSocketRequest.create(url), flow, materializer);
    return new BinanceStreamConnection(started.first(), started.second().second(), started.second().first(),
        writer.first());
  }

  /** Writes a text frame; false when the socket is gone or too far behind to take it. */
  boolean send(String text) {
    return outgoing.offer(TextMessage.create(text)).isEnqueued();
  }

  /** Completes when the venue accepted the upgrade; fails when it refused or could not be reached. */
  CompletionStage<WebSocketUpgradeResponse> upgraded() {
    return upgrade;
  }

  CompletionStage<Done> closed() {
    return closed;
  }

  void close() {
    killSwitch.shutdown();
  }
}
