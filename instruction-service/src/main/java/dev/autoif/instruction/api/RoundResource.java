package dev.autoif.instruction.api;

import dev.autoif.contracts.PolicyEndpoint;
import dev.autoif.contracts.RoundRequested;
import dev.autoif.contracts.Violation;
import dev.autoif.instruction.pipeline.RoundService;
import dev.autoif.llm.cache.CacheKey;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.http.Problem;
import dev.autoif.platform.http.ResourceId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Online DPO rounds of a finished run. Progress, pairs and exports of a round are on export-service
 * ({@code GET /runs/{id}/rounds}, {@code GET /runs/{id}/rounds/{n}/export/dpo}).
 */
@Path("/runs/{id}/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rounds", description = "Online DPO rounds: sample the policy, verify, pair by pass rate")
@SecurityRequirement(name = "apiKey")
public class RoundResource {

    private final RoundService rounds;

    public RoundResource(RoundService rounds) {
        this.rounds = rounds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start the next online DPO round", description = "K responses (default 8, temperature "
            + "0.8) per kept SFT prompt of the run (or a seeded sample of them) from the policy endpoint, verified "
            + "with each prompt's kept functions, paired by pass rate (chosen above the pass-rate rule's bound, "
            + "rejected at 0). Each call is a new round (1, 2, ...), e.g. against the policy trained on the last one.")
    @APIResponse(responseCode = "202", description = "Round requested; follow it on export-service",
            content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run is not done",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not take the round; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@PathParam("id") @ResourceId String runId,
            @NotNull(message = "a round request is required") @Valid RoundRequest request) {
        PolicyRequest p = request.policy();
        try {
            CacheKey.endpoint(p.baseUrl());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new Violation("policy.baseUrl", e.getMessage())));
        }
        RoundRequested round = rounds.start(runId, new PolicyEndpoint(p.baseUrl().strip(), p.model().strip(),
                        p.apiKeyEnv() == null ? PolicyRequest.DEFAULT_KEY_VARIABLE : p.apiKeyEnv()),
                request.k() == null ? RoundRequest.DEFAULT_K : request.k(),
                request.temperature() == null ? RoundRequest.DEFAULT_TEMPERATURE : request.temperature(),
                request.prompts(),
                request.promptForm() == null ? RoundRequest.DEFAULT_PROMPT_FORM : request.promptForm(),
                request.seed());
        return Response.accepted(RoundView.of(round)).build();
    }

    @GET
    @Operation(summary = "The rounds requested for a run, in order (their progress and pairs: export-service)")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RoundView> list(@PathParam("id") @ResourceId String runId) {
        return rounds.of(runId).stream().map(RoundView::of).toList();
    }
}
