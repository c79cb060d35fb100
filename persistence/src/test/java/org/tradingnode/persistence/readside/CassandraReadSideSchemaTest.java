package org.tradingnode.persistence.readside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The CQL file operators run and the statements the node runs with auto-create stay the same. */
class CassandraReadSideSchemaTest {
  private static final Path OPERATOR_FILE = Path.of("..", "conf", "cql", "read-side.cql");

  @Test
  void theOperatorsCqlFileCreatesWhatTheNodeCreatesForKeyspaceTrading() throws IOException {
    String file = Files.readAllLines(OPERATOR_FILE).stream()
        .filter(line -> !line.trim().startsWith("--"))
        .collect(Collectors.joining(" "));
    List<String> operatorStatements = Arrays.stream(file.split(";"))
        .map(CassandraReadSideSchemaTest::normalized)
        .filter(statement -> !statement.isEmpty())
        .toList();

    List<String> nodeStatements = new CassandraReadSideSchema("trading", 1).statements().stream()
        .map(CassandraReadSideSchemaTest::normalized).toList();

    assertEquals(nodeStatements, operatorStatements);
  }

  @Test
  void aKeyspaceNameThatIsNoCqlIdentifierIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new CassandraReadSideSchema("trading; DROP", 1));
  }

  private static String normalized(String statement) {
    return statement.replaceAll("\\s+", " ").replaceAll("\\( ", "(").replaceAll(" \\)", ")").trim();
  }
}
