package org.tradingnode.http;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Once the API is bound, the node sends itself an emergency stop without a reason over loopback. It is
 * refused (400) and changes nothing, but it takes the request path an operator's first emergency stop
 * takes (parsing a request with a body, reading and validating the JSON, answering an error), so that
 * the first real stop after a start does not wait for that code to be loaded: measured at about 60 ms of
 * a cold stop otherwise. It goes over a connection of its own, closed after the answer, so that no client
 * connection pool is left open by it.
 */
public final class ApiWarmUp {
  static final String REFUSED_STOP = "{\"reason\":\"\"}";

  private ApiWarmUp() {}

  /** Sends the refused stop to the API bound at {@code address}; completes with whether it was refused. */
  public static CompletionStage<Boolean> run(ActorSystem<?> system, InetSocketAddress address) {
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
    HttpRequest request = HttpRequest.POST("/api/v1/emergency-stop")
        .withEntity(ContentTypes.APPLICATION_JSON, REFUSED_STOP);
    return Source.single(request)
        .via(Http.get(system).connectionTo(host).toPort(address.getPort()).http())
        .runWith(Sink.head(), system)
        .thenApply(response -> {
          response.discardEntityBytes(system);
          if (response.status() != StatusCodes.BAD_REQUEST) {
            system.log().warn("API warm-up: a stop without a reason answered {}, not 400", response.status());
          }
          return response.status() == StatusCodes.BAD_REQUEST;
        });
  }
}
