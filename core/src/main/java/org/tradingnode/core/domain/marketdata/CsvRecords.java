package org.tradingnode.core.domain.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Reads a headed CSV file line by line and turns each line into a value. The header must match
 * exactly; a line with the wrong number of columns or that the parser rejects with an {@link
 * IllegalArgumentException} is skipped and counted; blank lines are ignored. The file is closed
 * when the last line has been read or on {@link #close()}. The recorded-data readers extend it.
 */
public class CsvRecords<T> implements Iterator<T>, AutoCloseable {

  private final Path file;
  private final int columnCount;
  private final Function<String[], T> parser;
  private final BufferedReader reader;
  private T nextRecord;
  private boolean exhausted;
  private int skippedLines;

  CsvRecords(Path file, String description, String expectedHeader, Function<String[], T> parser) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(description + " file not found: " + file.toAbsolutePath());
    }
    this.file = file;
    this.columnCount = expectedHeader.split(",", -1).length;
    this.parser = parser;
    try {
      this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      String header = reader.readLine();
      String normalized = header == null ? "" : header.replace("\uFEFF", "").trim();
      if (!normalized.equals(expectedHeader)) {
        reader.close();
        throw new IllegalArgumentException(
            file + " is not a " + description + " file: expected header '" + expectedHeader
                + "' but found '" + normalized + "'");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public boolean hasNext() {
    while (nextRecord == null && !exhausted) {
      String line = readLine();
      if (line == null) {
        close();
      } else if (!line.isBlank()) {
        nextRecord = parse(line);
      }
    }
    return nextRecord != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records in " + file);
    }
    T record = nextRecord;
    nextRecord = null;
    return record;
  }

  /** Lines skipped so far because they could not be parsed. */
  public int skippedLines() {
    return skippedLines;
  }

  /** Everything not read yet, then closes the file. */
  public java.util.List<T> readRemaining() {
    java.util.List<T> all = new java.util.ArrayList<>();
    try (this) {
      forEachRemaining(all::add);
    }
    return all;
  }

  @Override
  public void close() {
    if (exhausted) {
      return;
    }
    exhausted = true;
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }

  private String readLine() {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private T parse(String line) {
    String[] columns = line.split(",", -1);
    if (columns.length != columnCount) {
      skippedLines++;
      return null;
    }
    for (int i = 0; i < columns.length; i++) {
      columns[i] = columns[i].trim();
    }
    try {
      return parser.apply(columns);
    } catch (IllegalArgumentException e) {
      skippedLines++;
      return null;
    }
  }

  static double positive(String text, String column) {
    double value = Double.parseDouble(text);
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(column + " must be positive: " + text);
    }
    return value;
  }

  static double notNegative(String text, String column) {
    double value = Double.parseDouble(text);
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(column + " must not be negative: " + text);
    }
    return value;
  }
}
