package dev.autoif.platform.persistence;

import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.JsonAsStringJdbcType;

/**
 * An entity field stored as JSON in an unbounded text column ({@code text} on PostgreSQL, as columns created before
 * JSON mapping are): {@code @JdbcTypeCode(SqlTypes.JSON) @JdbcType(JsonTextJdbcType.class)}. Hibernate writes and
 * reads the value with {@link JsonColumnFormat}, so no entity carries its own serialisation and try/catch, and the
 * column keeps its type (no migration; {@code SqlTypes.JSON} alone would want {@code jsonb}).
 */
public class JsonTextJdbcType extends JsonAsStringJdbcType {

    public JsonTextJdbcType() {
        super(SqlTypes.LONG32VARCHAR, null);
    }
}
