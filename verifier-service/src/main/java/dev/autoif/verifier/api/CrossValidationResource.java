package dev.autoif.verifier.api;

import dev.autoif.platform.http.Problem;
import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.http.ResourceId;
import dev.autoif.verifier.persistence.VerifiedInstructionReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** What cross-validation saw of one instruction, kept or dropped: each function's verdict per case and its fate. */
@Path("/cross-validations/{instructionId}")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CrossValidationResource {

    private final VerifiedInstructionReader reader;

    public CrossValidationResource(VerifiedInstructionReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(summary = "Cross-validation of one instruction: verdicts per function and case",
            description = "outcome is 'kept' or the instruction's drop reason. Each function (candidate order) has"
                    + " its outcome ('kept', 'not-graded' when the instruction was dropped before grading, or its"
                    + " function-* drop reason), its accuracy on the kept cases (null when not graded) and the"
                    + " sandbox's verdict on every case (empty when it never loaded). Each case has its expected"
                    + " label, its accuracy over the voting functions and whether it was kept.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = VerifiedInstructionReader.Report.class)))
    @APIResponse(responseCode = "404", description = "Cross-validation has not seen this instruction (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerifiedInstructionReader.Report get(@PathParam("instructionId") @ResourceId String instructionId) {
        return reader.report(instructionId)
                .orElseThrow(() -> ProblemException.notFound("cross-validation", instructionId));
    }
}
