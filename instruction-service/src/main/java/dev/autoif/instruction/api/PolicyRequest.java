package dev.autoif.instruction.api;

import dev.autoif.llm.http.ApiKey;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The policy an online DPO round samples from: an OpenAI-compatible endpoint, never its key. */
@Schema(description = "OpenAI-compatible endpoint serving the policy (e.g. the SFT model behind vLLM)")
public record PolicyRequest(
        @Schema(description = "API root, e.g. http://trainer:8000/v1", required = true)
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL")
        String baseUrl,
        @Schema(description = "Model name the endpoint serves", required = true)
        @NotBlank @Size(max = 200) String model,
        @Schema(description = "Name of the environment variable (on query-service) holding the endpoint's key, "
                + "shaped like OPENAI_API_KEY; the key itself is never sent, stored or returned. Default "
                + "OPENAI_API_KEY.")
        @Pattern(regexp = ApiKey.VARIABLE_PATTERN, message = "must name a variable like POLICY_API_KEY ("
                + ApiKey.VARIABLE_PATTERN + ")") String apiKeyEnv) {

    static final String DEFAULT_KEY_VARIABLE = ApiKey.ENV;
}
