package org.jnova.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The events a logger (and the loggers below it) writes during each test; register it on an
 * instance field with {@code @RegisterExtension}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** Captures the logger named {@code name} ({@link org.slf4j.Logger#ROOT_LOGGER_NAME} for all). */
    public LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
    }

    /** Captures the logger of {@code type}. */
    public LogCapture(Class<?> type) {
        this(type.getName());
    }

    /** The events written so far in this test, oldest first. */
    public List<ILoggingEvent> events() {
        return appender.list;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.start();
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
    }
}
