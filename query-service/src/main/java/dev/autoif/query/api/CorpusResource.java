package dev.autoif.query.api;

import dev.autoif.contracts.Violation;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.query.domain.CorpusFormat;
import dev.autoif.query.domain.CorpusIngestFilters;
import dev.autoif.query.persistence.CorpusLoader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Query corpora. The upload body is read as a stream (never buffered whole), in ShareGPT JSON, JSONL or plain text,
 * with optional length and language filters whose removals the answer counts per filter.
 */
@Path("/corpora")
@Produces(MediaType.APPLICATION_JSON)
public class CorpusResource {

    private final CorpusLoader loader;

    public CorpusResource(CorpusLoader loader) {
        this.loader = loader;
    }

    /**
     * @param id the new corpus' id (generated when absent)
     * @param format sharegpt, jsonl or text; detected from the first character when absent
     * @param minChars optional: drop queries shorter than this (characters, after trimming)
     * @param maxChars optional: drop queries longer than this
     * @param language optional ISO 639-1 code: keep only queries detected as this language (the original code:
     *     {@code minChars=20&maxChars=300&language=en})
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@QueryParam("id") String id, @QueryParam("format") String format,
            @QueryParam("minChars") String minChars, @QueryParam("maxChars") String maxChars,
            @QueryParam("language") String language, InputStream body) {
        List<Violation> errors = new ArrayList<>();
        Optional<CorpusFormat> f = Optional.empty();
        if (format != null && !format.isBlank()) {
            f = CorpusFormat.parse(format);
            if (f.isEmpty()) {
                errors.add(new Violation("format", "must be sharegpt, jsonl or text"));
            }
        }
        CorpusIngestFilters filters = new CorpusIngestFilters(integer("minChars", minChars, errors),
                integer("maxChars", maxChars, errors), language);
        errors.addAll(filters.violations());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String corpusId = id == null || id.isBlank() ? "c-" + UUID.randomUUID().toString().substring(0, 8) : id;
        CorpusLoader.checkId(corpusId);
        CorpusView view = loader.upload(corpusId, f, body, "upload", filters);
        return Response.created(URI.create("/corpora/" + corpusId)).entity(view).build();
    }

    /** Read as text so a malformed number answers 400 naming the parameter, not 404. */
    private static Integer integer(String name, String value, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new Violation(name, "must be an integer"));
            return null;
        }
    }

    @GET
    public List<CorpusView> list() {
        return loader.list();
    }

    @GET
    @Path("/{id}")
    public CorpusView get(@PathParam("id") String id) {
        return loader.find(id).orElseThrow(() -> ProblemException.notFound("corpus", id));
    }
}
