package dev.autoif.export.api;

import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Violation;
import dev.autoif.export.domain.DatasetCard;
import dev.autoif.export.domain.FunnelReport;
import dev.autoif.export.domain.RoundSummary;
import dev.autoif.export.persistence.RoundStore;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.http.ResourceId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A run's funnel (JSON or a plain-text table) and its Hugging Face dataset card. */
@Path("/runs/{id}")
public class FunnelResource {

    static final String MARKDOWN = "text/markdown";

    private final RunLookup runs;

    public FunnelResource(RunLookup runs) {
        this.runs = runs;
    }

    @GET
    @Path("/funnel")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/problem+json"})
    @Operation(summary = "Counts per stage in the paper's report shape, with drop reasons; ?format=text or"
            + " Accept: text/plain for a table")
    public Response funnel(@PathParam("id") @ResourceId String runId, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean text = wantsText(format, headers);
        Optional<RunSpec> spec = runs.require(runId);
        FunnelReport report = runs.report(runId, spec);
        List<RoundSummary> roundList = rounds.rounds(runId);
        Object body = text ? report.text() + RoundSummary.textLines(roundList) : new WithRounds(report, roundList);
        return Response.ok(body, text ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON)
                .header(RunLookup.COMPLETE_HEADER, report.complete()).build();
    }

    @GET
    @Path("/card")
    @Produces({MARKDOWN, "application/problem+json"})
    @Operation(summary = "A Hugging Face dataset card (README.md) for the run")
    public Response card(@PathParam("id") @ResourceId String runId,
            @QueryParam("validation") @Parameter(description = "the validation share the folder's files were"
                    + " exported with (0..0.5; default 0)") String validation,
            @QueryParam("seed") @Parameter(description = "their split's seed (default 42)") String seed) {
        List<Violation> errors = new ArrayList<>();
        double v = Params.validation(validation, errors);
        long s = Params.seed(seed, errors);
        ExportResource.check(errors);
        Optional<RunSpec> spec = runs.require(runId);
        FunnelReport report = runs.report(runId, spec);
        return Response.ok(DatasetCard.render(report, spec, v, s) + RoundSummary.markdown(rounds.rounds(runId)),
                        MARKDOWN + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, RunLookup.attachment("README.md"))
                .header(RunLookup.COMPLETE_HEADER, report.complete()).build();
    }

    private static boolean wantsText(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format) {
                case "text" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalid(List.of(new Violation("format", "must be json or text")));
            };
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (m.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** Online DPO rounds of the run, beside the run's own funnel. */
    @jakarta.inject.Inject
    RoundStore rounds;

    /** The funnel with the run's online DPO rounds next to it. */
    public record WithRounds(@com.fasterxml.jackson.annotation.JsonUnwrapped FunnelReport funnel,
            List<RoundSummary> rounds) {
    }
}
