-- verified_instruction.functionsJson was an @Lob String: on PostgreSQL an oid naming one large object per row (slow
-- to read, never vacuumed). It becomes JSON text (mapped with platform JsonTextJdbcType): each row's large object is
-- copied into a text column, then unlinked, so no row loses its functions and no large object is left behind.
-- H2 keeps the same version in db/verifier-h2 (its @Lob was already a clob).
alter table verified_instruction add column functionsJsonText text;
update verified_instruction set functionsJsonText = convert_from(lo_get(functionsJson), 'UTF8');
select lo_unlink(functionsJson) from verified_instruction;
alter table verified_instruction drop column functionsJson;
alter table verified_instruction rename column functionsJsonText to functionsJson;
alter table verified_instruction alter column functionsJson set not null;
