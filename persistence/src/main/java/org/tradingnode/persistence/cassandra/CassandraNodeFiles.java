package org.tradingnode.persistence.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one node under its data directory: cassandra.yaml and logback.xml written from the
 * templates in this package's resources, the node's log, its PID file, and the directories of its
 * data, commit log, hints, saved caches and CDC log.
 */
record CassandraNodeFiles(Path dataDir) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

  Path yaml() {
    return dataDir.resolve("cassandra.yaml");
  }

  Path logbackConfig() {
    return dataDir.resolve("logback.xml");
  }

  Path log() {
    return dataDir.resolve("cassandra.log");
  }

  Path pidFile() {
    return dataDir.resolve("cassandra.pid");
  }

  /** Writes both configuration files for these settings, replacing what an earlier start wrote. */
  void writeConfig(CassandraNodeSettings settings) {
    try {
      Files.createDirectories(dataDir);
      Files.writeString(yaml(), render("cassandra.yaml", Map.of(
          "NATIVE_PORT", Integer.toString(settings.nativePort()),
          "STORAGE_PORT", Integer.toString(settings.storagePort()),
          "HOST", CassandraNodeSettings.HOST,
          "DATA_DIR", yamlQuoted(dataDir.toString()),
          "COMMITLOG_SYNC", settings.commitlogSync().yaml())));
      Files.writeString(logbackConfig(), render("logback.xml", Map.of()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Cassandra's configuration to " + dataDir, e);
    }
  }

  static String render(String template, Map<String, String> values) {
    String text = resource(template);
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder rendered = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for " + matcher.group() + " in " + template);
      }
      matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(rendered);
    return rendered.toString();
  }

  /** The inside of a single-quoted YAML string. */
  private static String yamlQuoted(String text) {
    return text.replace("'", "''");
  }

  private static String resource(String name) {
    try (InputStream in = CassandraNodeFiles.class.getResourceAsStream("/cassandra/" + name)) {
      if (in == null) {
        throw new IllegalStateException("resource cassandra/" + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource cassandra/" + name, e);
    }
  }
}
