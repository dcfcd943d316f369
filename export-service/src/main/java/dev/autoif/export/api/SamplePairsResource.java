package dev.autoif.export.api;

import dev.autoif.contracts.Violation;
import dev.autoif.export.config.ExportConfig;
import dev.autoif.export.domain.Lines;
import dev.autoif.export.domain.PromptForm;
import dev.autoif.export.domain.QueryPairs;
import dev.autoif.export.domain.VerifiedSample;
import dev.autoif.export.persistence.ExportReader;
import dev.autoif.platform.http.Problem;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.http.ResourceId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The query-level DPO pairs of the prompt one sample belongs to, exactly as the DPO export builds them. */
@Path("/runs/{id}/samples/{sampleId}/pairs")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SamplePairsResource {

    /**
     * One pair; {@code chosenHere}/{@code rejectedHere}: the text is one of this sample's responses (identical texts
     * count once, so the same text may also come from another sample of the prompt).
     */
    public record PairView(String chosen, String rejected, boolean chosenHere, boolean rejectedHere) {
    }

    /** The prompt's pairs; {@code responses}: how many verified responses of the prompt they were built from. */
    public record SamplePairs(String sampleId, String instructionId, String queryId, String prompt, int responses,
            List<PairView> pairs) {
    }

    private final RunLookup runs;
    private final ExportReader reader;
    private final ExportConfig config;

    public SamplePairsResource(RunLookup runs, ExportReader reader, ExportConfig config) {
        this.runs = runs;
        this.reader = reader;
        this.config = config;
    }

    @GET
    @Operation(summary = "The DPO pairs built from a sample's prompt",
            description = "Query-level pairs are built per prompt (instruction and query) from all its verified"
                    + " responses, by the export's pair rule (chosen: pass rate above 0.5 or min-pass-rate;"
                    + " rejected: no function passed), as GET /runs/{id}/export/dpo?level=query writes them.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SamplePairs.class)))
    @APIResponse(responseCode = "400", description = "A parameter out of bounds, named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run or sample here",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SamplePairs pairs(@PathParam("id") @ResourceId String runId,
            @PathParam("sampleId") @ResourceId String sampleId,
            @QueryParam("prompt") @Parameter(description = "natural (default) or template, as the DPO export")
            String prompt,
            @QueryParam("pairs-per-prompt") @Parameter(description = "pairs per prompt, square first (default as"
                    + " the DPO export)") String pairsPerPrompt,
            @QueryParam("min-pass-rate") @Parameter(description = "chosen responses need this pass rate (0..1,"
                    + " inclusive; default: above 0.5)") String minPassRate) {
        List<Violation> errors = new ArrayList<>();
        PromptForm form = Params.choice("prompt", prompt, PromptForm.values(), PromptForm.NATURAL, errors);
        int limit = Params.integer("pairs-per-prompt", pairsPerPrompt, config.pairsPerPrompt(), 1, 10_000, errors);
        Double chosenBound = Params.minChosenPassRate(minPassRate, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        runs.require(runId);
        List<VerifiedSample> group = reader.promptOf(runId, sampleId);
        if (group.isEmpty()) {
            throw ProblemException.notFound("sample", sampleId);
        }
        Set<String> here = group.stream().filter(s -> s.sampleId().equals(sampleId)).map(VerifiedSample::response)
                .collect(Collectors.toSet());
        List<Lines.Preference> pairs = QueryPairs.of(group, chosenBound, limit, form);
        VerifiedSample first = group.getFirst();
        return new SamplePairs(sampleId, first.instructionId(), first.queryId(), first.userTurn(form), group.size(),
                pairs.stream().map(p -> new PairView(p.chosen(), p.rejected(), here.contains(p.chosen()),
                        here.contains(p.rejected()))).toList());
    }
}
