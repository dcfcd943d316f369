-- query-service's tables as the previous release left them (Hibernate update from the entities); a database
-- of that release is baselined at this version (quarkus.flyway.baseline-version) and keeps its rows.
-- Generated from the entities by Hibernate (PostgreSQL dialect) and kept as written; ${text} is the unbounded text
-- type of the database (text on PostgreSQL, clob on H2: platform microprofile-config.properties).
create table corpus (createdAt timestamp(6) with time zone not null, duplicateCount bigint not null, emptyCount bigint not null, loadedAt timestamp(6) with time zone, malformedCount bigint not null, readCount bigint not null, storedCount bigint not null, tooLongCount bigint not null, format varchar(16) not null, status varchar(16) not null check ((status in ('LOADING','READY'))), id varchar(64) not null, filteredJson varchar(1000), filtersJson varchar(1000), source varchar(1000) not null, malformedJson varchar(20000), primary key (id));
create table corpus_query (line bigint not null, ordinal bigint not null, corpusId varchar(64) not null, hash varchar(64) not null, id varchar(100) not null, text varchar(65535) not null, primary key (id), constraint uk_corpus_query_hash unique (corpusId, hash), constraint uk_corpus_query_ordinal unique (corpusId, ordinal));
create table resample_grant (granted boolean not null, decidedAt timestamp(6) with time zone not null, runId varchar(100) not null, sampleId varchar(400) not null, primary key (sampleId));
create table run_resample_count (used integer not null, runId varchar(100) not null, primary key (runId));
create index ix_corpus_query_corpus on corpus_query (corpusId);
