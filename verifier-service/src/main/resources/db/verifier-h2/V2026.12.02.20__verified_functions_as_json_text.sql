-- verified_instruction.functionsJson becomes JSON text (mapped with platform JsonTextJdbcType). On H2 its @Lob was
-- already a clob, the ${text} type, so the rows stay as they are; PostgreSQL's large objects are copied into text by
-- the same version in db/verifier-postgresql.
alter table verified_instruction alter column functionsJson set data type ${text};
