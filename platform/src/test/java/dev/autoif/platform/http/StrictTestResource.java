package dev.autoif.platform.http;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A resource of the platform tests only: a nested request DTO and an id in the path. */
@Path("/strict-test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StrictTestResource {

    public record Inner(@NotNull @Min(0) @Max(10) Double judgeThreshold, Integer judgeSamples) {
    }

    public record Outer(@NotBlank String name, @Valid Inner parameters, List<@Valid Inner> items, Boolean flag) {
    }

    @POST
    public Outer echo(@NotNull @Valid Outer body) {
        return body;
    }

    @GET
    @Path("/{id}")
    public String get(@PathParam("id") @ResourceId String id) {
        return id;
    }
}
