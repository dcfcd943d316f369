package dev.autoif.llmsim.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of {@code multipart/form-data} for the Files API: named parts, their file names and bytes. */
final class Multipart {

    /** One part of the form. @param filename null for a plain field */
    record Part(String name, String filename, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    private Multipart() {
    }

    /** The parts by name. @throws IllegalArgumentException not multipart/form-data, or malformed */
    static Map<String, Part> parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("the body must be multipart/form-data");
        }
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            throw new IllegalArgumentException("multipart/form-data without a boundary");
        }
        // ISO-8859-1 maps every byte to one char and back, so offsets in the string are offsets in the bytes.
        String all = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + b.group(1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = all.indexOf(delimiter);
        if (at < 0) {
            throw new IllegalArgumentException("multipart body without its boundary");
        }
        while (true) {
            int start = at + delimiter.length();
            if (all.startsWith("--", start)) {
                return parts;
            }
            int headersEnd = all.indexOf("\r\n\r\n", start);
            int next = all.indexOf("\r\n" + delimiter, start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw new IllegalArgumentException("malformed multipart part");
            }
            String headers = all.substring(start, headersEnd);
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                throw new IllegalArgumentException("multipart part without a name");
            }
            Matcher filename = FILENAME.matcher(headers);
            byte[] content = all.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
            parts.put(name.group(1), new Part(name.group(1), filename.find() ? filename.group(1) : null, content));
            at = next + 2;
        }
    }
}
