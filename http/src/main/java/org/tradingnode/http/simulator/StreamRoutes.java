package org.tradingnode.http.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Binance's WebSocket streams: raw streams at {@code /ws/<streamName>} (several may follow, split by
 * {@code /}), combined streams at {@code /stream?streams=<a>/<b>} (wrapped as
 * {@code {"stream", "data"}}), and live {@code SUBSCRIBE}/{@code UNSUBSCRIBE} on either. A listenKey
 * is a stream name: {@code /ws/<listenKey>} is the user data stream. {@code /ws-api/v3} is the
 * WebSocket API, where a signed subscription carries the user data stream instead. Pekko HTTP answers the client's
 * pings with pongs and pings a socket that has been idle for the configured interval.
 */
final class StreamRoutes extends AllDirectives {
  private static final int OUTGOING_BUFFER = 4096;
  private static final long FRAME_TIMEOUT_MS = 5000;

  private final ClassicActorSystemProvider system;
  private final Materializer materializer;
  private final StreamRegistry registry;
  private final Faults faults;

  private final WsApiRequests wsApi;

  StreamRoutes(ClassicActorSystemProvider system, StreamRegistry registry, Faults faults, WsApiRequests wsApi) {
    this.wsApi = wsApi;
    this.system = system;
    this.materializer = Materializer.matFromSystem(system);
    this.registry = registry;
    this.faults = faults;
  }

  Route routes() {
    return concat(
        pathPrefix("ws", () -> extractUnmatchedPath(rest -> rest.isEmpty() || rest.startsWith("/")
            ? socket(streamNames(rest), false, null) : reject())),
        path("stream", () -> parameterOptional("streams", streams ->
            socket(streams.map(StreamRoutes::streamNames).orElse(List.of()), true, null))),
        pathPrefix("ws-api", () -> path("v3", () -> socket(List.of(), false, wsApi))));
  }

  private Route socket(List<String> streams, boolean combined, WsApiRequests api) {
    return extractWebSocketUpgrade(upgrade -> extractRequest(request -> {
      ClientConnection connection = request.getAttribute(ClientConnection.KEY)
          .orElseThrow(() -> new IllegalStateException("request without its connection"));
      Pair<BoundedSourceQueue<Message>, Source<Message, NotUsed>> outgoing =
          Source.<Message>queue(OUTGOING_BUFFER).preMaterialize(system);
      StreamSession session = registry.open(outgoing.first(), connection, streams, combined, api);
      Source<Message, NotUsed> out = outgoing.second()
          .mapAsync(1, faults::delayed)
          .watchTermination((notUsed, done) -> {
            done.whenComplete((ok, error) -> registry.close(session));
            return notUsed;
          });
      Sink<Message, NotUsed> in = Flow.<Message>create()
          .mapAsync(1, this::text)
          .to(Sink.foreach(text -> text.ifPresent(session::onClientText)));
      return complete(upgrade.handleMessagesWith(Flow.fromSinkAndSourceCoupled(in, out)));
    }));
  }

  private CompletionStage<Optional<String>> text(Message message) {
    if (message.isText()) {
      return message.asTextMessage().toStrict(FRAME_TIMEOUT_MS, materializer)
          .thenApply(strict -> Optional.of(strict.getStrictText()));
    }
    return message.asBinaryMessage().getStreamedData().runWith(Sink.ignore(), materializer)
        .thenApply(done -> Optional.empty());
  }

  private static List<String> streamNames(String path) {
    return Arrays.stream(path.split("/"))
        .filter(s -> !s.isEmpty())
        .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
        .toList();
  }
}
