package org.tradingnode.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * The lines some loggers write while a test runs, kept in memory instead of printed: an appender on each named
 * logger, which is set to {@code level} meanwhile, whatever the test's logback config says. {@link #close()}
 * takes the appenders off and puts the levels back.
 */
public final class LogLines implements AutoCloseable {
  /** One line as written: its logger, level and formatted message. */
  public record Line(String logger, Level level, String message) {}

  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> levelsBefore = new ArrayList<>();
  private final List<Boolean> additiveBefore = new ArrayList<>();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      lines.add(new Line(event.getLoggerName(), event.getLevel(), event.getFormattedMessage()));
    }
  };

  private LogLines(Level level, String... loggerNames) {
    appender.setName("log-lines");
    appender.start();
    for (String name : loggerNames) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      loggers.add(logger);
      levelsBefore.add(logger.getLevel());
      additiveBefore.add(logger.isAdditive());
      logger.setLevel(level);
      logger.setAdditive(false);
      logger.addAppender(appender);
    }
  }

  /** Captures what the named loggers write at INFO and above from now on. */
  public static LogLines capture(String... loggerNames) {
    return new LogLines(Level.INFO, loggerNames);
  }

  /** Captures what the named loggers write at {@code level} and above from now on. */
  public static LogLines capture(Level level, String... loggerNames) {
    return new LogLines(level, loggerNames);
  }

  /** Every line so far, in the order written. */
  public List<Line> lines() {
    return List.copyOf(lines);
  }

  /** The messages so far that contain {@code text}. */
  public List<String> containing(String text) {
    return lines.stream().map(Line::message).filter(m -> m.contains(text)).toList();
  }

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).detachAppender(appender);
      loggers.get(i).setLevel(levelsBefore.get(i));
      loggers.get(i).setAdditive(additiveBefore.get(i));
    }
    appender.stop();
  }
}
