package org.tradingnode.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Loads one of the node's persistence profiles from conf/ for an in-process test system. */
final class NodeProfiles {
  private NodeProfiles() {}

  static Config load(String profile, Config overrides) {
    Config test = ConfigFactory.parseString("""
        pekko.actor.provider = local
        pekko.loglevel = WARNING
        pekko.coordinated-shutdown.exit-jvm = off
        """);
    return ConfigFactory.load(overrides.withFallback(test).withFallback(ConfigFactory.parseResourcesAnySyntax(profile)));
  }
}
