package org.jnova.log;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

/**
 * An appender that collects lines in a buffer instead of making one write call per line:
 * {@link LoggingSetup} flushes it every {@link #FLUSH_MILLIS} ms and when the process exits,
 * and a WARNING or worse line is written at once. Under load this turns thousands of request
 * log lines a second into a few writes.
 */
class BufferedStreamAppender extends OutputStreamAppender<ILoggingEvent> {
    static final long FLUSH_MILLIS = 100;
    private static final int BUFFER_BYTES = 64 * 1024;

    BufferedStreamAppender() {
        setImmediateFlush(false);
    }

    /** Writes to standard output or error, which stopping this appender leaves open. */
    void setStandardStream(FileDescriptor descriptor) {
        setTarget(new FilterOutputStream(new FileOutputStream(descriptor)) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
    }

    /** Writes to {@code target} through a buffer; stopping this appender closes it. */
    void setTarget(OutputStream target) {
        setOutputStream(new BufferedOutputStream(target, BUFFER_BYTES));
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            flush();
        }
    }

    /** Writes out what the buffer holds. */
    void flush() {
        streamWriteLock.lock();
        try {
            OutputStream out = getOutputStream();
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            addError("Cannot flush the log of appender " + getName(), e);
        } finally {
            streamWriteLock.unlock();
        }
    }
}
