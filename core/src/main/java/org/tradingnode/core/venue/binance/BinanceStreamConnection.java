package org.tradingnode.core.venue.binance;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.WebSocketRequest;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgradeResponse;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One read-only WebSocket connection to a venue stream: every text frame goes to the consumer in
 * order; binary frames are drained. Pekko HTTP answers the venue's pings. {@link #closed()}
 * completes when the socket ends for any reason, and {@link #close()} ends it from our side.
 */
final class BinanceStreamConnection {
  private final CompletionStage<WebSocketUpgradeResponse> upgrade;
  private final CompletionStage<Done> closed;
  private final UniqueKillSwitch killSwitch;

  private BinanceStreamConnection(CompletionStage<WebSocketUpgradeResponse> upgrade, CompletionStage<Done> closed,
      UniqueKillSwitch killSwitch) {
    this.upgrade = upgrade;
    this.closed = closed;
    this.killSwitch = killSwitch;
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
    Flow<Message, Message, Pair<UniqueKillSwitch, CompletionStage<Done>>> flow =
        Flow.fromSinkAndSourceCoupledMat(reader,
            Source.<Message>maybe().mapMaterializedValue(p -> NotUsed.getInstance()), Keep.left());
    Pair<CompletionStage<WebSocketUpgradeResponse>, Pair<UniqueKillSwitch, CompletionStage<Done>>> started =
        Http.get(system).singleWebSocketRequest(WebSocketRequest.create(url), flow, materializer);
    return new BinanceStreamConnection(started.first(), started.second().second(), started.second().first());
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
