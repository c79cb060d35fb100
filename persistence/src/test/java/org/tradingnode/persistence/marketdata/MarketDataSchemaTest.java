package org.tradingnode.persistence.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataSchemaTest {
  /** conf/ is on this module's test classpath. */
  private static final String SHIPPED_CQL = "/cql/market-data.cql";

  @Test
  void theCqlFileForOperatorsHoldsTheStatementsTheNodeRuns() throws Exception {
    List<String> shipped = statementsOf(shippedCql());

    assertEquals(MarketDataSchema.createStatements("trading", 1).stream().map(MarketDataSchemaTest::normalized)
        .toList(), shipped);
  }

  private static String shippedCql() throws IOException {
    try (InputStream in = MarketDataSchemaTest.class.getResourceAsStream(SHIPPED_CQL)) {
      assertNotNull(in, SHIPPED_CQL + " is not on the test classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> statementsOf(String cql) {
    String withoutComments = cql.lines().filter(line -> !line.trim().startsWith("--"))
        .reduce("", (text, line) -> text + "\n" + line);
    return Arrays.stream(withoutComments.split(";")).filter(s -> !s.isBlank()).map(MarketDataSchemaTest::normalized)
        .toList();
  }

  /** One space wherever there is white space, none inside brackets. */
  private static String normalized(String statement) {
    return statement.trim().replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
  }
}
