package org.tradingnode.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Merges the parts' samples into {@code results.json}: each metric as the median of its runs at the
 * top level (the keys the README names), with min/median/max and every sample under {@code runs},
 * the ratios to the baselines, the targets and whether each is met, and how each part was run.
 * Prints the same as a table.
 */
public final class Report {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Report() {}

  public static void main(String[] args) throws IOException {
    Path parts = Path.of(args.length > 0 ? args[0] : "bench/target/parts");
    Path out = Path.of(args.length > 1 ? args[1] : "bench/target/results.json");
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    ObjectNode notes = MAPPER.createObjectNode();
    try (Stream<Path> files = Files.list(parts)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode part = MAPPER.readTree(file.toFile());
        for (Map.Entry<String, JsonNode> e : part.get("samples").properties()) {
          List<Double> values = samples.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
          e.getValue().forEach(v -> values.add(v.asDouble()));
        }
        notes.setAll((ObjectNode) part.get("notes"));
      }
    }
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode runs = MAPPER.createObjectNode();
    Map<String, Double> medians = new LinkedHashMap<>();
    samples.forEach((metric, values) -> {
      List<Double> sorted = values.stream().sorted().toList();
      medians.put(metric, percentile(sorted, 50));
      ObjectNode r = runs.putObject(metric);
      r.put("min", sorted.get(0));
      r.put("median", percentile(sorted, 50));
      r.put("max", sorted.get(sorted.size() - 1));
      sorted.forEach(r.putArray("samples")::add);
    });
    List<Double> stops = samples.getOrDefault("emergency_stop_ms", List.of()).stream().sorted().toList();
    if (!stops.isEmpty()) {
      medians.put("emergency_stop_ms_p50", percentile(stops, 50));
      medians.put("emergency_stop_ms_p99", percentile(stops, 99));
    }
    medians.forEach(root::put);
    ObjectNode targets = root.putObject("targets");
    double tagged = medians.getOrDefault("baseline_journal_tagged_events_per_s", Double.NaN);
    if (medians.containsKey("journal_efficiency_paired")) {
      // The order path against the journal measured in the same node just before each window.
      medians.put("journal_efficiency", medians.get("journal_efficiency_paired"));
      root.put("journal_efficiency", medians.get("journal_efficiency"));
    } else if (medians.containsKey("orders_per_s") && medians.containsKey("events_per_order")
        && !Double.isNaN(tagged)) {
      // The order path against the journal measured in the same run: absolute rates differ between machines.
      medians.put("journal_efficiency", medians.get("orders_per_s") * medians.get("events_per_order") / tagged);
      root.put("journal_efficiency", medians.get("journal_efficiency"));
    }
    target(targets, "market_events_per_s", medians, ">=", 1_000_000);
    target(targets, "journal_efficiency", medians, ">=", 0.9);
    target(targets, "intent_to_ack_p99_us", medians, "<=", 10_000);
    target(targets, "intent_to_ack_p99_us_at_250_per_s", medians, "<=", 10_000);
    target(targets, "emergency_stop_ms_p99", medians, "<", 100);
    target(targets, "emergency_stop_ms_first", medians, "<", 100);
    target(targets, "heap_used_mb", medians, "<", 1024);
    // The failover bounds hold for every run, so they are checked against the worst one.
    Map<String, Double> worst = new LinkedHashMap<>();
    samples.forEach((metric, values) -> worst.put(metric, values.stream().mapToDouble(Double::doubleValue).max()
        .orElse(Double.NaN)));
    target(targets, "failover_strategies_back_s", worst, "<", 10);
    target(targets, "failover_stop_answered_s", worst, "<", 1);
    target(targets, "failover_stop_entities_halted_ms", worst, "<", 1000);
    target(targets, "failover_stop_entities_not_halted", worst, "<", 1);
    ObjectNode ratios = root.putObject("ratios");
    ratio(ratios, "market_events_per_s / baseline_sharded_tell_per_s",
        medians.get("market_events_per_s"), medians.get("baseline_sharded_tell_per_s"));
    Double orderEvents = medians.containsKey("orders_per_s") && medians.containsKey("events_per_order")
        ? medians.get("orders_per_s") * medians.get("events_per_order") : null;
    ratio(ratios, "orders_per_s * events_per_order / baseline_journal_events_per_s",
        orderEvents, medians.get("baseline_journal_events_per_s"));
    ratio(ratios, "orders_per_s * events_per_order / baseline_journal_tagged_events_per_s",
        orderEvents, medians.get("baseline_journal_tagged_events_per_s"));
    root.set("runs", runs);
    root.set("notes", notes);
    ObjectNode machine = root.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    MAPPER.writeValue(out.toFile(), root);
    print(runs, targets, ratios);
  }

  private static void target(ObjectNode targets, String metric, Map<String, Double> medians, String op, double goal) {
    if (!medians.containsKey(metric)) {
      return;
    }
    double value = medians.get(metric);
    boolean met = switch (op) {
      case ">=" -> value >= goal;
      case "<=" -> value <= goal;
      default -> value < goal;
    };
    ObjectNode t = targets.putObject(metric);
    t.put("target", op + " " + (goal == Math.rint(goal) ? String.valueOf(Math.round(goal)) : String.valueOf(goal)));
    t.put("value", value);
    t.put("met", met);
  }

  private static void ratio(ObjectNode ratios, String name, Double top, Double bottom) {
    if (top != null && bottom != null) {
      ratios.put(name, top / bottom);
    }
  }

  static double percentile(List<Double> sorted, double p) {
    if (sorted.size() == 1) {
      return sorted.get(0);
    }
    double rank = p / 100 * (sorted.size() - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
  }

  private static void print(ObjectNode runs, ObjectNode targets, ObjectNode ratios) {
    System.out.printf("%n| %-36s | %14s | %14s | %14s | %s |%n", "metric", "min", "median", "max", "target");
    System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(38), "-".repeat(16), "-".repeat(16), "-".repeat(16), "---");
    runs.properties().forEach(e -> {
      JsonNode t = targets.get(e.getKey());
      String target = t == null ? "" : t.get("target").asText() + (t.get("met").asBoolean() ? " met" : " MISSED");
      System.out.printf("| %-36s | %,14.1f | %,14.1f | %,14.1f | %s |%n", e.getKey(), e.getValue().get("min").asDouble(),
          e.getValue().get("median").asDouble(), e.getValue().get("max").asDouble(), target);
    });
    targets.properties().forEach(e -> {
      if (!runs.has(e.getKey())) {
        System.out.printf("| %-36s | %14s | %,14.1f | %14s | %s |%n", e.getKey(), "", e.getValue().get("value").asDouble(),
            "", e.getValue().get("target").asText() + (e.getValue().get("met").asBoolean() ? " met" : " MISSED"));
      }
    });
    ratios.properties().forEach(e -> System.out.printf("ratio %s = %.3f%n", e.getKey(), e.getValue().asDouble()));
  }
}
