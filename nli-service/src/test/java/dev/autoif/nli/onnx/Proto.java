package dev.autoif.nli.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few protobuf encodings an ONNX file needs (varint, length-delimited, fixed32). ONNX Runtime's Java API has
 * no graph builder, and a test fixture does not justify a protobuf code generator.
 */
public final class Proto {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Proto varint(int field, long value) {
        tag(field, 0);
        writeVarint(out, value);
        return this;
    }

    public Proto bytes(int field, byte[] value) {
        tag(field, 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
        return this;
    }

    public Proto string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public Proto message(int field, Proto message) {
        return bytes(field, message.toBytes());
    }

    public Proto float32(int field, float value) {
        tag(field, 5);
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        writeVarint(out, ((long) field << 3) | wireType);
    }

    static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
