-- export-service's tables as the previous release left them (Hibernate update from the entities); a database
-- of that release is baselined at this version (quarkus.flyway.baseline-version) and keeps its rows.
-- Generated from the entities by Hibernate (PostgreSQL dialect) and kept as written; ${text} is the unbounded text
-- type of the database (text on PostgreSQL, clob on H2: platform microprofile-config.properties).
create sequence export_case_pair_SEQ start with 1 increment by 50;
create sequence export_judged_response_SEQ start with 1 increment by 50;
create sequence export_stage_totals_SEQ start with 1 increment by 50;
create sequence export_verified_response_SEQ start with 1 increment by 50;
create table export_accepted_instruction (runId varchar(100) not null, instructionId varchar(200) not null, primary key (runId, instructionId));
create table export_case_pair (pairIndex integer not null, id bigint not null, runId varchar(100) not null, instructionId varchar(200) not null, chosen varchar(1000000) not null, instruction varchar(1000000) not null, rejected varchar(1000000) not null, primary key (id), constraint export_case_pair_key unique (runId, instructionId, pairIndex));
create table export_judged_response (kept boolean not null, passRate float(53) not null, score float(53), id bigint not null, status varchar(20) not null, runId varchar(100) not null, instructionId varchar(200) not null, queryId varchar(200) not null, responseId varchar(200) not null, sampleId varchar(200), analysis varchar(1000000), instruction varchar(1000000), prompt varchar(1000000) not null, query varchar(1000000), response varchar(1000000) not null, primary key (id), constraint export_judged_response_key unique (runId, responseId));
create table export_stage_totals (complete boolean not null, completionTokens bigint not null, id bigint not null, itemsIn bigint not null, itemsOut bigint not null, llmCalls bigint not null, promptTokens bigint not null, version bigint not null, stage varchar(40) not null, runId varchar(100) not null, droppedJson varchar(20000) not null, primary key (id), constraint export_stage_totals_key unique (runId, stage));
create table export_verified_response (attempt integer not null, passRate float(53) not null, responseIndex integer not null, id bigint not null, runId varchar(100) not null, instructionId varchar(200) not null, queryId varchar(200) not null, sampleId varchar(200) not null, instruction varchar(1000000), prompt varchar(1000000) not null, query varchar(1000000), response varchar(1000000) not null, primary key (id), constraint export_verified_response_key unique (runId, sampleId, attempt, responseIndex));
create index export_case_pair_order on export_case_pair (runId, instructionId, pairIndex);
create index export_judged_response_order on export_judged_response (runId, instructionId, queryId, responseId);
create index export_verified_response_order on export_verified_response (runId, instructionId, queryId, sampleId, attempt, responseIndex);
