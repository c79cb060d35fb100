package org.tradingnode.http.simulator;

import java.net.InetSocketAddress;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.stream.SharedKillSwitch;

/**
 * One TCP connection of a REST client. Every request carries it (as the attribute {@link #KEY}) so
 * that a fault can end the connection without an answer, which is what a client sees when a
 * venue's response is lost on the way.
 */
final class ClientConnection {
  static final AttributeKey<ClientConnection> KEY =
      AttributeKey.create("venue-simulator-connection", ClientConnection.class);

  private final InetSocketAddress remote;
  private final SharedKillSwitch killSwitch;

  ClientConnection(InetSocketAddress remote, SharedKillSwitch killSwitch) {
    this.remote = remote;
    this.killSwitch = killSwitch;
  }

  boolean isLoopback() {
    return remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
  }

  /** Closes the connection; requests still in flight on it are never answered. */
  void drop() {
    killSwitch.shutdown();
  }
}
