package org.tradingnode.http.simulator;

/** Where the venue sends what its WebSocket streams show; a stream is named as clients subscribe to it. */
interface StreamPublisher {
  /**
   * Sends a raw payload to every socket subscribed to {@code stream} ({@code btcusdt@trade}, a
   * listenKey, ...). Must not block: the venue thread calls it.
   */
  void publish(String stream, String payload);

  /** Sends a user data event of {@code account} to the WebSocket API subscriptions to it. Must not block. */
  void publishUserData(String account, String payload);
}
