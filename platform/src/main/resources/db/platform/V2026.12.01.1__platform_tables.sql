-- The platform's tables, in every service: idempotency markers, run specs, progress ledger, outbox.
-- Generated from the entities by Hibernate (PostgreSQL dialect) and kept as written; ${text} is the unbounded text
-- type of the database (text on PostgreSQL, clob on H2: platform microprofile-config.properties).
create sequence outbox_record_seq start with 1 increment by 50;
create table known_run (cancelled boolean not null, updatedAt timestamp(6) with time zone not null, runId varchar(100) not null, specJson ${text} not null, primary key (runId));
create table outbox_record (createdAt timestamp(6) with time zone not null, id bigint not null, topic varchar(200) not null, messageId varchar(400) not null, record_key varchar(400) not null, payload ${text} not null, primary key (id));
create table processed_message (processedAt timestamp(6) with time zone not null, id varchar(400) not null, primary key (id));
create table progress_entry (runId varchar(100) not null, messageId varchar(400) not null, deltaJson ${text} not null, primary key (messageId));
create index outbox_record_created on outbox_record (createdAt);
create index progress_entry_run on progress_entry (runId);
