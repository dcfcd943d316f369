package dev.autoif.contracts;

/**
 * The model an online DPO round samples from (paper 3.4: the policy being trained), at an OpenAI-compatible
 * endpoint.
 *
 * @param baseUrl the endpoint's API root, e.g. {@code http://trainer:8000/v1}
 * @param model the model name sent to it
 * @param apiKeyEnv the name of the environment variable (on query-service) that holds the endpoint's key; never the
 *        key itself
 */
public record PolicyEndpoint(String baseUrl, String model, String apiKeyEnv) {
}
