package org.tradingnode.core.venue.binance;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.domain.venue.binance.BinanceRest;
import org.tradingnode.core.domain.venue.binance.BinanceRestCodec;
import org.tradingnode.core.domain.venue.binance.BinanceStreamCodec;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent;
import org.tradingnode.core.venue.binance.BinanceAnswer.Ok;
import org.tradingnode.core.venue.binance.BinanceAnswer.Refused;

/**
 * Opens an account's user data stream as the settings say: a signed subscription on the WebSocket
 * API (the subscription's answer is taken here, every other frame goes to {@code frames}), or a
 * REST listen key and its stream. The stage completes once events are flowing, or with why the
 * venue refused.
 */
final class BinanceUserStream {
  private static final long SUBSCRIPTION_REQUEST_ID = 1;

  /** The open stream and its listen key (null on the WebSocket API), or the venue's refusal. */
  record Opened(Optional<BinanceStreamConnection> stream, String listenKey, BinanceAnswer refusal) {}

  private BinanceUserStream() {}

  static CompletionStage<Opened> open(ActorSystem<?> system, BinanceVenueSettings settings, BinanceRestClient rest,
      Consumer<String> frames) {
    return settings.userStream() == BinanceVenueSettings.UserStream.WS_API
        ? subscribeOnWebSocketApi(system, settings, rest, frames) : openWithListenKey(system, settings, rest, frames);
  }

  private static CompletionStage<Opened> openWithListenKey(ActorSystem<?> system, BinanceVenueSettings settings,
      BinanceRestClient rest, Consumer<String> frames) {
    return rest.keyed(HttpMethods.POST, "/api/v3/userDataStream", BinanceQuery.empty()).thenCompose(key -> {
      if (!(key instanceof Ok ok)) {
        return CompletableFuture.completedFuture(new Opened(Optional.empty(), null, key));
      }
      String listenKey = BinanceRestCodec.listenKey(ok.body());
      BinanceStreamConnection stream = BinanceStreamConnection.open(system, settings.streamUrl() + "/ws/" + listenKey,
          frames);
      return stream.upgraded().thenApply(upgrade -> new Opened(Optional.of(stream), listenKey, null));
    });
  }

  private static CompletionStage<Opened> subscribeOnWebSocketApi(ActorSystem<?> system,
      BinanceVenueSettings settings, BinanceRestClient rest, Consumer<String> frames) {
    CompletableFuture<BinanceStreamEvent.ControlAnswer> answered = new CompletableFuture<>();
    BinanceStreamConnection stream = BinanceStreamConnection.open(system, settings.wsApiUrl(), text -> {
      if (!answered.isDone() && BinanceStreamCodec.decode(text) instanceof BinanceStreamEvent.ControlAnswer answer
          && answer.id() == SUBSCRIPTION_REQUEST_ID) {
        answered.complete(answer);
      } else {
        frames.accept(text);
      }
    });
    stream.closed().whenComplete((done, error) -> answered.completeExceptionally(
        new IllegalStateException("the WebSocket API closed before answering the subscription")));
    return stream.upgraded().thenCompose(upgrade -> {
      stream.send(rest.userDataSubscription(SUBSCRIPTION_REQUEST_ID));
      return answered.orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }).handle((answer, error) -> {
      if (error != null) {
        stream.close();
        throw new CompletionException(error);
      }
      return new Opened(Optional.of(stream), null, answer.ok() ? null
          : new Refused(400, new BinanceRest.ApiError(answer.errorCode(), answer.detail())));
    });
  }
}
