package dev.autoif.instruction.api;

import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.Violation;
import dev.autoif.instruction.persistence.InstructionSearch;
import dev.autoif.instruction.pipeline.RunService;
import dev.autoif.platform.http.Problem;
import dev.autoif.platform.http.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import dev.autoif.platform.http.QueryParams;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A run's instructions searched and paged in the database (the dashboard's Instructions page). */
@Path("/instructions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "runs")
public class InstructionSearchResource {

    static final int MAX_LIMIT = 500;
    static final int MAX_TEXT = 200;

    /** One page in the run's order (seeds first, then self-instruct order). */
    public record InstructionPage(List<InstructionView> items, int offset, int limit, long total) {
    }

    private final RunService runs;
    private final InstructionSearch search;

    public InstructionSearchResource(RunService runs, InstructionSearch search) {
        this.runs = runs;
        this.search = search;
    }

    @GET
    @Operation(summary = "Search a run's instructions", description = "Filters by text (case-insensitive) and"
            + " origin; offset/limit paging with the total of matches.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstructionPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter missing or out of bounds, named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InstructionPage search(@QueryParam("run") @Parameter(description = "run id", required = true) String run,
            @QueryParam("q") @Parameter(description = "text the instruction contains, at most " + MAX_TEXT
                    + " characters") String text,
            @QueryParam("origin") @Parameter(description = "seed or augmented") String origin,
            @QueryParam("offset") @Parameter(description = "rows to skip, default 0") String offset,
            @QueryParam("limit") @Parameter(description = "1 to " + MAX_LIMIT + ", default 50") String limit) {
        List<Violation> errors = new ArrayList<>();
        if (run == null || run.isBlank()) {
            errors.add(new Violation("run", "is required"));
        }
        QueryParams.id("run", run, errors);
        QueryParams.text("q", text, MAX_TEXT, errors);
        InstructionOrigin o = null;
        if (origin != null && !origin.isBlank()) {
            try {
                o = InstructionOrigin.valueOf(origin.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("origin", "must be seed or augmented"));
            }
        }
        int from = RunResource.Paging.parse(errors, "offset", offset, 0, 0, 100_000_000);
        int size = RunResource.Paging.parse(errors, "limit", limit, 50, 1, MAX_LIMIT);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        runs.find(run);
        InstructionSearch.Filter f = new InstructionSearch.Filter(run, text == null || text.isBlank() ? null
                : text.trim(), o);
        return new InstructionPage(search.page(f, from, size).stream().map(RunMapper::instruction).toList(), from,
                size, search.count(f));
    }
}
