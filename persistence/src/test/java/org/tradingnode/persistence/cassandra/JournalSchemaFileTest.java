package org.tradingnode.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.Test;

/** The journal CQL shipped for operators is exactly what the journal plugin creates for the default profile. */
class JournalSchemaFileTest {
  private static final Path SHIPPED = Path.of(System.getProperty("user.dir")).resolve("../conf/cql/journal.cql");

  @Test
  void theShippedJournalCqlMatchesWhatThePluginCreates() throws Exception {
    ActorTestKit kit = ActorTestKit.create("schema", ConfigFactory.parseString("""
        pekko.actor.provider = local
        pekko.loglevel = WARNING
        pekko.coordinated-shutdown.exit-jvm = off
        """).withFallback(ConfigFactory.load(ConfigFactory.parseResourcesAnySyntax("cassandra"))));
    try {
      String expected = String.join("\n\n", JournalSchema.statements(kit.system()));
      String shipped = Files.readString(SHIPPED, StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n")).strip();
      if (!expected.equals(shipped)) {
        Path fresh = Path.of("target", "journal.cql");
        Files.writeString(fresh, expected + "\n", StandardCharsets.UTF_8);
        assertEquals(expected, shipped, "conf/cql/journal.cql is stale; the plugin's statements are in " + fresh);
      }
    } finally {
      kit.shutdownTestKit();
    }
  }
}
