package dev.autoif.query.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.query.api.PreferenceView;
import dev.autoif.query.api.PreferenceView.Candidate;
import dev.autoif.query.domain.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Stores the preference candidates of verified samples that have both a chosen and a rejected response. */
@ApplicationScoped
public class Preferences {

    private static final TypeReference<List<Candidate>> CANDIDATES = new TypeReference<>() {
    };

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(ResponseVerified v, Rejection r) {
        if (!r.hasPreferencePair() || PreferenceEntity.findById(v.sampleId()) != null) {
            return;
        }
        PreferenceEntity e = new PreferenceEntity();
        e.sampleId = v.sampleId();
        e.runId = v.runId();
        e.instructionId = v.instructionId();
        e.queryId = v.queryId();
        e.prompt = v.prompt() == null ? "" : v.prompt();
        e.chosenJson = json(r.chosen());
        e.rejectedJson = json(r.rejected());
        e.persist();
    }

    @Transactional
    public List<PreferenceView> forRun(String runId) {
        return PreferenceEntity.<PreferenceEntity>list("runId = ?1 order by sampleId", runId).stream()
                .map(e -> new PreferenceView(e.sampleId, e.instructionId, e.queryId, e.prompt, read(e.chosenJson),
                        read(e.rejectedJson)))
                .toList();
    }

    private static String json(List<VerifiedResponse> responses) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(responses.stream()
                    .map(r -> new Candidate(r.index(), r.text(), r.passRate())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Candidate> read(String json) {
        try {
            return EnvelopeCodec.mapper().readValue(json, CANDIDATES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored preference candidates are unreadable", e);
        }
    }
}
