package dev.autoif.verifier.api;

import dev.autoif.contracts.Violation;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.verifier.service.ScoringService;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Many instructions per call, with per-function verdicts: what a trainer's own reward function calls. */
@Path("/verify/batch")
public class VerifyBatchResource {

    private final ScoringService scoring;

    public VerifyBatchResource(ScoringService scoring) {
        this.scoring = scoring;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score the responses of many instructions in one call", description = "Each item is what "
            + "POST /verify takes (functions or instructionId, and responses) and gets what it answers: per response "
            + "its pass rate and one verdict per function. An unknown instructionId is that item's error (pass rates "
            + "0, no verdicts), not the call's.")
    public VerifyBatchResponse verify(@NotNull @Valid VerifyBatchRequest request) {
        List<Violation> errors = new ArrayList<>();
        List<ScoringService.Job> jobs = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            VerifyBatchRequest.Item item = request.items().get(i);
            boolean byId = item.instructionId() != null;
            if (byId == (item.functions() != null)) {
                errors.add(new Violation("items[" + i + "].functions", "give exactly one of functions and "
                        + "instructionId"));
            } else if (byId && item.instructionId().isBlank()) {
                errors.add(new Violation("items[" + i + "].instructionId", "must not be blank"));
            }
            jobs.add(new ScoringService.Job(item.functions(), item.instructionId(), item.responses()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<ScoringService.Scored> scored = scoring.score(jobs);
        List<VerifyBatchResponse.Item> items = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            items.add(new VerifyBatchResponse.Item(jobs.get(i).instructionId(), scored.get(i).responses().stream()
                    .map(r -> new VerifyResponse.Result(r.passRate(), r.verdicts())).toList(),
                    scored.get(i).error()));
        }
        return new VerifyBatchResponse(items);
    }
}
