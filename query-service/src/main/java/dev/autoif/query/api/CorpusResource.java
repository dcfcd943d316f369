package dev.autoif.query.api;

import dev.autoif.contracts.Violation;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.http.ResourceId;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import dev.autoif.query.domain.CorpusFormat;
import dev.autoif.query.domain.CorpusIngestFilters;
import dev.autoif.query.persistence.CorpusLoader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
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

    /** Streams a corpus in; its parameters are {@link CorpusUploadParams}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@Valid @BeanParam CorpusUploadParams params, InputStream body) {
        CorpusIngestFilters filters = params.filters();
        List<Violation> errors = filters.violations();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Optional<CorpusFormat> f = params.format == null || params.format.isBlank() ? Optional.empty()
                : CorpusFormat.parse(params.format);
        String corpusId = params.id == null || params.id.isBlank() ? "c-" + UUID.randomUUID().toString().substring(0, 8)
                : params.id;
        CorpusView view = loader.upload(corpusId, f, body, "upload", filters);
        return Response.created(URI.create("/corpora/" + corpusId)).entity(view).build();
    }

    @GET
    public List<CorpusView> list() {
        return loader.list();
    }

    @GET
    @Path("/{id}")
    public CorpusView get(@PathParam("id") @ResourceId String id) {
        return loader.find(id).orElseThrow(() -> ProblemException.notFound("corpus", id));
    }
}
