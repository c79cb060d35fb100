package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The node's logback config (conf/logback.xml) as the node starts it, in a logging context of its own with
 * the environment's switches set as its properties, writing to a captured standard output.
 */
class NodeLogFormatTest {
  private static final String ISO_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void byDefaultALineCarriesItsIsoTimeLevelAndLoggerAndPekkosOwnLoggersWriteOnlyWarnings() {
    List<String> lines = written(Map.of(), context -> {
      context.getLogger("org.apache.pekko.cluster.Cluster").info("No seed nodes found in configuration");
      context.getLogger("org.apache.pekko.cluster.Cluster").warn("Cluster Node unreachable");
      context.getLogger("trading.orders").info("ACCEPTED  s1  paper:BTCUSDT");
    });

    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches(ISO_TIME + " WARN  o.a.p.c.Cluster Cluster Node unreachable"), lines.get(0));
    assertTrue(lines.get(1).matches(ISO_TIME + " INFO  trading.orders  ACCEPTED  s1  paper:BTCUSDT"), lines.get(1));
  }

  @Test
  void logLevelPekkoBringsPekkosInfoBack() {
    List<String> lines = written(Map.of("LOG_LEVEL_PEKKO", "INFO"), context ->
        context.getLogger("org.apache.pekko.cluster.Cluster").info("No seed nodes found in configuration"));

    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).endsWith("No seed nodes found in configuration"), lines.get(0));
  }

  @Test
  void logLevelOrdersWarnLeavesOutTheLineOfEachOrderAndFillButNotTheSummary() {
    List<String> lines = written(Map.of("LOG_LEVEL_ORDERS", "WARN"), context -> {
      context.getLogger("trading.orders").info("ACCEPTED  s1");
      context.getLogger("trading.fills").info("FILLED    s1");
      context.getLogger("trading.summary").info("3 strategies");
    });

    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).endsWith("3 strategies"), lines.get(0));
  }

  @Test
  void logFormatJsonWritesOneJsonObjectPerLineEvenForAMessageWithANewlineOrAStackTrace() throws Exception {
    List<String> lines = written(Map.of("LOG_FORMAT", "json"), context -> {
      context.getLogger("trading.orders").info("ACCEPTED  {}  paper:BTCUSDT", "s1");
      context.getLogger("trading.node").warn("two\nlines");
      context.getLogger("trading.node").error("failed", new IllegalStateException("the cause"));
    });

    assertEquals(3, lines.size(), lines.toString());
    JsonNode order = JSON.readTree(lines.get(0));
    assertTrue(order.isObject(), lines.get(0));
    assertEquals("ACCEPTED  s1  paper:BTCUSDT", order.get("message").asText());
    assertEquals("trading.orders", order.get("logger_name").asText());
    assertEquals("INFO", order.get("level").asText());
    assertTrue(order.get("@timestamp").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*"), order.toString());
    assertEquals("two\nlines", JSON.readTree(lines.get(1)).get("message").asText());
    assertTrue(JSON.readTree(lines.get(2)).get("stack_trace").asText().contains("the cause"), lines.get(2));
  }

  /**
   * What the node's config writes to standard output while {@code logging} runs, by line, with the
   * environment's switches as {@code properties}; the config itself must load without a warning.
   */
  private static List<String> written(Map<String, String> properties, Consumer<LoggerContext> logging) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    properties.forEach(context::putProperty);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(NodeLogFormatTest.class.getResource("/logback.xml"));
    } catch (JoranException e) {
      throw new IllegalStateException(e);
    }
    StatusUtil status = new StatusUtil(context);
    assertTrue(status.getHighestLevel(0) < Status.WARN, () -> context.getStatusManager().getCopyOfStatusList()
        .toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      logging.accept(context);
    } finally {
      System.setOut(original);
      context.stop();
    }
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
