package dev.autoif.export.api;

import dev.autoif.contracts.Violation;
import dev.autoif.export.config.ExportConfig;
import dev.autoif.export.domain.DpoFormat;
import dev.autoif.export.domain.DpoLevel;
import dev.autoif.export.domain.Lines;
import dev.autoif.export.domain.PromptForm;
import dev.autoif.export.domain.QueryPairLines;
import dev.autoif.export.domain.RlvrLines;
import dev.autoif.export.domain.SftFormat;
import dev.autoif.export.domain.SftLines;
import dev.autoif.export.domain.SftThresholds;
import dev.autoif.export.domain.Split;
import dev.autoif.export.domain.TrainerFile;
import dev.autoif.export.persistence.ExportReader;
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
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * SFT, DPO and RLVR datasets as streamed JSON Lines, re-derived from stored rows on every request, so other
 * thresholds, formats or splits cost no LLM call. Order is deterministic (instruction id, query id, response id) and a
 * run still in progress exports what is done, saying so in {@value RunLookup#COMPLETE_HEADER}.
 */
@Path("/runs/{id}/export")
public class ExportResource {

    private static final String PROMPT = "natural (default: the query, then the instruction as a sentence, as the"
            + " paper's data) or template (the generation prompt with <instruction>/<query> tags)";
    private static final String VALIDATION = "share of prompts held out as validation (0..0.5; default 0: none)";
    private static final String SEED = "seed of the train/validation split (default 42)";
    private static final String SPLIT = "train (default) or validation";

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
    public Response sft(@PathParam("id") @ResourceId String runId,
            @QueryParam("format") @Parameter(description = "alpaca (default), messages or sharegpt") String format,
            @QueryParam("prompt") @Parameter(description = PROMPT) String prompt,
            @QueryParam("metadata") @Parameter(description = "true: add autoif_* columns trainers ignore (run,"
                    + " instruction id and text, query id, pass rate, judge score)") String metadata,
            @QueryParam("min-score") @Parameter(description = "re-decide by stored judge score (0..10, inclusive)")
            String minScore,
            @QueryParam("min-pass-rate") @Parameter(description = "also require this pass rate (0..1, inclusive)")
            String minPassRate,
            @QueryParam("validation") @Parameter(description = VALIDATION) String validation,
            @QueryParam("seed") @Parameter(description = SEED) String seed,
            @QueryParam("split") @Parameter(description = SPLIT) String split) {
        List<Violation> errors = new ArrayList<>();
        SftFormat f = Params.choice("format", format, SftFormat.values(), SftFormat.ALPACA, errors);
        PromptForm form = Params.choice("prompt", prompt, PromptForm.values(), PromptForm.NATURAL, errors);
        boolean withMetadata = Params.bool("metadata", metadata, errors);
        SftThresholds thresholds = thresholds(minScore, minPassRate, errors);
        Split s = Params.split(validation, seed, split, errors);
        check(errors);
        runs.require(runId);
        return stream(runId, "sft-" + f.param() + suffix(s) + ".jsonl",
                () -> SftLines.of(reader.judged(runId), thresholds, f, form, s, withMetadata ? runId : null));
    }

    @GET
    @Path("/dpo")
    @Produces({JsonLines.MEDIA_TYPE, "application/problem+json"})
    @Operation(summary = "Preference pairs as JSONL for TRL (standard or conversational) or LLaMA-Factory"
            + " (pairwise): query, instruction or all")
    public Response dpo(@PathParam("id") @ResourceId String runId,
            @QueryParam("level") @Parameter(description = "query, instruction or all (default)") String level,
            @QueryParam("format") @Parameter(description = "trl (default: prompt/chosen/rejected strings),"
                    + " trl-conversational (message lists) or llama-factory (pairwise alpaca)") String format,
            @QueryParam("prompt") @Parameter(description = PROMPT) String prompt,
            @QueryParam("pairs-per-prompt") @Parameter(description = "query-level pairs per prompt, square first"
                    + " (default 4 = 2 x 2)") String pairsPerPrompt,
            @QueryParam("min-pass-rate") @Parameter(description = "chosen responses need this pass rate (0..1,"
                    + " inclusive; default: above 0.5)") String minPassRate,
            @QueryParam("validation") @Parameter(description = VALIDATION) String validation,
            @QueryParam("seed") @Parameter(description = SEED) String seed,
            @QueryParam("split") @Parameter(description = SPLIT) String split) {
        List<Violation> errors = new ArrayList<>();
        DpoLevel l = Params.choice("level", level, DpoLevel.values(), DpoLevel.ALL, errors);
        DpoFormat f = Params.choice("format", format, DpoFormat.values(), DpoFormat.TRL, errors);
        PromptForm form = Params.choice("prompt", prompt, PromptForm.values(), PromptForm.NATURAL, errors);
        int pairs = Params.integer("pairs-per-prompt", pairsPerPrompt, config.pairsPerPrompt(), 1, 10_000, errors);
        Double chosenBound = Params.minChosenPassRate(minPassRate, errors);
        Split s = Params.split(validation, seed, split, errors);
        check(errors);
        runs.require(runId);
        String name = "dpo-" + l.param() + (f == DpoFormat.TRL ? "" : "-" + f.param()) + suffix(s) + ".jsonl";
        return stream(runId, name, () -> {
            Stream<Lines.Preference> query = l.includesQuery()
                    ? QueryPairLines.of(reader.verified(runId), chosenBound, pairs, form, s) : Stream.empty();
            Stream<Lines.Preference> instruction = l.includesInstruction()
                    ? StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader.casePairs(runId),
                            Spliterator.ORDERED), false)
                            .filter(p -> s.holds(p.instructionId(), null))
                            .map(p -> p.preference(form))
                    : Stream.empty();
            return Stream.concat(query, instruction).map(f::line);
        });
    }

    @GET
    @Path("/rlvr")
    @Produces({JsonLines.MEDIA_TYPE, "application/problem+json"})
    @Operation(summary = "Prompts for online RL (open-instruct: messages, ground_truth = instruction id, dataset)")
    public Response rlvr(@PathParam("id") @ResourceId String runId,
            @QueryParam("prompt") @Parameter(description = PROMPT) String prompt,
            @QueryParam("min-score") @Parameter(description = "a prompt needs a response with this judge score")
            String minScore,
            @QueryParam("min-pass-rate") @Parameter(description = "... and this pass rate") String minPassRate,
            @QueryParam("validation") @Parameter(description = VALIDATION) String validation,
            @QueryParam("seed") @Parameter(description = SEED) String seed,
            @QueryParam("split") @Parameter(description = SPLIT) String split) {
        List<Violation> errors = new ArrayList<>();
        PromptForm form = Params.choice("prompt", prompt, PromptForm.values(), PromptForm.NATURAL, errors);
        SftThresholds thresholds = thresholds(minScore, minPassRate, errors);
        Split s = Params.split(validation, seed, split, errors);
        check(errors);
        runs.require(runId);
        return stream(runId, "rlvr" + suffix(s) + ".jsonl",
                () -> RlvrLines.of(reader.judged(runId), thresholds, form, s));
    }

    @GET
    @Path("/dataset_info.json")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "LLaMA-Factory's dataset_info.json for a folder of this run's files (see the card)")
    public Response datasetInfo(@PathParam("id") @ResourceId String runId,
            @QueryParam("validation") @Parameter(description = "the share the folder's files were exported with")
            String validation) {
        List<Violation> errors = new ArrayList<>();
        double v = Params.validation(validation, errors);
        check(errors);
        runs.require(runId);
        return Response.ok(TrainerFile.datasetInfo(v), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, RunLookup.attachment("dataset_info.json"))
                .header(RunLookup.COMPLETE_HEADER, runs.complete(runId)).build();
    }

    private static SftThresholds thresholds(String minScore, String minPassRate, List<Violation> errors) {
        return new SftThresholds(Params.decimal("min-score", minScore, 0, 10, errors),
                Params.decimal("min-pass-rate", minPassRate, 0, 1, errors));
    }

    private static String suffix(Split s) {
        return s.validationFraction() > 0 ? "-" + s.part().param() : "";
    }

    private Response stream(String runId, String kind, Supplier<Stream<?>> lines) {
        return Response.ok(JsonLines.of(lines), JsonLines.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, RunLookup.attachment(RunLookup.fileName(runId, kind)))
                .header(RunLookup.COMPLETE_HEADER, runs.complete(runId))
                .build();
    }

    static void check(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
