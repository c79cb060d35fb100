package org.tradingnode.persistence.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataSchemaTest {
  /** The build runs tests in the module's directory; conf/ is beside it. */
  private static final Path SHIPPED_CQL = Path.of("..", "conf", "cql", "market-data.cql");

  @Test
  void theCqlFileForOperatorsHoldsTheStatementsTheNodeRuns() throws Exception {
    List<String> shipped = statementsOf(Files.readString(SHIPPED_CQL));

    assertEquals(MarketDataSchema.createStatements("trading", 1).stream().map(MarketDataSchemaTest::normalized)
        .toList(), shipped);
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
