-- llm-client's batch mode: batches owed answers, saved before their file is uploaded (a restart polls them again),
-- deleted once their answers are in llm_completion. Same placeholders as V2026.12.01.2__llm_completion.sql.
create table llm_batch (created_at timestamp(6) with time zone not null, local_id varchar(64) not null, endpoint varchar(1000) not null, batch_id varchar(255), primary key (local_id));
create index llm_batch_endpoint on llm_batch (endpoint);
create table llm_batch_line (id varchar(160) not null, local_id varchar(64) not null, custom_id varchar(64) not null, model varchar(255) not null, run_id varchar(255) not null, stage varchar(32) not null, prompt ${text_definition} not null, body ${text_definition} not null, primary key (id));
create index llm_batch_line_batch on llm_batch_line (local_id);
