package com.papisandbox.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Plain, unsynchronised binary writer and reader for snapshots (the java.io streams lock on every
 * call, which costs a second on a million orders). Strings are UTF-8 with an int length.
 */
final class SnapshotBuffer {
    private SnapshotBuffer() {
    }

    static final class Out {
        private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

        private void ensure(int bytes) {
            if (buffer.remaining() < bytes) {
                int capacity = Math.max(buffer.capacity() * 2, buffer.position() + bytes);
                buffer = ByteBuffer.wrap(Arrays.copyOf(buffer.array(), capacity)).position(buffer.position());
            }
        }

        void writeInt(int v) {
            ensure(4);
            buffer.putInt(v);
        }

        void writeLong(long v) {
            ensure(8);
            buffer.putLong(v);
        }

        void writeByte(int v) {
            ensure(1);
            buffer.put((byte) v);
        }

        void writeBoolean(boolean v) {
            writeByte(v ? 1 : 0);
        }

        void writeString(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            ensure(4 + bytes.length);
            buffer.putInt(bytes.length);
            buffer.put(bytes);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    static final class In {
        private final ByteBuffer buffer;

        In(byte[] bytes) {
            this.buffer = ByteBuffer.wrap(bytes);
        }

        int readInt() {
            return buffer.getInt();
        }

        long readLong() {
            return buffer.getLong();
        }

        byte readByte() {
            return buffer.get();
        }

        boolean readBoolean() {
            return buffer.get() != 0;
        }

        String readString() {
            int n = buffer.getInt();
            if (n < 0 || n > buffer.remaining()) throw new BufferUnderflowException();
            String s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), n, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + n);
            return s;
        }

        boolean atEnd() {
            return !buffer.hasRemaining();
        }
    }
}
