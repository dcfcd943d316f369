package dev.autoif.llmsim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.autoif.llmsim.SimulatorOptions;
import dev.autoif.llmsim.Stats;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The Files API as the Batch API uses it: {@code POST /v1/files} (multipart: {@code purpose=batch} and a JSONL
 * {@code file}), {@code GET /v1/files/{id}} and {@code GET /v1/files/{id}/content}.
 */
public final class FilesHandler implements HttpHandler {

    static final String PATH = "/v1/files";

    private final SimulatorOptions options;
    private final SimFiles files;
    private final Stats stats;

    FilesHandler(SimulatorOptions options, SimFiles files, Stats stats) {
        this.options = options;
        this.files = files;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!Auth.authorised(ex, options.apiKey())) {
                return;
            }
            String[] rest = BatchApi.rest(ex, PATH);
            String method = ex.getRequestMethod();
            if (rest.length == 0 && method.equals("POST")) {
                upload(ex);
            } else if (rest.length == 1 && method.equals("GET")) {
                describe(ex, rest[0]);
            } else if (rest.length == 2 && rest[1].equals("content") && method.equals("GET")) {
                content(ex, rest[0]);
            } else if (rest.length <= 2) {
                Http.methodNotAllowed(ex);
            } else {
                Http.error(ex, 404, "No such path: " + ex.getRequestURI().getPath(), "invalid_request_error", null);
            }
        }
    }

    private void upload(HttpExchange ex) throws IOException {
        Map<String, Multipart.Part> parts;
        try {
            parts = Multipart.parse(ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestBody().readAllBytes());
        } catch (IllegalArgumentException e) {
            Http.error(ex, 400, e.getMessage(), "invalid_request_error", null);
            return;
        }
        Multipart.Part purpose = parts.get("purpose");
        Multipart.Part file = parts.get("file");
        if (purpose == null || file == null) {
            Http.error(ex, 400, "Missing required parameter: '" + (purpose == null ? "purpose" : "file") + "'.",
                    "invalid_request_error", "missing_required_parameter");
            return;
        }
        if (!purpose.text().equals("batch")) {
            Http.error(ex, 400, "'" + purpose.text() + "' is not one of ['batch'] - 'purpose' (the simulator keeps "
                    + "batch input files only).", "invalid_request_error", null);
            return;
        }
        SimFiles.SimFile f = files.add(file.filename() == null ? "upload.jsonl" : file.filename(), "batch",
                file.content());
        stats.fileUploaded();
        Http.json(ex, 200, f.toJson());
    }

    private void describe(HttpExchange ex, String id) throws IOException {
        var f = files.get(id);
        if (f.isEmpty()) {
            noSuchFile(ex, id);
            return;
        }
        Http.json(ex, 200, f.get().toJson());
    }

    private void content(HttpExchange ex, String id) throws IOException {
        var f = files.get(id);
        if (f.isEmpty()) {
            noSuchFile(ex, id);
            return;
        }
        byte[] bytes = f.get().content();
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void noSuchFile(HttpExchange ex, String id) throws IOException {
        Http.error(ex, 404, "No such File object: " + id, "invalid_request_error", null);
    }
}
