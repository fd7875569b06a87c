package kpo.jobs.hardening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * What kpo's log configuration lets through to standard error that looks like a Java failure: an
 * event with a throwable, or whose text names an exception. kpo's console appender prints every
 * event that reaches the root logger; this appender sits beside it and sees the same ones.
 */
final class SparkLogCapture extends AbstractAppender {

    private final List<String> leaks = Collections.synchronizedList(new ArrayList<>());

    SparkLogCapture() {
        super("kpo-test-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
        String text = event.getMessage().getFormattedMessage();
        if (event.getThrown() != null || text.contains("Exception")) {
            leaks.add(event.getLevel() + " " + event.getLoggerName() + ": " + text.lines().findFirst().orElse(""));
        }
    }

    @Override
    public void start() {
        super.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().addAppender(this);
        context.getConfiguration().getRootLogger().addAppender(this, Level.ALL, null);
        context.updateLoggers();
    }

    @Override
    public boolean stop(long timeout, java.util.concurrent.TimeUnit unit) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        return super.stop(timeout, unit);
    }

    int size() {
        return leaks.size();
    }

    List<String> since(int from) {
        synchronized (leaks) {
            return List.copyOf(leaks.subList(from, leaks.size()));
        }
    }
}
