package dev.autoif.query.api;

import dev.autoif.contracts.Violation;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.query.domain.CorpusFormat;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Query corpora. The upload body is read as a stream (never buffered whole), in ShareGPT JSON, JSONL or plain text.
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
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@QueryParam("id") String id, @QueryParam("format") String format, InputStream body) {
        Optional<CorpusFormat> f = Optional.empty();
        if (format != null && !format.isBlank()) {
            f = CorpusFormat.parse(format);
            if (f.isEmpty()) {
                throw ProblemException.invalid(List.of(new Violation("format", "must be sharegpt, jsonl or text")));
            }
        }
        String corpusId = id == null || id.isBlank() ? "c-" + UUID.randomUUID().toString().substring(0, 8) : id;
        CorpusLoader.checkId(corpusId);
        CorpusView view = loader.upload(corpusId, f, body, "upload");
        return Response.created(URI.create("/corpora/" + corpusId)).entity(view).build();
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
