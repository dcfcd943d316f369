package dev.autoif.instruction.persistence;

import dev.autoif.contracts.InstructionOrigin;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;

/** A run's instructions filtered by text and origin in the database, one bounded page at a time. */
@ApplicationScoped
public class InstructionSearch {

    /** Null fields do not filter. */
    public record Filter(String runId, String text, InstructionOrigin origin) {
    }

    @Transactional
    public List<InstructionEntity> page(Filter f, int offset, int limit) {
        Parameters p = new Parameters();
        return InstructionEntity.<InstructionEntity>find(where(f, p), Sort.ascending("ordinal"), p)
                .range(offset, offset + limit - 1).list();
    }

    @Transactional
    public long count(Filter f) {
        Parameters p = new Parameters();
        return InstructionEntity.count(where(f, p), p);
    }

    private static String where(Filter f, Parameters p) {
        StringBuilder w = new StringBuilder("runId = :run");
        p.and("run", f.runId());
        if (f.text() != null) {
            w.append(" and lower(cast(text as String)) like :text escape '\\'");
            p.and("text", "%" + f.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (f.origin() != null) {
            w.append(" and origin = :origin");
            p.and("origin", f.origin());
        }
        return w.toString();
    }
}
