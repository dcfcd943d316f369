package dev.autoif.export.api;

import dev.autoif.contracts.Violation;
import dev.autoif.export.config.ExportConfig;
import dev.autoif.export.domain.DpoFormat;
import dev.autoif.export.domain.PromptForm;
import dev.autoif.export.domain.QueryPairLines;
import dev.autoif.export.domain.RoundSummary;
import dev.autoif.export.domain.Split;
import dev.autoif.export.persistence.RoundStore;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.http.ResourceId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Online DPO rounds of a run (requested on instruction-service, {@code POST /runs/{id}/rounds}): their progress and
 * their preference pairs, built from the round's verified responses by the same rule and in the same formats as the
 * run's query-level pairs ({@code /export/dpo?level=query}).
 */
@Path("/runs/{id}/rounds")
public class RoundExportResource {

    private final RunLookup runs;
    private final RoundStore rounds;
    private final ExportConfig config;

    public RoundExportResource(RunLookup runs, RoundStore rounds, ExportConfig config) {
        this.runs = runs;
        this.rounds = rounds;
        this.config = config;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "The run's online DPO rounds: policy, status (sampling or done), prompts sent and verified,"
            + " responses, prompts with pairs")
    public List<RoundSummary> list(@PathParam("id") @ResourceId String runId) {
        runs.require(runId);
        return rounds.rounds(runId);
    }

    @GET
    @Path("/{n}/export/dpo")
    @Produces({JsonLines.MEDIA_TYPE, "application/problem+json"})
    @Operation(summary = "A round's preference pairs as JSONL (formats of /export/dpo): per prompt, chosen = the"
            + " highest pass rates above the pair rule's bound, rejected = pass rate 0")
    public Response dpo(@PathParam("id") @ResourceId String runId,
            @PathParam("n") @Parameter(description = "the round, 1..") String n,
            @QueryParam("format") @Parameter(description = "trl (default), trl-conversational or llama-factory")
            String format,
            @QueryParam("prompt") @Parameter(description = "natural (default) or template") String prompt,
            @QueryParam("pairs-per-prompt") @Parameter(description = "pairs per prompt, square first (default 4)")
            String pairsPerPrompt,
            @QueryParam("min-pass-rate") @Parameter(description = "chosen responses need this pass rate (0..1,"
                    + " inclusive; default: above 0.5)") String minPassRate,
            @QueryParam("validation") String validation, @QueryParam("seed") String seed,
            @QueryParam("split") String split) {
        List<Violation> errors = new ArrayList<>();
        int round = Params.integer("n", n, 0, 1, Integer.MAX_VALUE, errors);
        DpoFormat f = Params.choice("format", format, DpoFormat.values(), DpoFormat.TRL, errors);
        PromptForm form = Params.choice("prompt", prompt, PromptForm.values(), PromptForm.NATURAL, errors);
        int pairs = Params.integer("pairs-per-prompt", pairsPerPrompt, config.pairsPerPrompt(), 1, 10_000, errors);
        Double chosenBound = Params.decimal("min-pass-rate", minPassRate, 0, 1, errors);
        if (chosenBound != null && chosenBound <= 0) {
            errors.add(new Violation("min-pass-rate", "must be above 0, or chosen and rejected could be equal"));
        }
        Split s = Params.split(validation, seed, split, errors);
        ExportResource.check(errors);
        runs.require(runId);
        RoundSummary r = rounds.round(runId, round)
                .orElseThrow(() -> ProblemException.notFound("round", runId + "/" + round));
        String name = "round" + round + "-dpo" + (f == DpoFormat.TRL ? "" : "-" + f.param()) + ".jsonl";
        return Response.ok(JsonLines.of(() -> QueryPairLines.of(rounds.responses(runId, round), chosenBound, pairs,
                        form, s).map(f::line)), JsonLines.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, RunLookup.attachment(RunLookup.fileName(runId, name)))
                .header(RunLookup.COMPLETE_HEADER, RoundSummary.DONE.equals(r.status()))
                .build();
    }
}
