package dev.autoif.instruction.api;

import dev.autoif.contracts.Violation;
import dev.autoif.instruction.persistence.InstructionStats;
import dev.autoif.instruction.persistence.RunStore;
import dev.autoif.instruction.persistence.StoredRun;
import dev.autoif.instruction.pipeline.RunService;
import dev.autoif.platform.http.Problem;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.http.ResourceId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import dev.autoif.platform.progress.ProgressLedger;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The front door: submit, list, inspect and cancel runs. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs", description = "AutoIF runs: submit a spec, follow its funnel, cancel it")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Required on every route when AUTOIF_API_KEY is set")
@SecurityRequirement(name = "apiKey")
public class RunResource {

    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 20;

    private final RunService runs;
    private final RunStore store;
    private final ProgressLedger ledger;

    public RunResource(RunService runs, RunStore store, ProgressLedger ledger) {
        this.runs = runs;
        this.store = store;
        this.ledger = ledger;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a run", description = "Stores the run, publishes its spec on the runs topic and "
            + "starts self-instruct and function generation. Omitted seeds take the default set, omitted "
            + "parameters their defaults.")
    @APIResponse(responseCode = "201", description = "Accepted; Location points at the run",
            content = @Content(schema = @Schema(implementation = RunCreated.class)))
    @APIResponse(responseCode = "400", description = "Invalid spec; each bad field is named, nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than quarkus.http.limits.max-body-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The corpus does not exist in the query service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503",
            description = "The broker did not take the spec in time, or the database is unreachable; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "dryRun: the expected calls, tokens and dollars per stage; "
            + "nothing stored, published or started",
            content = @Content(schema = @Schema(implementation = RunEstimate.class)))
    public Response submit(@NotNull(message = "a run spec is required") @Valid RunRequest request,
            @Context UriInfo uri) {
        if (Boolean.TRUE.equals(request.dryRun())) {
            return Response.ok(runs.estimate(request.name(), request.seedInstructions(),
                    RunParametersRequest.resolve(request.parameters()), request.corpusId(), request.maxCostUsd()))
                    .build();
        }
        StoredRun run = runs.submit(request.name(), request.seedInstructions(),
                RunParametersRequest.resolve(request.parameters()), request.corpusId(), request.maxCostUsd());
        return Response.created(uri.getAbsolutePathBuilder().path(run.runId()).build())
                .entity(new RunCreated(run.runId(), RunMapper.status(run, ledger.funnel(run.runId())))).build();
    }

    @GET
    @Operation(summary = "List runs, newest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunPage.class)))
    @APIResponse(responseCode = "400", description = "page or size out of bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunPage list(@Parameter(description = "0-based page") @QueryParam("page") String page,
            @Parameter(description = "1 to " + MAX_PAGE_SIZE + ", default " + DEFAULT_PAGE_SIZE)
            @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        List<RunSummary> items = store.page(p.page(), p.size()).stream()
                .map(r -> RunMapper.summary(r, ledger.funnel(r.runId()))).toList();
        return new RunPage(items, p.page(), p.size(), store.count());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A run's status, funnel per stage and LLM usage")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunView get(@PathParam("id") @ResourceId String id) {
        StoredRun run = runs.find(id);
        InstructionStats stats = store.stats(id);
        return RunMapper.view(run, ledger.funnel(id), stats);
    }

    @GET
    @Path("/{id}/instructions")
    @Operation(summary = "A run's instructions after self-instruct and de-duplication, in order")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<InstructionView> instructions(@PathParam("id") @ResourceId String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        runs.find(id);
        Paging p = Paging.of(page, size);
        return store.instructions(id, p.page(), p.size()).stream().map(RunMapper::instruction).toList();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a run's budget", description = "Publishes the spec with the new maxCostUsd. A run "
            + "whose spend is below it runs (a budget-exhausted run resumes where it stopped); at or above it, the "
            + "run is paused (budget-exhausted).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid maxCostUsd",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run is done or cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not take the new spec in time, or the database is"
            + " unreachable; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunView budget(@PathParam("id") @ResourceId String id,
            @NotNull(message = "a body with maxCostUsd is required") @Valid BudgetRequest request) {
        StoredRun run = runs.updateBudget(id, request.maxCostUsd());
        return RunMapper.view(run, ledger.funnel(id), store.stats(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a run", description = "Publishes the spec again with cancelled=true; every stage "
            + "stops taking the run's work. Cancelling twice is harmless.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run is already done",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunView cancel(@PathParam("id") @ResourceId String id) {
        StoredRun run = runs.cancel(id);
        return RunMapper.view(run, ledger.funnel(id), store.stats(id));
    }

    /** Page and size from query strings, each checked, so a bad value is a 400 naming it (not a 404). */
    record Paging(int page, int size) {

        static Paging of(String page, String size) {
            List<Violation> v = new ArrayList<>();
            int p = parse(v, "page", page, 0, 0, 1_000_000);
            int s = parse(v, "size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
            if (!v.isEmpty()) {
                throw ProblemException.invalid(v);
            }
            return new Paging(p, s);
        }

        static int parse(List<Violation> v, String field, String value, int dflt, int min, int max) {
            if (value == null || value.isBlank()) {
                return dflt;
            }
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            v.add(new Violation(field, "must be a whole number between " + min + " and " + max));
            return dflt;
        }
    }
}
