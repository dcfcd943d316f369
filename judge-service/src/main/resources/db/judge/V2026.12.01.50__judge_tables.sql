-- judge-service's tables as the previous release left them (Hibernate update from the entities); a database
-- of that release is baselined at this version (quarkus.flyway.baseline-version) and keeps its rows.
-- Generated from the entities by Hibernate (PostgreSQL dialect) and kept as written; ${text} is the unbounded text
-- type of the database (text on PostgreSQL, clob on H2: platform microprofile-config.properties).
create table judgement (kept boolean not null, samples integer not null, score float(53), scoredSamples integer not null, judgedAt timestamp(6) with time zone not null, status varchar(16) not null check ((status in ('SCORED','UNSCORED'))), dropReason varchar(40), runId varchar(100) not null, instructionId varchar(300) not null, responseId varchar(300) not null, sourceMessageId varchar(300) not null, id varchar(400) not null, analysis varchar(16000) not null, primary key (id));
