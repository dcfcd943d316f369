package dev.autoif.verifier.api;

import dev.autoif.contracts.Verdict;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The reward server for online RL: OpenRLHF's remote reward model protocol ({@code --remote_rm_url
 * http://host:8082/reward}). Pure and stateless, so trainer retries are safe and it scales by replicas.
 */
@Path("/reward")
public class RewardResource {

    private final ScoringService scoring;

    public RewardResource(ScoringService scoring) {
        this.scoring = scoring;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rewards for an RL batch (OpenRLHF remote reward model)", description = "Each sample's "
            + "response is taken from query (after the prompt, else after the last assistant marker of a known chat "
            + "template) and scored by the kept functions of the instruction its label names. reward = score = pass "
            + "rate. An unknown label or a response that cannot be found gives reward 0 and an entry in errors; "
            + "only a malformed body is a 400.")
    public RewardResponse reward(@NotNull @Valid RewardRequest request) {
        int n = request.query().size();
        List<Violation> errors = new ArrayList<>();
        if (request.labels().size() != n) {
            errors.add(new Violation("labels", "must have one entry per query (" + n + ")"));
        }
        if (request.prompts() != null && request.prompts().size() != n) {
            errors.add(new Violation("prompts", "must have one entry per query (" + n + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<ScoringService.Reward> rewards = scoring.rewards(request.query(), request.prompts(), request.labels());
        Map<String, List<Double>> logs = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            logs.put(key(v), new ArrayList<>(n));
        }
        logs.put("functions", new ArrayList<>(n));
        logs.put("unscored", new ArrayList<>(n));
        List<Double> values = new ArrayList<>(n);
        List<String> problems = new ArrayList<>(n);
        for (ScoringService.Reward r : rewards) {
            values.add(r.reward());
            problems.add(r.error());
            for (Verdict v : Verdict.values()) {
                logs.get(key(v)).add((double) r.verdicts().stream().filter(x -> x == v).count());
            }
            logs.get("functions").add((double) r.verdicts().size());
            logs.get("unscored").add(r.error() == null ? 0.0 : 1.0);
        }
        return new RewardResponse(values, List.copyOf(values), logs, problems);
    }

    private static String key(Verdict v) {
        return "verdict_" + v.wire().replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
