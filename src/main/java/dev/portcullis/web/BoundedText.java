package dev.portcullis.web;

import java.io.IOException;
import java.io.Writer;

/**
 * Text written up to a number of characters: what the browsable page shows of an answer. A list is streamed from
 * the database in bounded memory; its page must not hold all of it either, so writing stops at the bound (and the
 * list's query with it) and the page says where the rest is.
 */
final class BoundedText extends Writer {

    /** Thrown to stop the writing once the bound is reached. */
    static final class Full extends IOException {
        Full() {
            super("the page shows no more of the answer");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final int bound;
    private boolean full;

    BoundedText(int bound) {
        this.bound = bound;
    }

    @Override
    public void write(char[] characters, int offset, int length) throws IOException {
        int room = bound - text.length();
        text.append(characters, offset, Math.min(room, length));
        if (length > room) {
            full = true;
            throw new Full();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    boolean isFull() {
        return full;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
