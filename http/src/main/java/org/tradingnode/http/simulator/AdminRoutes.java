package org.tradingnode.http.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.tradingnode.http.ApiError;
import org.tradingnode.http.Json;

/**
 * The test-only admin API, answered to loopback clients only and never subject to faults or
 * weights: {@code POST /admin/faults} injects faults, {@code DELETE /admin/faults} clears them, and
 * {@code GET /admin/state} returns the counters a test asserts on (accepted orders per client order
 * id, each client order id's latest status and executed quantity, 429s and 418s answered, open sockets, used weight, the faults in force).
 */
final class AdminRoutes extends AllDirectives {
  private final VenueThread thread;
  private final SimulatedVenue venue;
  private final Faults faults;
  private final SimulatorCounters counters;
  private final RequestWeightLimiter limiter;
  private final StreamRegistry streams;
  private final RestRoutes rest;

  AdminRoutes(VenueThread thread, SimulatedVenue venue, Faults faults, SimulatorCounters counters,
      RequestWeightLimiter limiter, StreamRegistry streams, RestRoutes rest) {
    this.thread = thread;
    this.venue = venue;
    this.faults = faults;
    this.counters = counters;
    this.limiter = limiter;
    this.streams = streams;
    this.rest = rest;
  }

  Route routes() {
    return pathPrefix("admin", () -> extractRequest(request -> {
      boolean loopback = request.getAttribute(ClientConnection.KEY).map(ClientConnection::isLoopback).orElse(false);
      if (!loopback) {
        return complete(json(403, error("forbidden", "the admin API answers loopback clients only")));
      }
      return concat(
          path("faults", () -> concat(
              post(() -> entity(Unmarshaller.entityToString(), this::inject)),
              delete(this::clear))),
          path("state", () -> get(() -> completeWithFuture(state()))));
    }));
  }

  private Route inject(String body) {
    Faults.Request request;
    try {
      request = Json.read(body, Faults.Request.class);
      Faults.validate(request);
    } catch (ApiError e) {
      return complete(json(400, error(e.code(), e.getMessage())));
    } catch (IllegalArgumentException e) {
      return complete(json(400, error("bad_request", e.getMessage())));
    }
    faults.apply(request);
    if (request.sendRawFrames() != null) {
      streams.sendRawToAll(request.sendRawFrames());
    }
    if (Boolean.TRUE.equals(request.dropSockets())) {
      streams.dropAll();
    }
    if (Boolean.FALSE.equals(request.silent())) {
      rest.dropSilencedRequests();
    }
    CompletionStage<Void> skipped = request.skipDepthUpdateIds() == null ? CompletableFuture.completedFuture(null)
        : thread.call(() -> {
          venue.skipDepthUpdateIds(request.skipDepthUpdateIds());
          return null;
        });
    return completeWithFuture(skipped.thenCompose(done -> state()));
  }

  private Route clear() {
    faults.clear();
    rest.dropSilencedRequests();
    return completeWithFuture(thread.call(() -> {
      venue.skipDepthUpdateIds(0);
      return null;
    }).thenCompose(done -> state()));
  }

  private CompletionStage<HttpResponse> state() {
    return thread.call(() -> {
      ObjectNode node = SimulatorJson.object();
      node.set("orders", SimulatorJson.MAPPER.valueToTree(venue.ordersByClientOrderId()));
      node.set("execution", SimulatorJson.MAPPER.valueToTree(venue.executionByClientOrderId()));
      SimulatorCounters.Snapshot c = counters.snapshot();
      node.put("requests", c.requests())
          .put("responses429", c.responses429())
          .put("responses418", c.responses418())
          .put("injectedFailures", c.injectedFailures())
          .put("lostResponses", c.lostResponses())
          .put("unansweredWhileSilent", c.unansweredWhileSilent())
          .put("openSockets", streams.openSockets())
          .put("usedWeight", limiter.usedWeight())
          .put("bannedUntil", limiter.bannedUntil());
      ObjectNode faultsNode = SimulatorJson.MAPPER.valueToTree(faults.snapshot());
      faultsNode.set("skipDepthUpdateIds", SimulatorJson.MAPPER.valueToTree(venue.depthUpdateIdsToSkip()));
      node.set("faults", faultsNode);
      return json(200, node);
    });
  }

  private static ObjectNode error(String code, String message) {
    return SimulatorJson.object().put("error", code).put("message", message);
  }

  private static HttpResponse json(int status, ObjectNode body) {
    return HttpResponse.create().withStatus(status)
        .withEntity(ContentTypes.APPLICATION_JSON, SimulatorJson.write(body));
  }
}
