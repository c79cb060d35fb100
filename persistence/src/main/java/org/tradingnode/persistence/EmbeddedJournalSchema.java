package org.tradingnode.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the embedded journal's tables in the H2 file when they are missing. Runs before the actor
 * system starts, so no entity ever sees a journal without its tables.
 */
public final class EmbeddedJournalSchema {
  private EmbeddedJournalSchema() {}

  public static void ensure(String jdbcUrl, String user, String password) {
    String ddl = readDdl().lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        Statement statement = connection.createStatement()) {
      for (String sql : ddl.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql.trim());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the journal schema at " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  private static String readDdl() {
    try (InputStream in = EmbeddedJournalSchema.class.getResourceAsStream("/schema/h2-journal.sql")) {
      if (in == null) {
        throw new IllegalStateException("schema/h2-journal.sql is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the journal schema", e);
    }
  }
}
