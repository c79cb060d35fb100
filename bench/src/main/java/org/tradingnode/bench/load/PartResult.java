package org.tradingnode.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one part measured: every sample of every metric (one per repeated run), and notes on how. */
final class PartResult {
  final Map<String, List<Double>> samples = new LinkedHashMap<>();
  final Map<String, String> notes = new LinkedHashMap<>();

  void add(String metric, double value) {
    samples.computeIfAbsent(metric, k -> new ArrayList<>()).add(value);
    System.out.printf("  %-32s %,.1f%n", metric, value);
  }

  void note(String key, String text) {
    notes.put(key, text);
  }
}
