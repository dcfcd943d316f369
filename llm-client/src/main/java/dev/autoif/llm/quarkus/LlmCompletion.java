package dev.autoif.llm.quarkus;

import dev.autoif.llm.cache.CachedCompletion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One raw LLM answer: the response cache and the audit log in one table. The key hash is the primary key, which is
 * what makes concurrent identical writes safe (the second insert violates it and is ignored).
 */
@Entity
@Table(name = "llm_completion", indexes = @Index(name = "llm_completion_run_stage", columnList = "run_id, stage"))
public class LlmCompletion extends LlmRequestColumns {

    @Id
    @Column(name = "key_hash", length = 64, nullable = false)
    public String keyHash;

    @Column(nullable = false, columnDefinition = "text")
    public String completion;

    @Column(name = "prompt_tokens", nullable = false)
    public long promptTokens;

    @Column(name = "completion_tokens", nullable = false)
    public long completionTokens;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static LlmCompletion from(CachedCompletion c) {
        LlmCompletion e = new LlmCompletion();
        e.keyHash = c.keyHash();
        e.model = c.model();
        e.runId = c.runId();
        e.stage = c.stage();
        e.prompt = c.prompt();
        e.completion = c.completion();
        e.promptTokens = c.promptTokens();
        e.completionTokens = c.completionTokens();
        e.createdAt = c.createdAt();
        return e;
    }

    CachedCompletion toCached() {
        return new CachedCompletion(keyHash, model, runId, stage, prompt, completion, promptTokens, completionTokens,
                createdAt);
    }
}
