package org.tradingnode.http.simulator;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a test has asked the simulator to inject (see {@code POST /admin/faults}). Counted
 * faults are used up one request at a time; {@link #clear()} lifts them all. Thread-safe: the REST
 * routes, the streams and the venue thread read it concurrently. Dropping sockets, sending raw frames
 * and skipping depth update ids are actions, carried out where the request is applied, not state kept
 * here.
 */
final class Faults {

  /** The body of {@code POST /admin/faults}; a field left out leaves that fault as it is. */
  record Request(Boolean dropSockets, Integer skipDepthUpdateIds, Integer delayMs, Integer failNext, Integer status,
      Boolean silent, Integer throttleNext, Integer rejectNextOrders, Boolean loseNextOrderResponse,
      List<String> sendRawFrames) {}

  /** The faults in force, as {@code GET /admin/state} shows them. */
  record Snapshot(boolean silent, int delayMs, int failNext, int failStatus, int throttleNext, int rejectNextOrders,
      boolean loseNextOrderResponse) {}

  private static final int DEFAULT_FAIL_STATUS = 503;

  private final AtomicBoolean silent = new AtomicBoolean();
  private final AtomicInteger delayMs = new AtomicInteger();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger failStatus = new AtomicInteger(DEFAULT_FAIL_STATUS);
  private final AtomicInteger throttleNext = new AtomicInteger();
  private final AtomicInteger rejectNextOrders = new AtomicInteger();
  private final AtomicBoolean loseNextOrderResponse = new AtomicBoolean();

  /** Checks a request before anything of it is applied. */
  static void validate(Request r) {
    if (isNegative(r.skipDepthUpdateIds()) || isNegative(r.delayMs()) || isNegative(r.failNext())
        || isNegative(r.throttleNext()) || isNegative(r.rejectNextOrders())) {
      throw new IllegalArgumentException("counts and delays must not be negative");
    }
    if (r.status() != null && (r.status() < 500 || r.status() > 599)) {
      throw new IllegalArgumentException("status must be a 5xx code");
    }
  }

  void apply(Request r) {
    validate(r);
    if (r.silent() != null) {
      silent.set(r.silent());
    }
    if (r.delayMs() != null) {
      delayMs.set(r.delayMs());
    }
    if (r.status() != null) {
      failStatus.set(r.status());
    }
    if (r.failNext() != null) {
      failNext.set(r.failNext());
    }
    if (r.throttleNext() != null) {
      throttleNext.set(r.throttleNext());
    }
    if (r.rejectNextOrders() != null) {
      rejectNextOrders.set(r.rejectNextOrders());
    }
    if (r.loseNextOrderResponse() != null) {
      loseNextOrderResponse.set(r.loseNextOrderResponse());
    }
  }

  void clear() {
    silent.set(false);
    delayMs.set(0);
    failNext.set(0);
    failStatus.set(DEFAULT_FAIL_STATUS);
    throttleNext.set(0);
    rejectNextOrders.set(0);
    loseNextOrderResponse.set(false);
  }

  boolean silent() {
    return silent.get();
  }

  /** Completes after the injected delay (at once when there is none). */
  <T> CompletionStage<T> delayed(T value) {
    int delay = delayMs.get();
    if (delay == 0) {
      return CompletableFuture.completedFuture(value);
    }
    return CompletableFuture.supplyAsync(() -> value, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
  }

  /** The 5xx status to answer this request with, using up one injected failure. */
  OptionalInt takeFailure() {
    return takeOne(failNext) ? OptionalInt.of(failStatus.get()) : OptionalInt.empty();
  }

  boolean takeThrottle() {
    return takeOne(throttleNext);
  }

  boolean takeOrderRejection() {
    return takeOne(rejectNextOrders);
  }

  boolean takeLostOrderResponse() {
    return loseNextOrderResponse.getAndSet(false);
  }

  Snapshot snapshot() {
    return new Snapshot(silent.get(), delayMs.get(), failNext.get(), failStatus.get(), throttleNext.get(),
        rejectNextOrders.get(), loseNextOrderResponse.get());
  }

  private static boolean takeOne(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  private static boolean isNegative(Integer value) {
    return value != null && value < 0;
  }
}
