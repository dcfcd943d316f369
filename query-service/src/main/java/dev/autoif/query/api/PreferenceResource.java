package dev.autoif.query.api;

import dev.autoif.platform.http.ProblemException;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.query.persistence.Preferences;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Query-level preference candidates of a run, for export. */
@Path("/runs/{runId}/preferences")
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    private final Preferences preferences;
    private final RunSpecs runSpecs;

    public PreferenceResource(Preferences preferences, RunSpecs runSpecs) {
        this.preferences = preferences;
        this.runSpecs = runSpecs;
    }

    @GET
    public List<PreferenceView> list(@PathParam("runId") String runId) {
        if (runSpecs.find(runId).isEmpty()) {
            throw ProblemException.notFound("run", runId);
        }
        return preferences.forRun(runId);
    }
}
