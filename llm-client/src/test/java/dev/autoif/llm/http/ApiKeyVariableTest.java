package dev.autoif.llm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoif.llm.LlmConfigurationException;
import dev.autoif.llm.LlmSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key read from a variable a request names: only *_API_KEY names, never another secret of the process. */
class ApiKeyVariableTest {

    private final Map<String, String> env = Map.of("POLICY_API_KEY", "sk-policy-123456", "DATABASE_PASSWORD", "pw",
            "OPENAI_API_KEY", "sk-main-123456");

    @Test
    void readsTheNamedApiKeyVariable() {
        ApiKey key = ApiKey.fromVariable("POLICY_API_KEY", env::get);
        assertThat(key.isPresent()).isTrue();
        assertThat(key.require()).isEqualTo("sk-policy-123456");
        assertThat(key.toString()).doesNotContain("sk-policy");
        assertThat(ApiKey.fromVariable("UNSET_API_KEY", env::get).isPresent()).isFalse();
    }

    @Test
    void refusesAnyOtherVariable() {
        for (String name : new String[] {"DATABASE_PASSWORD", "api_key", "API_KEY", "PATH", "X_API_KEY_2", "", null}) {
            assertThatThrownBy(() -> ApiKey.fromVariable(name, env::get)).as("variable %s", name)
                    .isInstanceOf(LlmConfigurationException.class).hasMessageContaining("_API_KEY");
        }
    }

    @Test
    void settingsForAnotherEndpointKeepEverythingElse() {
        LlmSettings base = LlmSettings.defaults("http://main/v1");
        LlmSettings other = base.withBaseUrl("http://policy:8000/v1");
        assertThat(other.baseUrl()).isEqualTo("http://policy:8000/v1");
        assertThat(other.withBaseUrl(base.baseUrl())).isEqualTo(base);
    }
}
