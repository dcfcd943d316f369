package dev.autoif.query.persistence;

import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.JsonAsStringJdbcType;

/**
 * As platform {@code JsonTextJdbcType}, for a JSON value in a bounded {@code varchar(n)} column (the corpus report's
 * columns); the length is the field's {@code @Column(length)}.
 */
public class JsonVarcharJdbcType extends JsonAsStringJdbcType {

    public JsonVarcharJdbcType() {
        super(SqlTypes.VARCHAR, null);
    }
}
