package org.tradingnode.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end-to-end load driver. {@code LoadDriver <part> [--runs N] [--seconds S] [--out DIR]} runs one
 * part against a node started in this JVM and writes {@code DIR/<part>.json}; {@code bench/run} runs
 * every part in its own JVM and then {@link Report} merges them. Parts: baselines, market, orders,
 * latency, knee, stop, heap, recovery-prepare, recovery.
 */
public final class LoadDriver {
  private LoadDriver() {}

  private static int intOption(Map<String, String> options, String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
  }

  private static Path recoveryDir(Map<String, String> options) {
    return Path.of(options.getOrDefault("data", "bench/target/recovery-data")).toAbsolutePath();
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: LoadDriver <part> [--runs N] [--seconds S] [--out DIR]");
    }
    String part = args[0];
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    Duration window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "5")));
    Path out = Path.of(options.getOrDefault("out", "bench/target/parts"));
    PartResult result = new PartResult();
    System.out.println("part " + part + " (" + runs + " runs of " + window.toSeconds() + " s)");
    switch (part) {
      case "baselines" -> {
        try (BenchNode node = BenchNode.start(1, new BenchStrategies(new MarketTally()))) {
          Baselines.run(node, runs, window, result);
        }
      }
      case "market" -> MarketThroughput.run(intOption(options, "symbols", 100), intOption(options, "fanout", 2),
          intOption(options, "batch", 20), runs, window, result);
      case "orders" -> OrderThroughput.run(intOption(options, "symbols", 20), intOption(options, "strategies", 500),
          runs, window, result);
      case "latency" -> IntentLatency.run(intOption(options, "symbols", 200), intOption(options, "rate", 1000),
          runs, window, result);
      case "knee" -> IntentLatency.knee(intOption(options, "symbols", 200), Arrays.stream(options.getOrDefault("rates",
          "50,100,150,200,250,300,400,500").split(",")).map(String::trim).map(Integer::parseInt).toList(), window,
          10_000, result);
      case "stop" -> EmergencyStop.run(intOption(options, "symbols", 100), intOption(options, "strategies", 1000),
          intOption(options, "cycles", 20), result);
      case "heap" -> HeapFootprint.run(intOption(options, "symbols", 10_000), intOption(options, "strategies", 1000),
          runs, result);
      case "recovery-prepare" -> Recovery.prepare(recoveryDir(options), 100, intOption(options, "strategies", 1000),
          result);
      case "recovery" -> Recovery.measure(recoveryDir(options), 100, intOption(options, "strategies", 1000), result);
      default -> throw new IllegalArgumentException("unknown part " + part);
    }
    Files.createDirectories(out);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("samples", result.samples);
    json.put("notes", result.notes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(part + ".json").toFile(), json);
    System.exit(0);
  }
}
