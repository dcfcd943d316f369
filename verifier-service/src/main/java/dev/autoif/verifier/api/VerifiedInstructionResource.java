package dev.autoif.verifier.api;

import dev.autoif.platform.http.Problem;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.verifier.persistence.VerifiedInstructionReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import dev.autoif.platform.http.ResourceId;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One instruction that survived cross-validation, with each kept function's code and accuracy. */
@Path("/verified-instructions/{instructionId}")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class VerifiedInstructionResource {

    private final VerifiedInstructionReader reader;

    public VerifiedInstructionResource(VerifiedInstructionReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(summary = "A cross-validated instruction and its kept functions",
            description = "404 means cross-validation did not keep the instruction (or has not seen it yet); the"
                    + " run's funnel says how many were dropped and why.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = VerifiedInstructionReader.Stored.class)))
    @APIResponse(responseCode = "404", description = "Not kept by cross-validation, or not verified yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerifiedInstructionReader.Stored get(@PathParam("instructionId") @ResourceId String instructionId) {
        return reader.find(instructionId)
                .orElseThrow(() -> ProblemException.notFound("verified instruction", instructionId));
    }
}
