package dev.autoif.nli.api;

import dev.autoif.nli.config.NliConfig;
import dev.autoif.nli.domain.NliJudge;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Which NLI judge this instance uses: "onnx" (with the model directory) or "llm" (the fallback). */
@Path("/api/nli")
@Produces(MediaType.APPLICATION_JSON)
public class NliModeResource {

    public record NliModeView(String mode, String modelPath) {
    }

    private final NliJudge judge;
    private final NliConfig config;

    public NliModeResource(NliJudge judge, NliConfig config) {
        this.judge = judge;
        this.config = config;
    }

    @GET
    @Path("/mode")
    public NliModeView mode() {
        return new NliModeView(judge.mode(), config.modelPath().filter(p -> !p.isBlank()).orElse(null));
    }
}
