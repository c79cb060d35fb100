package org.tradingnode.http.simulator;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.TLSProtocol;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.TLSPlacebo;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Binance spot venue on 127.0.0.1 that any Binance client can use: the REST API
 * ({@code /api/v3/...}: time, exchangeInfo, depth, order, openOrders, myTrades, account,
 * userDataStream), the WebSocket streams ({@code /ws/...}, {@code /stream?streams=...}) and a
 * test-only admin API ({@code /admin/...}) for fault injection. Orders are matched by the core's
 * paper exchange against a generated or replayed market. Start it with
 * {@link #start(ActorSystem, SimulatorSettings)}; {@link #close()} stops it.
 *
 * <p>It binds TCP itself and runs Pekko HTTP's server layer on each connection, so that a fault can
 * close a client's connection at the TCP level without any HTTP answer, as a lost response looks.
 */
public final class BinanceSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BinanceSimulator.class);
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

  private final Tcp.ServerBinding binding;
  private final VenueThread thread;
  private final StreamRegistry streams;
  private final Set<ClientConnection> connections;

  private BinanceSimulator(Tcp.ServerBinding binding, VenueThread thread, StreamRegistry streams,
      Set<ClientConnection> connections) {
    this.binding = binding;
    this.thread = thread;
    this.streams = streams;
    this.connections = connections;
  }

  /** Builds the venue, plays its first market step and binds; returns once the port is open. */
  public static BinanceSimulator start(ActorSystem<?> system, SimulatorSettings settings) {
    Faults faults = new Faults();
    SimulatorCounters counters = new SimulatorCounters();
    StreamRegistry streams = new StreamRegistry(faults);
    VenueThread thread = new VenueThread();
    try {
      SimulatedVenue venue = thread.call(() -> new SimulatedVenue(settings, streams)).toCompletableFuture()
          .get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      thread.call(() -> {
        venue.step(settings.clock().millis());
        return null;
      }).toCompletableFuture().get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      thread.repeat(settings.tickInterval(), () -> venue.step(settings.clock().millis()));

      RequestWeightLimiter limiter = new RequestWeightLimiter(settings.requestWeightLimit(),
          settings.throttledRequestsBeforeBan(), settings.banDuration(), settings.clock());
      RequestAuthenticator authenticator = new RequestAuthenticator(settings.accounts(), settings.clock());
      RestRoutes rest = new RestRoutes(new RestHandlers(settings, thread, venue, faults, counters), authenticator,
          limiter, faults, counters,
          settings.requestWeightLimit());
      AdminRoutes admin = new AdminRoutes(thread, venue, faults, counters, limiter, streams, rest);
      StreamRoutes ws = new StreamRoutes(system, streams, faults, new WsApiRequests(authenticator));
      Route route = Directives.concat(admin.routes(), ws.routes(), rest.routes());

      Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
      Flow<HttpRequest, HttpResponse, NotUsed> handler = route.flow(system);
      ServerSettings serverSettings = serverSettings(system, settings);
      Materializer materializer = Materializer.matFromSystem(system);
      Tcp.ServerBinding binding = Tcp.get(system).bind(settings.host(), settings.port())
          .to(Sink.foreach(connection -> serve(system, connection, handler, serverSettings, connections, materializer)))
          .run(materializer)
          .toCompletableFuture().get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("Binance venue simulator on http://{}:{} (accounts {}, symbols {})", settings.host(),
          binding.localAddress().getPort(), settings.accounts().stream().map(SimulatorAccount::name).toList(),
          settings.instruments().stream().map(SimulatedInstrument::symbol).toList());
      return new BinanceSimulator(binding, thread, streams, connections);
    } catch (Exception e) {
      thread.close();
      throw new IllegalStateException("the venue simulator did not start on " + settings.host() + ":"
          + settings.port() + ": " + e.getMessage(), e);
    }
  }

  /** The port it listens on (the one chosen by the system when the settings asked for port 0). */
  public int port() {
    return binding.localAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}: the base of the REST and admin URLs. */
  public String restBaseUrl() {
    return "http://" + binding.localAddress().getHostString() + ":" + port();
  }

  /** {@code ws://127.0.0.1:<port>}: the base of {@code /ws/...} and {@code /stream?streams=...}. */
  public String streamBaseUrl() {
    return "ws://" + binding.localAddress().getHostString() + ":" + port();
  }

  /** Unbinds, closes every connection and socket, and stops the market. */
  public CompletionStage<Done> stop() {
    return binding.unbind().thenApply(unbound -> {
      streams.dropAll();
      connections.forEach(ClientConnection::drop);
      thread.close();
      return Done.getInstance();
    });
  }

  @Override
  public void close() {
    stop().toCompletableFuture().join();
  }

  private static void serve(ActorSystem<?> system, Tcp.IncomingConnection connection,
      Flow<HttpRequest, HttpResponse, NotUsed> handler, ServerSettings serverSettings,
      Set<ClientConnection> connections, Materializer materializer) {
    SharedKillSwitch killSwitch = KillSwitches.shared("venue-simulator-connection");
    ClientConnection client = new ClientConnection(connection.remoteAddress(), killSwitch);
    connections.add(client);
    Flow<HttpRequest, HttpResponse, NotUsed> handlerOfThisConnection = Flow.of(HttpRequest.class)
        .map(request -> request.addAttribute(ClientConnection.KEY, client))
        .via(handler);
    Flow<ByteString, ByteString, NotUsed> http = Http.get(system)
        .serverLayer(serverSettings, Optional.of(connection.remoteAddress()))
        .atop(plainTcp())
        .reversed()
        .join(handlerOfThisConnection);
    connection.handleWith(Flow.of(ByteString.class)
        .via(killSwitch.flow())
        .via(http)
        .via(killSwitch.flow())
        .watchTermination((notUsed, done) -> {
          done.whenComplete((ok, error) -> connections.remove(client));
          return notUsed;
        }), materializer);
  }

  /** The bytes of a connection without TLS, in the shape Pekko HTTP's server layer works on. */
  private static BidiFlow<TLSProtocol.SslTlsOutbound, ByteString, ByteString, TLSProtocol.SslTlsInbound, NotUsed>
      plainTcp() {
    BidiFlow<TLSProtocol.SslTlsOutbound, TLSProtocol.SslTlsOutbound, TLSProtocol.SessionBytes,
        TLSProtocol.SslTlsInbound, NotUsed> widen = BidiFlow.fromFlows(Flow.of(TLSProtocol.SslTlsOutbound.class),
            Flow.of(TLSProtocol.SessionBytes.class).map(bytes -> (TLSProtocol.SslTlsInbound) bytes));
    return widen.atop(TLSPlacebo.getInstance());
  }

  private static ServerSettings serverSettings(ActorSystem<?> system, SimulatorSettings settings) {
    return ServerSettings.create(ConfigFactory.parseString(
            "pekko.http.server.request-timeout = infinite\n"
                + "pekko.http.server.websocket.periodic-keep-alive-mode = ping\n"
                + "pekko.http.server.websocket.periodic-keep-alive-max-idle = "
                + settings.pingInterval().toMillis() + "ms\n")
        .withFallback(system.settings().config()));
  }
}
