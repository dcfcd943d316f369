-- The schema the previous release (main before branch strict) left in verifier-service's PostgreSQL database:
-- Hibernate `update` from that release's entities (the platform's tables and verified_instruction, whose @Lob
-- Strings are oid columns naming one large object per row), with no Flyway history table; then a kept instruction
-- as that release wrote it. LegacySchemaMigrationTest starts the service on it and reads the row back after the
-- migration.
create sequence outbox_record_seq start with 1 increment by 50;
create table known_run (cancelled boolean not null, updatedAt timestamp(6) with time zone not null, runId varchar(100) not null, specJson text not null, primary key (runId));
create table outbox_record (createdAt timestamp(6) with time zone not null, id bigint not null, topic varchar(200) not null, messageId varchar(400) not null, record_key varchar(400) not null, payload text not null, primary key (id));
create table processed_message (processedAt timestamp(6) with time zone not null, id varchar(400) not null, primary key (id));
create table progress_entry (runId varchar(100) not null, messageId varchar(400) not null, deltaJson text not null, primary key (messageId));
create table verified_instruction (verifiedAt timestamp(6) with time zone not null, runId varchar(100), instructionId varchar(200) not null, functionsJson oid not null, text oid not null, primary key (instructionId));
create index outbox_record_created on outbox_record (createdAt);
create index progress_entry_run on progress_entry (runId);
insert into processed_message (id, processedAt) values ('cross-validation|legacy-message', '2026-11-30 10:00:00+00');
insert into verified_instruction (instructionId, runId, verifiedAt, text, functionsJson) values ('legacy-ins-1',
 'legacy-run-1', '2026-11-30 10:00:00+00', lo_from_bytea(0, convert_to('Answer in lowercase letters only.', 'UTF8')),
 lo_from_bytea(0, convert_to('[{"functionId":"legacy-f1","code":"def evaluate(response):\n    return response == response.lower()","accuracy":1.0,"constant":false},{"functionId":"legacy-f2","code":"def evaluate(response):\n    return ''É'' not in response","accuracy":0.75,"constant":false}]', 'UTF8')));
