package dev.autoif.nli.api;

import dev.autoif.contracts.NliLabel;
import dev.autoif.contracts.Violation;
import dev.autoif.nli.persistence.BackTranslations;
import dev.autoif.platform.http.Problem;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.http.QueryParams;
import dev.autoif.platform.http.ResourceId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A run's back-translations with their NLI labels, paged and filtered in the database (the dashboard). */
@Path("/runs/{runId}/back-translations")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class BackTranslationResource {

    static final int MAX_LIMIT = 500;

    /** One page, in instruction then function order, with the total of matches. */
    public record BackTranslationPage(List<BackTranslations.Stored> items, int offset, int limit, long total) {
    }

    private final BackTranslations store;

    public BackTranslationResource(BackTranslations store) {
        this.store = store;
    }

    @GET
    @Operation(summary = "A run's back-translations with their NLI label",
            description = "Every function's back-translation that the NLI judge labelled, for kept and dropped"
                    + " instructions alike; outcome is the instruction's ('accepted' or its drop reason). An"
                    + " instruction whose back-translations were all unreadable has no rows. offset/limit paging.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = BackTranslationPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter out of bounds, named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BackTranslationPage list(@PathParam("runId") @ResourceId String runId,
            @QueryParam("instruction") @Parameter(description = "only this instruction's") String instruction,
            @QueryParam("label") @Parameter(description = "entailment, neutral or contradiction") String label,
            @QueryParam("offset") @Parameter(description = "rows to skip, default 0") String offset,
            @QueryParam("limit") @Parameter(description = "1 to " + MAX_LIMIT + ", default 50") String limit) {
        List<Violation> errors = new ArrayList<>();
        QueryParams.id("instruction", instruction, errors);
        NliLabel l = null;
        if (label != null && !label.isBlank()) {
            try {
                l = NliLabel.valueOf(label.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("label", "must be entailment, neutral or contradiction"));
            }
        }
        int from = QueryParams.integer("offset", offset, 0, 0, 100_000_000, errors);
        int size = QueryParams.integer("limit", limit, 50, 1, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BackTranslations.Filter f = new BackTranslations.Filter(runId,
                instruction == null || instruction.isBlank() ? null : instruction.trim(), l);
        return new BackTranslationPage(store.page(f, from, size), from, size, store.count(f));
    }
}
