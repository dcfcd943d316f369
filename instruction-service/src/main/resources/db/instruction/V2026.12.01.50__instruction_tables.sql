-- instruction-service's tables as the previous release left them (Hibernate update from the entities); a database
-- of that release is baselined at this version (quarkus.flyway.baseline-version) and keeps its rows.
-- Generated from the entities by Hibernate (PostgreSQL dialect) and kept as written; ${text} is the unbounded text
-- type of the database (text on PostgreSQL, clob on H2: platform microprofile-config.properties).
create table instruction (answersRequested integer not null, answersUnparsable integer not null, cases integer not null, functions integer not null, generated boolean not null, ordinal integer not null, origin varchar(20) not null check ((origin in ('SEED','AUGMENTED'))), instructionId varchar(100) not null, runId varchar(100) not null, answerKeys ${text}, text ${text} not null, primary key (instructionId));
create table run_lease (expiresAt timestamp(6) with time zone not null, version bigint not null, owner varchar(200) not null, runId varchar(100) not null, primary key (runId));
create table run_record (createdAt timestamp(6) with time zone not null, updatedAt timestamp(6) with time zone not null, state varchar(20) not null check ((state in ('QUEUED','RUNNING','GENERATED','FAILED','CANCELLED'))), runId varchar(100) not null, name varchar(200) not null, error varchar(1000), selfInstructProgressJson ${text}, specJson ${text} not null, primary key (runId));
create index instruction_run on instruction (runId, ordinal);
create index run_record_created on run_record (createdAt);
