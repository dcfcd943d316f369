package dev.autoif.llm.http;

/** Sends one chat-completion request; no retries, no limits (the client does those). */
public interface ChatTransport {

    /**
     * @throws TransportFailure a non-2xx answer, or no answer (reset, timeout)
     * @throws dev.autoif.llm.LlmResponseException a 2xx answer that is not a chat completion
     * @throws InterruptedException the calling thread was interrupted
     */
    ChatResponse send(ChatCall call) throws TransportFailure, InterruptedException;

    /** Where requests go; used to remember per endpoint whether it honours {@code n}. */
    String endpoint();

    /** Fails with a clear {@link dev.autoif.llm.LlmConfigurationException} when requests cannot be sent at all. */
    default void checkReady() {
    }
}
