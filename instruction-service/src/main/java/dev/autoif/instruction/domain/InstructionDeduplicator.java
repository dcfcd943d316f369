package dev.autoif.instruction.domain;

import dev.autoif.contracts.InstructionOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Unions the seeds with the self-instruct output, dropping duplicates. Seeds come first and are only dropped when
 * they repeat a seed exactly (the user chose them). An augmented instruction is dropped when it repeats a kept one
 * exactly ({@value #DUPLICATE}) or states the same constraint in other words ({@value #NEAR_DUPLICATE}): the same
 * {@link ConstraintFingerprint#guards()} and a token Jaccard similarity of at least the threshold. Comparing only
 * within a group of equal guards keeps this near linear.
 */
public final class InstructionDeduplicator {

    public static final String DUPLICATE = "duplicate";
    public static final String NEAR_DUPLICATE = "near-duplicate";
    /** Tuned on the examples in the unit test: rewordings score 0.75 and up, different constraints 0.5 and less. */
    public static final double DEFAULT_THRESHOLD = 0.7;

    private final String runId;
    private final double threshold;
    private final Set<String> keys = new HashSet<>();
    private final Map<Set<String>, List<ConstraintFingerprint>> byGuards = new HashMap<>();
    private final List<Instruction> kept = new ArrayList<>();
    private final Map<String, Long> dropped = new TreeMap<>();

    public InstructionDeduplicator(String runId, double threshold) {
        this.runId = runId;
        this.threshold = threshold;
    }

    public InstructionDeduplicator(String runId) {
        this(runId, DEFAULT_THRESHOLD);
    }

    /** Adds a seed; returns false when it repeats an earlier seed exactly. */
    public boolean addSeed(String text) {
        String cleaned = InstructionText.clean(text);
        if (!keys.add(InstructionText.comparisonKey(cleaned))) {
            drop(DUPLICATE);
            return false;
        }
        remember(cleaned, InstructionOrigin.SEED);
        return true;
    }

    /** Adds a self-instruct instruction; returns false when it was dropped as a (near) duplicate. */
    public boolean addAugmented(String text) {
        String cleaned = InstructionText.clean(text);
        if (keys.contains(InstructionText.comparisonKey(cleaned))) {
            drop(DUPLICATE);
            return false;
        }
        ConstraintFingerprint f = ConstraintFingerprint.of(cleaned);
        for (ConstraintFingerprint other : byGuards.getOrDefault(f.guards(), List.of())) {
            if (f.similarity(other) >= threshold) {
                drop(NEAR_DUPLICATE);
                return false;
            }
        }
        keys.add(InstructionText.comparisonKey(cleaned));
        remember(cleaned, InstructionOrigin.AUGMENTED);
        return true;
    }

    /** Counts an item that never became an instruction, e.g. an unparsable line. */
    public void drop(String reason) {
        drop(reason, 1);
    }

    public void drop(String reason, long count) {
        if (count > 0) {
            dropped.merge(reason, count, Long::sum);
        }
    }

    public List<Instruction> kept() {
        return List.copyOf(kept);
    }

    public Map<String, Long> dropped() {
        return Map.copyOf(dropped);
    }

    private void remember(String cleaned, InstructionOrigin origin) {
        ConstraintFingerprint f = ConstraintFingerprint.of(cleaned);
        byGuards.computeIfAbsent(f.guards(), g -> new ArrayList<>()).add(f);
        kept.add(new Instruction(InstructionIds.of(runId, cleaned), cleaned, origin));
    }
}
