package org.jnova.log;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A log file appender that behaves like Python's {@code WatchedFileHandler}, which oslo.log uses
 * for {@code log_file}: before each line it checks whether the file at the path is still the one
 * it has open (same file key); when logrotate moved or deleted it, the appender opens the path
 * again, so rotation needs no {@code copytruncate} and no restart.
 */
final class WatchedFileAppender extends BufferedStreamAppender {
    private final Object reopenLock = new Object();
    private Path path;
    private Object openFileKey;

    void setPath(Path path) {
        this.path = Objects.requireNonNull(path, "path is null");
    }

    @Override
    public void start() {
        if (path == null) {
            addError("No path set for appender " + getName());
            return;
        }
        try {
            open();
        } catch (IOException e) {
            addError("Cannot open log file " + path, e);
            return;
        }
        super.start();
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        synchronized (reopenLock) {
            Object current = fileKey(path);
            if (current == null || !current.equals(openFileKey)) {
                try {
                    open();
                } catch (IOException e) {
                    addError("Cannot reopen log file " + path, e);
                }
            }
        }
        super.subAppend(event);
    }

    private void open() throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        setTarget(new FileOutputStream(path.toFile(), true));
        openFileKey = fileKey(path);
    }

    private static Object fileKey(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        } catch (IOException e) {
            return null;
        }
    }
}
