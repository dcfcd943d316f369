package dev.autoif.nli.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds an ONNX ModelProto (field numbers from onnx.proto3) one node at a time. Weights are inline, or external
 * (written to a side file as they are made, so a BERT-base sized graph never sits in memory at once).
 */
public final class OnnxGraph {

    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int INT32 = 6;
    public static final int INT64 = 7;

    private final Proto graph = new Proto().string(2, "autoif-test");
    private OutputStream external;
    private String externalName;
    private long externalOffset;

    /** Large initializers from now on go to {@code file} (same directory as the model) instead of inline. */
    public OnnxGraph externalData(Path file) throws IOException {
        external = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        externalName = file.getFileName().toString();
        return this;
    }

    public OnnxGraph node(String op, String[] inputs, String[] outputs, Proto... attributes) {
        Proto n = new Proto();
        for (String i : inputs) {
            n.string(1, i);
        }
        for (String o : outputs) {
            n.string(2, o);
        }
        n.string(3, outputs[0] + "_" + op).string(4, op);
        for (Proto a : attributes) {
            n.message(5, a);
        }
        graph.message(1, n);
        return this;
    }

    public OnnxGraph node(String op, String input, String output, Proto... attributes) {
        return node(op, new String[] {input}, new String[] {output}, attributes);
    }

    public OnnxGraph node(String op, String a, String b, String output, Proto... attributes) {
        return node(op, new String[] {a, b}, new String[] {output}, attributes);
    }

    public static Proto intAttr(String name, long value) {
        return new Proto().string(1, name).varint(3, value).varint(20, 2);
    }

    public static Proto floatAttr(String name, float value) {
        return new Proto().string(1, name).float32(2, value).varint(20, 1);
    }

    public static Proto intsAttr(String name, long... values) {
        Proto p = new Proto().string(1, name);
        for (long v : values) {
            p.varint(8, v);
        }
        return p.varint(20, 7);
    }

    public OnnxGraph initializer(String name, int dataType, long[] dims, byte[] raw) throws IOException {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, dataType).string(8, name);
        if (external != null && raw.length > 4096) {
            external.write(raw);
            t.message(13, new Proto().string(1, "location").string(2, externalName));
            t.message(13, new Proto().string(1, "offset").string(2, Long.toString(externalOffset)));
            t.message(13, new Proto().string(1, "length").string(2, Integer.toString(raw.length)));
            t.varint(14, 1);
            externalOffset += raw.length;
        } else {
            t.bytes(9, raw);
        }
        graph.message(5, t);
        return this;
    }

    public OnnxGraph floats(String name, long[] dims, float... values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return initializer(name, FLOAT, dims, b.array());
    }

    public OnnxGraph longs(String name, long[] dims, long... values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return initializer(name, INT64, dims, b.array());
    }

    /** A graph input or output; a dim is a Long (fixed) or a String (symbolic, e.g. "batch"). */
    public OnnxGraph input(String name, int elemType, Object... dims) {
        graph.message(11, valueInfo(name, elemType, dims));
        return this;
    }

    public OnnxGraph output(String name, int elemType, Object... dims) {
        graph.message(12, valueInfo(name, elemType, dims));
        return this;
    }

    private static Proto valueInfo(String name, int elemType, Object... dims) {
        Proto shape = new Proto();
        for (Object d : dims) {
            shape.message(1, d instanceof String s ? new Proto().string(2, s) : new Proto().varint(1, (Long) d));
        }
        Proto tensorType = new Proto().varint(1, elemType).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** The ModelProto bytes: IR version 8, default domain at {@code opset}. */
    public byte[] model(int opset) throws IOException {
        if (external != null) {
            external.close();
        }
        return new Proto().varint(1, 8).string(2, "autoif").message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, opset)).toBytes();
    }
}
