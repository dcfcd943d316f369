package dev.autoif.export.api;

import dev.autoif.contracts.Violation;
import dev.autoif.export.config.ExportConfig;
import dev.autoif.export.domain.DpoLevel;
import dev.autoif.export.domain.Lines;
import dev.autoif.export.domain.QueryPairLines;
import dev.autoif.export.domain.SftFormat;
import dev.autoif.export.domain.SftLines;
import dev.autoif.export.domain.SftThresholds;
import dev.autoif.export.persistence.ExportReader;
import dev.autoif.platform.http.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * SFT and DPO datasets as streamed JSON Lines, re-derived from stored rows on every request, so other thresholds
 * cost no LLM call. Order is deterministic (instruction id, query id, response id) and a run still in progress exports
 * what is done, saying so in {@value RunLookup#COMPLETE_HEADER}.
 */
@Path("/runs/{id}/export")
public class ExportResource {

    private final RunLookup runs;
    private final ExportReader reader;
    private final ExportConfig config;

    public ExportResource(RunLookup runs, ExportReader reader, ExportConfig config) {
        this.runs = runs;
        this.reader = reader;
        this.config = config;
    }

    @GET
    @Path("/sft")
    @Produces({JsonLines.MEDIA_TYPE, "application/problem+json"})
    @Operation(summary = "Kept samples as SFT JSONL (alpaca, messages or sharegpt)")
    public Response sft(@PathParam("id") String runId,
            @QueryParam("format") @Parameter(description = "alpaca (default), messages or sharegpt") String format,
            @QueryParam("min-score") @Parameter(description = "re-decide by stored judge score (0..10, inclusive)")
            String minScore,
            @QueryParam("min-pass-rate") @Parameter(description = "also require this pass rate (0..1, inclusive)")
            String minPassRate) {
        List<Violation> errors = new ArrayList<>();
        SftFormat f = format == null || format.isBlank() ? SftFormat.ALPACA : SftFormat.fromParam(format)
                .orElseGet(() -> {
                    errors.add(new Violation("format", "must be one of alpaca, messages, sharegpt"));
                    return SftFormat.ALPACA;
                });
        SftThresholds thresholds = new SftThresholds(Params.decimal("min-score", minScore, 0, 10, errors),
                Params.decimal("min-pass-rate", minPassRate, 0, 1, errors));
        check(errors);
        runs.require(runId);
        return stream(runId, "sft-" + f.param() + ".jsonl",
                () -> SftLines.of(reader.judged(runId), thresholds, f));
    }

    @GET
    @Path("/dpo")
    @Produces({JsonLines.MEDIA_TYPE, "application/problem+json"})
    @Operation(summary = "Preference pairs as TRL JSONL (prompt, chosen, rejected): query, instruction or all")
    public Response dpo(@PathParam("id") String runId,
            @QueryParam("level") @Parameter(description = "query, instruction or all (default)") String level,
            @QueryParam("pairs-per-prompt") @Parameter(description = "query-level pairs per prompt, square first"
                    + " (default 4 = 2 x 2)") String pairsPerPrompt,
            @QueryParam("min-pass-rate") @Parameter(description = "chosen responses need this pass rate (0..1,"
                    + " inclusive; default: above 0.5)") String minPassRate) {
        List<Violation> errors = new ArrayList<>();
        DpoLevel l = level == null || level.isBlank() ? DpoLevel.ALL : DpoLevel.fromParam(level).orElseGet(() -> {
            errors.add(new Violation("level", "must be one of query, instruction, all"));
            return DpoLevel.ALL;
        });
        int pairs = Params.integer("pairs-per-prompt", pairsPerPrompt, config.pairsPerPrompt(), 1, 10_000, errors);
        Double chosenBound = Params.decimal("min-pass-rate", minPassRate, 0, 1, errors);
        if (chosenBound != null && chosenBound <= 0) {
            errors.add(new Violation("min-pass-rate", "must be above 0, or chosen and rejected could be equal"));
        }
        check(errors);
        runs.require(runId);
        return stream(runId, "dpo-" + l.param() + ".jsonl", () -> {
            Stream<Lines.Preference> query = l.includesQuery()
                    ? QueryPairLines.of(reader.verified(runId), chosenBound, pairs) : Stream.empty();
            Stream<Lines.Preference> instruction = l.includesInstruction()
                    ? StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader.casePairs(runId),
                            Spliterator.ORDERED), false)
                            .map(p -> new Lines.Preference(p.instruction(), p.chosen(), p.rejected()))
                    : Stream.empty();
            return Stream.concat(query, instruction);
        });
    }

    private Response stream(String runId, String kind, Supplier<Stream<?>> lines) {
        return Response.ok(JsonLines.of(lines), JsonLines.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, RunLookup.attachment(RunLookup.fileName(runId, kind)))
                .header(RunLookup.COMPLETE_HEADER, runs.complete(runId))
                .build();
    }

    private static void check(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
